"use server";

import { getDb } from "@/lib/db";
import { getPlanVersion as loadPlanVersion } from "@/lib/agenda/plan-version";
import { action } from "@/lib/http/action";
import { slug, token } from "@/lib/http/parse";
import { getAttendeeByToken } from "@/lib/registration/profile";
import { tokenActionLimit } from "@/lib/registration/limits";

/**
 * The agenda page's "is my plan ready yet?" poll (bound to slug and token by the page).
 * Only the status: a full page render would count as another open of the page.
 * null for a wrong token or slug, like the page itself.
 */
export const getPlanStatus = action(
  { auth: "public", args: [slug, token], limit: ({ ip }) => tokenActionLimit(ip), onError: (): string | null => null },
  async ({ args: [eventSlug, t] }): Promise<string | null> => {
    const found = await getAttendeeByToken(await getDb(), t);
    if (!found || found.event.slug !== eventSlug) return null;
    return found.attendee.planStatus;
  },
);

/** The "has my plan changed?" poll of a ready page (status, picks, peer batch): re-render only on change. */
export const getPlanVersion = action(
  { auth: "public", args: [slug, token], limit: ({ ip }) => tokenActionLimit(ip), onError: (): string | null => null },
  async ({ args: [eventSlug, t] }): Promise<string | null> => loadPlanVersion(await getDb(), eventSlug, t),
);
