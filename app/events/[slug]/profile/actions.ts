"use server";

import type { ProfileFormState } from "@/components/events/profile-form";
import { getDb } from "@/lib/db";
import { completeProfile } from "@/lib/registration/profile";

const TEXT_FIELDS = [
  "first_name",
  "last_name",
  "phone",
  "company_name",
  "business_type",
  "service_area",
  "revenue_tier",
  "team_size",
] as const;

/** The profile form (bound to the attendee's token by the page). Empty fields keep what is on file. */
export async function saveProfile(token: string, _prev: ProfileFormState, formData: FormData): Promise<ProfileFormState> {
  const input: Record<string, unknown> = {};
  for (const name of TEXT_FIELDS) {
    const v = formData.get(name);
    input[name] = typeof v === "string" ? v.slice(0, 500) : undefined;
  }
  input.focus_areas = formData
    .getAll("focus_areas")
    .filter((v): v is string => typeof v === "string")
    .slice(0, 20);

  const result = await completeProfile(await getDb(), token, input);
  if (!result.ok) {
    const { status, message, fields } = result.error;
    if (status === 404) return { status: "error", message: "This link doesn't work any more. Open the link from your latest email or text.", fields: {} };
    return { status: "error", message, fields: fields ?? {} };
  }
  return { status: "saved", completed: result.completed, missingFields: result.missingFields };
}
