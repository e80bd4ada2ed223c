import { z } from "zod";
import { optionalText, requiredText, slug } from "@/lib/http/parse";
import { toE164 } from "./phone";

/** The public registration form and POST /api/event-check-in/register share these rules. */
export const registrationInputSchema = z
  .object({
    eventSlug: requiredText(100).pipe(slug),
    firstName: requiredText(100),
    lastName: requiredText(100),
    email: requiredText(254)
      .transform((v) => v.toLowerCase())
      .pipe(z.email("is not a valid email address")),
    phone: optionalText(40),
    smsConsent: z.boolean({ error: "must be true or false" }).default(false),
    companyName: optionalText(200),
    /** Texts, emails and pages in English or Spanish (contractors.language). */
    language: z.enum(["en", "es"], { error: "must be en or es" }).default("en"),
  })
  .transform((v, ctx) => {
    if (!v.phone) {
      if (v.smsConsent) ctx.addIssue({ code: "custom", path: ["phone"], message: "is required to receive text messages" });
      return { ...v, phone: undefined };
    }
    const e164 = toE164(v.phone);
    if (!e164) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "is not a valid mobile number" });
      return z.NEVER;
    }
    return { ...v, phone: e164 };
  });

/** What callers pass in (the schema parses it again: a caller's types are not a check). */
export type RegistrationInput = {
  eventSlug: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  smsConsent?: boolean;
  companyName?: string;
  language?: "en" | "es";
};
export type ValidRegistration = z.output<typeof registrationInputSchema>;

/** The JSON endpoint also accepts the seed's snake_case keys. */
const ALIASES: Record<string, string> = {
  event_slug: "eventSlug",
  first_name: "firstName",
  last_name: "lastName",
  sms_opt_in: "smsConsent",
  company_name: "companyName",
};

export const registrationRequestSchema = z.preprocess((raw) => {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) out[ALIASES[k] ?? k] ??= v;
  return out;
}, z.object({}, { error: "must be a JSON object" }).passthrough().pipe(registrationInputSchema));
