import { randomBytes } from "node:crypto";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages, events, type Event, type EventStatus } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { appError, type Result } from "@/lib/errors";
import { dispatchCancelledMessages } from "@/lib/jobs/dispatch";
import { schedulePeerBatch } from "@/lib/orchestration/peer-batch";
import { scheduleEventCompletion } from "@/lib/followup/complete";
import type { EventFile } from "./event-file";
import { getEventById } from "./queries";
import { valuesDiffer } from "./import";
import { withReplan, type WhatMoved } from "./what-moved";
import { inviteForPublishedEvent } from "@/lib/followup/between-events";

/** Organizer edits of an event (the console): the same rows the event file writes. */

/** A stable key for a row created in the browser (the event file's keys come from the file). */
export function newKey(label: string): string {
  const base = label.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "item";
  return `${base}-${randomBytes(3).toString("hex")}`;
}

function rowValues(e: EventFile["event"]) {
  return {
    name: e.name,
    slug: e.slug,
    description: e.description ?? null,
    venue: e.venue ?? null,
    address: e.address ?? null,
    timezone: e.timezone,
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    checkInClosesAt: e.check_in_closes_at ?? null,
    organizerName: e.organizer?.name ?? null,
    organizerEmail: e.organizer?.email ?? null,
    organizerPhone: e.organizer?.phone ?? null,
  };
}

const slugTaken = () => appError(409, "slug_taken", "Another event already uses this web address.", { slug: "is already used by another event" });

export async function createEvent(db: Db, input: EventFile["event"]): Promise<Result<{ event: Event }>> {
  const [clash] = await db.select({ id: events.id }).from(events).where(eq(events.slug, input.slug));
  if (clash) return { ok: false, error: slugTaken() };
  const [event] = await db.insert(events).values({ ...rowValues(input), status: "draft" }).onConflictDoNothing().returning();
  if (!event) return { ok: false, error: slugTaken() };
  return { ok: true, event };
}

export async function updateEvent(db: Db, eventId: string, input: EventFile["event"]): Promise<Result<{ event: Event; moved: WhatMoved | null }>> {
  const existing = await getEventById(db, eventId);
  if (!existing) return { ok: false, error: appError(404, "event_not_found", "No such event.") };
  const values = rowValues(input);
  const [clash] = await db.select({ id: events.id }).from(events).where(and(eq(events.slug, values.slug), ne(events.id, eventId)));
  if (clash) return { ok: false, error: slugTaken() };
  const { timezone, startsAt, endsAt } = values;
  const write = () => db.update(events).set({ ...values, updatedAt: clockNow() }).where(eq(events.id, eventId)).returning();
  if (!valuesDiffer(existing, { timezone, startsAt, endsAt })) {
    const [event] = await write();
    return { ok: true, event, moved: null };
  }
  const { result, moved } = await withReplan(db, eventId, clockNow(), write);
  return { ok: true, event: result[0], moved };
}

/** Which status changes the console offers from each status. */
const NEXT: Record<EventStatus, EventStatus[]> = {
  draft: ["published", "cancelled"],
  published: ["draft", "cancelled"],
  live: ["cancelled"],
  completed: [],
  cancelled: [],
};

export function allowedStatusChanges(status: EventStatus): EventStatus[] {
  return NEXT[status];
}

/**
 * Publish, unpublish (back to draft: the public page disappears, registrations stay)
 * or cancel. Cancelling cancels every pending message of the event (issue 8).
 */
export async function setEventStatus(db: Db, eventId: string, to: EventStatus): Promise<Result<{ event: Event; cancelledMessages: number }>> {
  const existing = await getEventById(db, eventId);
  if (!existing) return { ok: false, error: appError(404, "event_not_found", "No such event.") };
  if (!NEXT[existing.status].includes(to)) {
    return { ok: false, error: appError(409, "status_change_refused", `A ${existing.status} event cannot become ${to}.`) };
  }
  const { event, ids } = await db.transaction(async (tx) => {
    const [event] = await tx
      .update(events)
      .set({ status: to, updatedAt: clockNow() })
      .where(and(eq(events.id, eventId), eq(events.status, existing.status)))
      .returning();
    if (!event || to !== "cancelled") return { event, ids: [] as string[] };
    const rows = await tx
      .update(eventMessages)
      .set({ status: "cancelled", statusReason: "event cancelled", updatedAt: sql`now()` })
      .where(and(eq(eventMessages.eventId, eventId), eq(eventMessages.status, "scheduled")))
      .returning({ id: eventMessages.id });
    return { event, ids: rows.map((r) => r.id) };
  });
  if (!event) return { ok: false, error: appError(409, "status_changed", "Someone else changed this event. Reload and try again.") };
  if (ids.length) await dispatchCancelledMessages(ids);
  if (to === "published") {
    await schedulePeerBatch(db, eventId);
    await scheduleEventCompletion(db, eventId);
    // Invitations by fit (issue 11 §2). A failure here must not undo the publish: the daily pass retries.
    await inviteForPublishedEvent(db, eventId, clockNow()).catch((err) => console.error("[tpx] invitations at publish failed", err));
  }
  return { ok: true, event, cancelledMessages: ids.length };
}
