import { and, asc, count, eq, gt, inArray, isNull, ne, sql, type SQLWrapper } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventAgendaItems, eventAttendees, eventMessages, eventSpeakers, eventSponsors, events, type Event } from "@/db/schema";
import type { EventTimes } from "@/lib/scheduling/event-times";

export async function getEventBySlug(db: Db, slug: string): Promise<Event | undefined> {
  const [row] = await db.select().from(events).where(eq(events.slug, slug)).limit(1);
  return row;
}

export async function getEventById(db: Db, id: string): Promise<Event | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, id)).limit(1);
  return row;
}

export async function getAgenda(db: Db, eventId: string, opts: { includeCancelled?: boolean } = {}) {
  return db
    .select()
    .from(eventAgendaItems)
    .where(
      and(eq(eventAgendaItems.eventId, eventId), opts.includeCancelled ? undefined : isNull(eventAgendaItems.cancelledAt)),
    )
    .orderBy(asc(eventAgendaItems.startsAt), asc(eventAgendaItems.room));
}

/** The public page's data; draft events are not public. */
export async function getPublicEvent(db: Db, slug: string) {
  const event = await getEventBySlug(db, slug);
  if (!event || event.status === "draft") return null;
  const [agenda, speakers, sponsors] = await Promise.all([
    getAgenda(db, event.id),
    db.select().from(eventSpeakers).where(eq(eventSpeakers.eventId, event.id)),
    db
      .select()
      .from(eventSponsors)
      .where(and(eq(eventSponsors.eventId, event.id), isNull(eventSponsors.removedAt)))
      .orderBy(asc(eventSponsors.sortOrder), asc(eventSponsors.name)),
  ]);
  return { event, agenda, speakers, sponsors };
}

export function toEventTimes(event: Event, agenda: EventTimes["agenda"]): EventTimes {
  return { timezone: event.timezone, startsAt: event.startsAt, endsAt: event.endsAt, agenda };
}

/**
 * The live agenda's first start and last end for an event id column, as select fields:
 * all that eventStart/eventEnd (so the check-in window and quiet hours) read of the
 * agenda. The check-in reads it in its one lookup instead of the whole agenda.
 */
export function agendaSpanSql(eventId: SQLWrapper) {
  const live = sql`${eventAgendaItems} where ${eventAgendaItems.eventId} = ${eventId} and ${eventAgendaItems.cancelledAt} is null`;
  return {
    firstStart: sql<Date | null>`(select min(${eventAgendaItems.startsAt}) from ${live})`.mapWith(eventAgendaItems.startsAt),
    lastEnd: sql<Date | null>`(select max(${eventAgendaItems.endsAt}) from ${live})`.mapWith(eventAgendaItems.endsAt),
  };
}

/**
 * EventTimes from agendaSpanSql: one item from the first start to the last end. Only for
 * rules that read the agenda through eventStart/eventEnd (the check-in window, quiet
 * hours, isEventDay), which give the same answers as with the whole agenda.
 */
export function toEventTimesFromSpan(event: Pick<Event, "timezone" | "startsAt" | "endsAt">, span: { firstStart: Date | null; lastEnd: Date | null }): EventTimes {
  const agenda = span.firstStart && span.lastEnd ? [{ type: "span", startsAt: span.firstStart, endsAt: span.lastEnd }] : [];
  return { timezone: event.timezone, startsAt: event.startsAt, endsAt: event.endsAt, agenda };
}

export async function loadEventTimes(db: Db, eventId: string): Promise<{ event: Event; times: EventTimes } | null> {
  const event = await getEventById(db, eventId);
  if (!event) return null;
  return { event, times: toEventTimes(event, await getAgenda(db, eventId)) };
}

/** Events a visitor can register for: published or live and not over (by events.ends_at). */
export async function listPublicEvents(db: Db, at: Date) {
  return db
    .select()
    .from(events)
    .where(and(inArray(events.status, ["published", "live"]), gt(events.endsAt, at)))
    .orderBy(asc(events.startsAt));
}

/** Admin list: each event with its registration count and its messages by status. */
export async function listEventsForAdmin(db: Db) {
  const rows = await db.select().from(events).orderBy(asc(events.startsAt));
  if (rows.length === 0) return [];
  const ids = rows.map((e) => e.id);
  const attendeeCounts = await db
    .select({ eventId: eventAttendees.eventId, n: count() })
    .from(eventAttendees)
    .where(and(inArray(eventAttendees.eventId, ids), isNull(eventAttendees.cancelledAt)))
    .groupBy(eventAttendees.eventId);
  const messageCounts = await db
    .select({ eventId: eventMessages.eventId, status: eventMessages.status, n: count() })
    .from(eventMessages)
    .where(and(inArray(eventMessages.eventId, ids), ne(eventMessages.status, sql`'cancelled'`)))
    .groupBy(eventMessages.eventId, eventMessages.status);
  return rows.map((event) => ({
    ...event,
    attendeeCount: attendeeCounts.find((c) => c.eventId === event.id)?.n ?? 0,
    messagesByStatus: Object.fromEntries(
      messageCounts.filter((c) => c.eventId === event.id).map((c) => [c.status, c.n]),
    ) as Partial<Record<string, number>>,
  }));
}
