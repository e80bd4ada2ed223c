import { eq, isNull, and, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { getAttendeeByToken } from "@/lib/registration/profile";

/**
 * One-click unsubscribe from email (RFC 8058), keyed by the attendee's link token.
 * Idempotent: the first time is kept. Transactional email about the registration
 * itself (the confirmation) still goes; reminders and follow-ups stop (skip rules).
 */
export async function unsubscribeEmail(db: Db, token: string): Promise<{ ok: boolean; email?: string }> {
  const found = await getAttendeeByToken(db, token);
  if (!found) return { ok: false };
  await db
    .update(contractors)
    .set({ emailUnsubscribedAt: clockNow(), updatedAt: sql`now()` })
    .where(and(eq(contractors.id, found.contractor.id), isNull(contractors.emailUnsubscribedAt)));
  return { ok: true, email: found.contractor.email };
}
