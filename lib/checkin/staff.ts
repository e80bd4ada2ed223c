import { and, asc, count, eq, gte, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventAttendees, events, type Event } from "@/db/schema";
import { assignedEventIds } from "@/lib/access/assignments";
import { now as clockNow } from "@/lib/clock";

/** Statuses a desk can check people in for (draft is not public, cancelled is over). */
const DESK_STATUSES = ["published", "live", "completed"] as const;

const DAY_MS = 24 * 3600_000;

export type DeskEvent = Pick<Event, "id" | "name" | "slug" | "venue" | "timezone" | "startsAt" | "endsAt" | "status">;

/**
 * The staff desk's event picker: published and live events, and completed ones
 * whose check-in is still open (SPEC §5.1: it closes 24 h after the end, or at
 * check_in_closes_at). Soonest first.
 */
export async function listDeskEvents(db: Db): Promise<DeskEvent[]> {
  const at = clockNow();
  return db
    .select({
      id: events.id,
      name: events.name,
      slug: events.slug,
      venue: events.venue,
      timezone: events.timezone,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      status: events.status,
    })
    .from(events)
    .where(
      and(
        inArray(events.status, [...DESK_STATUSES]),
        or(
          and(isNotNull(events.checkInClosesAt), gte(events.checkInClosesAt, at)),
          and(isNull(events.checkInClosesAt), gte(events.endsAt, new Date(at.getTime() - DAY_MS))),
        ),
      ),
    )
    .orderBy(asc(events.startsAt));
}

/**
 * The picker as one account sees it (SPEC §8): an organizer every desk event; a staff
 * account only the events it is assigned to (an unscoped desk account, with no
 * assignment at all, every one: lib/access/assignments.ts).
 */
export async function listDeskEventsFor(db: Db, user: { id: string; role: string }): Promise<DeskEvent[]> {
  if (user.role !== "admin" && user.role !== "staff") return [];
  const [allowed, open] = await Promise.all([assignedEventIds(db, user), listDeskEvents(db)]);
  return allowed ? open.filter((e) => allowed.includes(e.id)) : open;
}

/** One event for the desk page; null for an unknown id or an event the desk may not work (draft, cancelled). */
export async function getDeskEvent(db: Db, eventId: string): Promise<Event | null> {
  const [row] = await db.select().from(events).where(eq(events.id, eventId)).limit(1);
  if (!row || !(DESK_STATUSES as readonly string[]).includes(row.status)) return null;
  return row;
}

/** Checked in vs registered (cancelled registrations excluded), for the desk's header. */
export async function deskCounts(db: Db, eventId: string): Promise<{ registered: number; checkedIn: number }> {
  const [row] = await db
    .select({
      registered: count(),
      checkedIn: sql<number>`count(${eventAttendees.checkInTime})::int`,
    })
    .from(eventAttendees)
    .where(and(eq(eventAttendees.eventId, eventId), isNull(eventAttendees.cancelledAt)));
  return { registered: row?.registered ?? 0, checkedIn: Number(row?.checkedIn ?? 0) };
}
