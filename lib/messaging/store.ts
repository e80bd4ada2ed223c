import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages, type MessageChannel, type MessageType } from "@/db/schema";
import type { PlannedMessage } from "@/lib/scheduling/plan";

export type MessageOwner = { eventId: string; attendeeId: string; contractorId: string };
export type SavedMessage = { id: string; scheduledFor: Date; scheduleVersion?: number; channel?: MessageChannel };

/**
 * Writes planned messages to the outbox. A message already planned under the same
 * (attendee, type, channel, key) is moved rather than duplicated; one already sent,
 * skipped or failed is left alone (returned rows are only those now scheduled).
 */
export async function savePlannedMessages(
  db: Db,
  owner: MessageOwner,
  planned: Array<PlannedMessage & { personalization?: Record<string, unknown> }>,
  personalization: Record<string, unknown> = {},
): Promise<SavedMessage[]> {
  if (planned.length === 0) return [];
  return db
    .insert(eventMessages)
    .values(
      planned.map((p) => ({
        ...owner,
        type: p.type,
        channel: p.channel,
        dedupeKey: p.dedupeKey,
        scheduledFor: p.scheduledFor,
        personalization: p.personalization ?? personalization,
      })),
    )
    .onConflictDoUpdate({
      target: [eventMessages.attendeeId, eventMessages.type, eventMessages.channel, eventMessages.dedupeKey],
      set: {
        scheduledFor: sql`excluded.scheduled_for`,
        status: "scheduled",
        statusReason: null,
        nextAttemptAt: null,
        scheduleVersion: sql`${eventMessages.scheduleVersion} + 1`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`${eventMessages.status} in ('scheduled', 'cancelled')`,
    })
    .returning({
      id: eventMessages.id,
      scheduledFor: eventMessages.scheduledFor,
      scheduleVersion: eventMessages.scheduleVersion,
      channel: eventMessages.channel,
    });
}

/**
 * Cancels this attendee's still-scheduled messages of `types` that the new plan no
 * longer contains (e.g. a reminder whose time has passed after the event moved).
 */
export async function cancelUnplannedMessages(
  db: Db,
  attendeeId: string,
  types: MessageType[],
  keep: PlannedMessage[],
  reason: string,
): Promise<string[]> {
  const keepKeys = keep.map((p) => `${p.type}|${p.channel}|${p.dedupeKey}`);
  const rows = await db
    .update(eventMessages)
    .set({ status: "cancelled", statusReason: reason, scheduleVersion: sql`${eventMessages.scheduleVersion} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(eventMessages.attendeeId, attendeeId),
        eq(eventMessages.status, "scheduled"),
        inArray(eventMessages.type, types),
        keepKeys.length
          ? notInArray(sql`${eventMessages.type}::text || '|' || ${eventMessages.channel}::text || '|' || ${eventMessages.dedupeKey}`, keepKeys)
          : undefined,
      ),
    )
    .returning({ id: eventMessages.id });
  return rows.map((r) => r.id);
}

/** Cancels every pending message of an attendee (SPEC §3: cancellation). */
export async function cancelAllPendingMessages(db: Db, attendeeId: string, reason: string): Promise<string[]> {
  const rows = await db
    .update(eventMessages)
    .set({ status: "cancelled", statusReason: reason, scheduleVersion: sql`${eventMessages.scheduleVersion} + 1`, updatedAt: sql`now()` })
    .where(and(eq(eventMessages.attendeeId, attendeeId), eq(eventMessages.status, "scheduled")))
    .returning({ id: eventMessages.id });
  return rows.map((r) => r.id);
}
