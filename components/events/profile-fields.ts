import type { REVENUE_TIERS } from "@/lib/registration/profile";

export type RevenueTier = (typeof REVENUE_TIERS)[number];

export const REVENUE_TIER_LABELS: Record<RevenueTier, string> = {
  under_500k: "Under $500K",
  "500k_1m": "$500K – $1M",
  "1m_5m": "$1M – $5M",
  "5m_plus": "$5M or more",
};

/** Stored lower-case, as the event files' tags are (lib/events/event-file.ts). */
export const FOCUS_AREAS = [
  { value: "pricing", label: "Pricing" },
  { value: "hiring", label: "Hiring" },
  { value: "marketing", label: "Marketing" },
  { value: "financing", label: "Financing" },
  { value: "operations", label: "Operations" },
  { value: "sales", label: "Sales" },
  { value: "technology", label: "Technology" },
  { value: "safety", label: "Safety" },
  { value: "leadership", label: "Leadership" },
  { value: "customer experience", label: "Customer experience" },
] as const;

export type ProfileFieldName =
  | "first_name"
  | "last_name"
  | "email"
  | "phone"
  | "company_name"
  | "business_type"
  | "service_area"
  | "revenue_tier"
  | "team_size"
  | "focus_areas";

export const PROFILE_LABELS: Record<ProfileFieldName, string> = {
  first_name: "First name",
  last_name: "Last name",
  email: "Email",
  phone: "Mobile phone",
  company_name: "Company",
  business_type: "Type of business",
  service_area: "Service area",
  revenue_tier: "Annual revenue",
  team_size: "Team size",
  focus_areas: "Focus areas",
};

/** "phone, team size and focus areas" */
export function missingList(fields: readonly string[]): string {
  const names = fields.map((f) => PROFILE_LABELS[f as ProfileFieldName]?.toLowerCase() ?? f.replace(/_/g, " "));
  return new Intl.ListFormat("en", { style: "long", type: "conjunction" }).format(names);
}
