import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventMessages } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { toE164 } from "@/lib/registration/phone";

export const OPTED_OUT_REASON = "opted out of SMS";

/**
 * SPEC §4: an opt-out takes effect at once for every contractor on that number, and the
 * SMS already planned for them end `skipped` with the reason (the skip rules check the
 * flag again at send, so a row claimed concurrently is caught there). Returns how many
 * pending rows were skipped. Called from an inbound STOP and from a Twilio 21610 on send.
 */
export async function markOptedOut(db: Db, rawPhone: string, at: Date = clockNow()): Promise<{ contractors: number; skipped: number }> {
  const phone = toE164(rawPhone) ?? rawPhone;
  const people = await db
    .update(contractors)
    .set({ smsOptedOutAt: sql`coalesce(${contractors.smsOptedOutAt}, ${at.toISOString()}::timestamptz)`, updatedAt: at })
    .where(eq(contractors.phone, phone))
    .returning({ id: contractors.id });
  if (people.length === 0) return { contractors: 0, skipped: 0 };
  const skipped = await db
    .update(eventMessages)
    .set({ status: "skipped", statusReason: OPTED_OUT_REASON, nextAttemptAt: null, updatedAt: at })
    .where(
      and(
        inArray(eventMessages.contractorId, people.map((p) => p.id)),
        eq(eventMessages.channel, "sms"),
        eq(eventMessages.status, "scheduled"),
      ),
    )
    .returning({ id: eventMessages.id });
  return { contractors: people.length, skipped: skipped.length };
}

/** START / UNSTOP: texting the keyword is consent again (and clears the opt-out). */
export async function markOptedIn(db: Db, rawPhone: string, at: Date = clockNow()): Promise<number> {
  const phone = toE164(rawPhone) ?? rawPhone;
  const rows = await db
    .update(contractors)
    .set({ smsOptedOutAt: null, smsOptIn: true, updatedAt: at })
    .where(and(eq(contractors.phone, phone)))
    .returning({ id: contractors.id });
  return rows.length;
}

/** Resend bounce/complaint: no more email to that address (checked by the skip rules). */
export async function markEmailBounced(db: Db, email: string, at: Date = clockNow()): Promise<number> {
  const rows = await db
    .update(contractors)
    .set({ emailBouncedAt: at, updatedAt: at })
    .where(and(eq(contractors.email, email.trim().toLowerCase()), isNull(contractors.emailBouncedAt)))
    .returning({ id: contractors.id });
  return rows.length;
}
