"use server";

import { getDb } from "@/lib/db";
import { getAttendeeByToken } from "@/lib/registration/profile";

/**
 * The agenda page's "is my plan ready yet?" poll (bound to slug and token by the page).
 * Only the status: a full page render would count as another open of the page.
 * null for a wrong token or slug, like the page itself.
 */
export async function getPlanStatus(slug: string, token: string): Promise<string | null> {
  const found = await getAttendeeByToken(await getDb(), token);
  if (!found || found.event.slug !== slug) return null;
  return found.attendee.planStatus;
}
