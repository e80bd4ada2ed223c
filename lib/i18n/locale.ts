/**
 * The languages an attendee can choose (contractors.language). Client-safe: pages,
 * templates and the model prompts all read the locale from here.
 */
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(v: unknown): v is Locale {
  return v === "en" || v === "es";
}

/** Anything unknown (null, an old row, a typo in a CSV) reads as English. */
export function toLocale(v: unknown): Locale {
  return isLocale(v) ? v : "en";
}

/** The Intl/luxon locale: US English and US Spanish (the attendees are US contractors). */
export function intlLocale(locale: Locale): string {
  return locale === "es" ? "es-US" : "en-US";
}
