import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventAgendaItems, eventSpeakers, eventSponsors, events, type AgendaItem, type Event, type Speaker, type Sponsor } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { appError, type Result } from "@/lib/errors";
import { schedulePeerBatch } from "@/lib/orchestration/peer-batch";
import { scheduleEventCompletion } from "@/lib/followup/complete";
import { replanEventMessages } from "@/lib/scheduling/replan";
import { getEventById } from "./queries";

/**
 * Single-row writes for the REST API (lib/api): create an event and add agenda
 * items, speakers and sponsors one at a time. The event-file writer (import.ts)
 * syncs whole sections and retires what a file leaves out, which is wrong for
 * "add one session"; these write one row and then do what an import does after
 * a schedule change: re-plan the messages that depend on it and reschedule the
 * peer batch. A new file beside the console's CRUD so the two do not collide;
 * the lead may fold them together.
 */

export type EventValues = {
  name: string;
  slug: string;
  description: string | null;
  venue: string | null;
  address: string | null;
  timezone: string;
  startsAt: Date;
  endsAt: Date;
  status: "draft" | "published";
  checkInClosesAt: Date | null;
  organizerName: string | null;
  organizerEmail: string | null;
  organizerPhone: string | null;
};

const conflict = (message: string, field: string) => appError(409, "conflict", message, { [field]: "is already taken" });

/** A key for rows created without one (the event file's stable key, unique per event). */
export function generatedKey(kind: string): string {
  return `${kind}-${randomBytes(6).toString("hex")}`;
}

export async function createEvent(db: Db, values: EventValues): Promise<Result<{ event: Event }>> {
  const [event] = await db.insert(events).values(values).onConflictDoNothing({ target: events.slug }).returning();
  if (!event) return { ok: false, error: conflict("An event with this slug already exists.", "slug") };
  await schedulePeerBatch(db, event.id);
  await scheduleEventCompletion(db, event.id);
  return { ok: true, event };
}

/** Changes the given fields; a change of times or zone re-plans every dependent message. */
export async function updateEvent(db: Db, eventId: string, patch: Partial<Omit<EventValues, "slug">>): Promise<Result<{ event: Event; replanned: boolean }>> {
  const before = await getEventById(db, eventId);
  if (!before) return { ok: false, error: appError(404, "event_not_found", "No such event.") };
  if (before.status === "cancelled" || before.status === "completed") {
    return { ok: false, error: appError(409, "event_closed", `This event is ${before.status}; it can no longer be changed.`) };
  }
  if (patch.status && before.status === "live") {
    return { ok: false, error: appError(409, "event_live", "This event is live; its status is no longer set by hand.") };
  }
  const startsAt = patch.startsAt ?? before.startsAt;
  const endsAt = patch.endsAt ?? before.endsAt;
  if (endsAt <= startsAt) return { ok: false, error: appError(400, "invalid_input", "Please check: ends_at.", { ends_at: "must be after starts_at" }) };
  const [event] = await db.update(events).set({ ...patch, updatedAt: clockNow() }).where(eq(events.id, eventId)).returning();
  const moved = startsAt.getTime() !== before.startsAt.getTime() || endsAt.getTime() !== before.endsAt.getTime() || event.timezone !== before.timezone;
  if (moved) await afterScheduleChange(db, eventId);
  return { ok: true, event, replanned: moved };
}

type KeyedInput<T> = Omit<T, "id" | "eventId" | "createdAt" | "key"> & { key?: string };

export async function createSpeaker(db: Db, eventId: string, input: KeyedInput<typeof eventSpeakers.$inferInsert>): Promise<Result<{ speaker: Speaker }>> {
  if (!(await getEventById(db, eventId))) return { ok: false, error: appError(404, "event_not_found", "No such event.") };
  const [speaker] = await db
    .insert(eventSpeakers)
    .values({ ...input, eventId, key: input.key ?? generatedKey("speaker") })
    .onConflictDoNothing()
    .returning();
  if (!speaker) return { ok: false, error: conflict("This event already has a speaker with this key.", "key") };
  return { ok: true, speaker };
}

export async function createSponsor(db: Db, eventId: string, input: KeyedInput<typeof eventSponsors.$inferInsert>): Promise<Result<{ sponsor: Sponsor }>> {
  if (!(await getEventById(db, eventId))) return { ok: false, error: appError(404, "event_not_found", "No such event.") };
  const [sponsor] = await db
    .insert(eventSponsors)
    .values({ ...input, eventId, key: input.key ?? generatedKey("sponsor") })
    .onConflictDoNothing()
    .returning();
  if (!sponsor) return { ok: false, error: conflict("This event already has a sponsor with this key.", "key") };
  return { ok: true, sponsor };
}

/** Adds a session (or break, lunch, …): session alerts, reminders and the peer batch follow it. */
export async function createAgendaItem(db: Db, eventId: string, input: KeyedInput<typeof eventAgendaItems.$inferInsert>): Promise<Result<{ item: AgendaItem }>> {
  const event = await getEventById(db, eventId);
  if (!event) return { ok: false, error: appError(404, "event_not_found", "No such event.") };
  if (event.status === "cancelled" || event.status === "completed") {
    return { ok: false, error: appError(409, "event_closed", `This event is ${event.status}; its agenda can no longer change.`) };
  }
  if (input.speakerId) {
    const [speaker] = await db.select({ id: eventSpeakers.id }).from(eventSpeakers).where(and(eq(eventSpeakers.id, input.speakerId), eq(eventSpeakers.eventId, eventId)));
    if (!speaker) return { ok: false, error: appError(400, "invalid_input", "Please check: speaker_id.", { speaker_id: "is not a speaker of this event" }) };
  }
  const [item] = await db
    .insert(eventAgendaItems)
    .values({ ...input, eventId, key: input.key ?? generatedKey("item") })
    .onConflictDoNothing()
    .returning();
  if (!item) return { ok: false, error: conflict("This event already has an agenda item with this key.", "key") };
  await afterScheduleChange(db, eventId);
  return { ok: true, item };
}

async function afterScheduleChange(db: Db, eventId: string): Promise<void> {
  await replanEventMessages(db, eventId);
  await schedulePeerBatch(db, eventId);
  await scheduleEventCompletion(db, eventId);
}
