import type { Contractor } from "@/db/schema";

/** SPEC §3.1: the fields that make a profile complete, with the labels people see. */
export const REQUIRED_PROFILE_FIELDS = [
  ["first_name", "first name"],
  ["last_name", "last name"],
  ["email", "email"],
  ["phone", "mobile phone"],
  ["company_name", "company"],
  ["revenue_tier", "annual revenue"],
  ["team_size", "team size"],
  ["focus_areas", "focus areas"],
] as const;

export type ProfileField = (typeof REQUIRED_PROFILE_FIELDS)[number][0];

export function missingProfileFields(c: Partial<Contractor>): ProfileField[] {
  const present: Record<ProfileField, boolean> = {
    first_name: Boolean(c.firstName?.trim()),
    last_name: Boolean(c.lastName?.trim()),
    email: Boolean(c.email?.trim()),
    phone: Boolean(c.phone),
    company_name: Boolean(c.companyName?.trim()),
    revenue_tier: Boolean(c.revenueTier),
    team_size: typeof c.teamSize === "number" && c.teamSize > 0,
    focus_areas: (c.focusAreas?.length ?? 0) > 0,
  };
  return REQUIRED_PROFILE_FIELDS.map(([f]) => f).filter((f) => !present[f]);
}

export function isProfileComplete(c: Partial<Contractor>): boolean {
  return missingProfileFields(c).length === 0;
}
