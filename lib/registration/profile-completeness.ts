import type { Contractor } from "@/db/schema";

/**
 * SPEC §3.1: a profile is complete with these fields and at least one focus area.
 * Keys are the API's snake_case names so the check-in endpoint's `missing_fields[]`
 * and the reminders say the same thing.
 */
export const PROFILE_FIELDS = [
  "first_name",
  "last_name",
  "email",
  "phone",
  "company_name",
  "revenue_tier",
  "team_size",
  "focus_areas",
] as const;

export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const PROFILE_FIELD_LABELS: Record<ProfileField, string> = {
  first_name: "first name",
  last_name: "last name",
  email: "email address",
  phone: "mobile number",
  company_name: "company name",
  revenue_tier: "annual revenue range",
  team_size: "team size",
  focus_areas: "focus areas",
};

export type ProfileFacts = Pick<
  Contractor,
  "firstName" | "lastName" | "email" | "phone" | "companyName" | "revenueTier" | "teamSize" | "focusAreas"
>;

// A blank string is as missing as a null: forms and imports both produce them.
const filled = (s: string | null | undefined) => typeof s === "string" && s.trim().length > 0;

const PRESENT: Record<ProfileField, (c: ProfileFacts) => boolean> = {
  first_name: (c) => filled(c.firstName),
  last_name: (c) => filled(c.lastName),
  email: (c) => filled(c.email),
  phone: (c) => filled(c.phone),
  company_name: (c) => filled(c.companyName),
  revenue_tier: (c) => filled(c.revenueTier),
  // 0 is an answer (a solo operator); only "never asked" is missing.
  team_size: (c) => c.teamSize !== null && c.teamSize !== undefined,
  focus_areas: (c) => (c.focusAreas ?? []).some(filled),
};

/** The profile fields still missing, in form order. */
export function missingProfileFields(contractor: ProfileFacts): ProfileField[] {
  return PROFILE_FIELDS.filter((f) => !PRESENT[f](contractor));
}

/** The same, as lower-case human labels ("company name", "team size"). */
export function missingProfileFieldLabels(contractor: ProfileFacts): string[] {
  return missingProfileFields(contractor).map((f) => PROFILE_FIELD_LABELS[f]);
}

export function isProfileComplete(contractor: ProfileFacts): boolean {
  return missingProfileFields(contractor).length === 0;
}
