"use server";

import { z } from "zod";
import type { ProfileFormState } from "@/components/events/profile-form";
import { getDb } from "@/lib/db";
import { action } from "@/lib/http/action";
import { optionalText, token } from "@/lib/http/parse";
import { completeProfile } from "@/lib/registration/profile";
import { tokenActionLimit } from "@/lib/registration/limits";

const BAD_LINK = "This link doesn't work any more. Open the link from your latest email or text.";

/** The form's fields as posted; completeProfile checks their meaning. Empty text fields keep what is on file. */
const form = z.object({
  first_name: optionalText(100),
  last_name: optionalText(100),
  phone: optionalText(40),
  company_name: optionalText(200),
  business_type: optionalText(100),
  service_area: optionalText(200),
  revenue_tier: optionalText(40),
  team_size: optionalText(12),
  focus_areas: z
    .union([optionalText(60), z.array(optionalText(60))])
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v.filter((x): x is string => Boolean(x)) : [v])),
  language: z.enum(["en", "es"]).optional(),
});

/**
 * The profile form, bound to the attendee's token by the page. The token is the
 * only authority: it is parsed as a token (a posted object or id is a 400), and
 * nothing else in the request says who is asking.
 */
export const saveProfile = action(
  {
    auth: "public",
    args: [token],
    withPrevState: true,
    form,
    limit: ({ ip }) => tokenActionLimit(ip),
    onError: (e): ProfileFormState =>
      e.status === 400 && e.fields?.arg0 ? { status: "error", message: BAD_LINK, fields: {} } : { status: "error", message: e.message, fields: e.fields ?? {} },
  },
  async ({ args: [t], form }): Promise<ProfileFormState> => {
    // Unticking every focus area clears them, as the form shows.
    const input = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined));
    const result = await completeProfile(await getDb(), t, input);
    if (!result.ok) {
      const { status, message, fields } = result.error;
      if (status === 404) return { status: "error", message: BAD_LINK, fields: {} };
      return { status: "error", message, fields: fields ?? {} };
    }
    return { status: "saved", completed: result.completed, missingFields: result.missingFields };
  },
);
