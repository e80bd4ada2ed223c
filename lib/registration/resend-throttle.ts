import { and, eq, min } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages } from "@/db/schema";
import { CONFIRMATION_RESEND_INTERVAL_MS } from "@/lib/ratelimit/limits";

/**
 * SPEC §8: a repeat registration re-sends the confirmation at most once per 10 minutes,
 * counted from the last re-send (the first registration's own confirmation does not
 * count, so someone who re-registers because the email did not arrive gets one at once).
 * Re-activating a cancelled registration (`created`) always confirms.
 */
export function resendThrottled(lastResendAt: Date | null, at: Date): boolean {
  return lastResendAt !== null && at.getTime() - lastResendAt.getTime() < CONFIRMATION_RESEND_INTERVAL_MS;
}

/** How many confirmations this registration has had, and when the last re-send (r2, r3, …) was made. */
export async function earlierConfirmations(db: Db, attendeeId: string) {
  const rows = await db
    .select({ key: eventMessages.dedupeKey, at: min(eventMessages.scheduledFor) })
    .from(eventMessages)
    .where(and(eq(eventMessages.attendeeId, attendeeId), eq(eventMessages.type, "registration_confirmation")))
    .groupBy(eventMessages.dedupeKey);
  // Keys count up (r1, r2, …). Its email goes at once and a quiet-hours SMS later:
  // the earliest row of the latest key is when that re-send was asked for.
  const keyNumber = (k: string) => Number(k.slice(1)) || 0;
  const latest = rows.reduce<(typeof rows)[number] | null>(
    (best, r) => (!best || keyNumber(r.key) > keyNumber(best.key) ? r : best),
    null,
  );
  return { count: rows.length, lastResendAt: latest && latest.key !== "r1" ? latest.at : null };
}
