import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executedRows, unnestValues, type BulkColumn } from "@/db/bulk";
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
  return savePlannedRows(db, planned.map((p) => ({ owner, planned: { ...p, personalization: p.personalization ?? personalization } })));
}

/** A planned row's columns in `unnestValues` form, in this order (the planner here, the CSV import's fast path). */
export const OUTBOX_COLUMNS: BulkColumn[] = [
  { name: "event_id", type: "uuid" },
  { name: "attendee_id", type: "uuid" },
  { name: "contractor_id", type: "uuid" },
  { name: "type", type: "message_type" },
  { name: "channel", type: "message_channel" },
  { name: "dedupe_key", type: "text" },
  { name: "scheduled_for", type: "timestamptz" },
  { name: "personalization", type: "jsonb" },
];

/**
 * `savePlannedMessages` for rows of several owners in one statement (the lunch batch writes
 * ~20,000 introductions at once): one parameter per column (`unnestValues`), not one per cell.
 */
export async function savePlannedRows(
  db: Db,
  rows: Array<{ owner: MessageOwner; planned: PlannedMessage & { personalization: Record<string, unknown> } }>,
): Promise<SavedMessage[]> {
  if (rows.length === 0) return [];
  const values = unnestValues(
    OUTBOX_COLUMNS,
    rows.map(({ owner, planned: p }) => [owner.eventId, owner.attendeeId, owner.contractorId, p.type, p.channel, p.dedupeKey, p.scheduledFor, p.personalization]),
  );
  // Already planned under the same (attendee, type, channel, key): moved, not duplicated; sent, skipped or failed: left alone.
  const saved = executedRows<{ id: string; scheduled_for: string | Date; schedule_version: number; channel: MessageChannel }>(
    await db.execute(sql`
      insert into event_messages (${sql.raw(OUTBOX_COLUMNS.map((c) => c.name).join(", "))})
      ${values}
      on conflict (attendee_id, type, channel, dedupe_key) do update
        set scheduled_for = excluded.scheduled_for, status = 'scheduled', status_reason = null, next_attempt_at = null,
            schedule_version = event_messages.schedule_version + 1, updated_at = now()
        where event_messages.status in ('scheduled', 'cancelled')
      returning id, scheduled_for, schedule_version, channel`),
  );
  return saved.map((r) => ({ id: r.id, scheduledFor: new Date(r.scheduled_for), scheduleVersion: Number(r.schedule_version), channel: r.channel }));
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
