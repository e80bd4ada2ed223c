import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/** E.164 or null when the number is not a valid phone number. */
export function toE164(raw: string, defaultCountry: CountryCode = "US"): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}
