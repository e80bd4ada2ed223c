import { en, type Dictionary } from "./en";
import { es } from "./es";
import type { Locale } from "./locale";

export { LOCALES, isLocale, toLocale, intlLocale, type Locale } from "./locale";
export type { Dictionary } from "./en";

const DICTIONARIES: Record<Locale, Dictionary> = { en, es };

/** The attendee pages' strings for one locale (typed: a missing key is a compile error). */
export function dictionary(locale: Locale): Dictionary {
  return DICTIONARIES[locale];
}
