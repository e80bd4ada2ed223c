import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { recommendations } from "@/db/schema";
import { getAttendeeByToken } from "@/lib/registration/profile";

/**
 * A short fingerprint of what the agenda page shows from the plan: its status, how
 * many picks it has and whether the peer batch has run. The page polls it (cheaply,
 * without counting as an open) and re-renders when it changes. null: a bad link.
 */
export async function getPlanVersion(db: Db, slug: string, token: string): Promise<string | null> {
  const found = await getAttendeeByToken(db, token);
  if (!found || found.event.slug !== slug) return null;
  const [{ n }] = await db.select({ n: count() }).from(recommendations).where(eq(recommendations.attendeeId, found.attendee.id));
  return [found.attendee.planStatus, n, found.event.peerBatchRanAt?.getTime() ?? 0, found.event.updatedAt?.getTime() ?? 0].join(":");
}
