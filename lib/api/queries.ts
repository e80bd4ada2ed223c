import { and, asc, eq, getTableColumns, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAgendaItems, eventAttendees, eventMessages, eventSpeakers, eventSponsors, events, messageStatus, type EventStatus, type MessageChannel, type MessageStatus, type MessageType } from "@/db/schema";
import { messageTallies } from "@/lib/metrics/messages";
import { afterCursor, cursorKey, toPage, type Cursor, type Page } from "./pagination";
import { agendaItemOut, attendeeOut, eventOut, messageOut, speakerOut, sponsorOut } from "./serialize";
import type { AgendaItemOut, AttendeeOut, EventOut, MessageOut, MetricsOut, SpeakerOut, SponsorOut } from "./schemas";

/** The read side of /api/v1: one page of each resource, in (created_at, id) order. */

export type PageArgs = { cursor?: Cursor; limit: number };

export async function listEvents(db: Db, args: PageArgs & { status?: EventStatus }): Promise<Page<EventOut>> {
  const rows = await db
    .select({ ...getTableColumns(events), ck: cursorKey(events.createdAt) })
    .from(events)
    .where(and(args.status ? eq(events.status, args.status) : undefined, afterCursor(events.createdAt, events.id, args.cursor)))
    .orderBy(asc(events.createdAt), asc(events.id))
    .limit(args.limit + 1);
  return toPage(rows, args.limit, eventOut);
}

export async function listSpeakers(db: Db, eventId: string, args: PageArgs): Promise<Page<SpeakerOut>> {
  const t = eventSpeakers;
  const rows = await db
    .select({ ...getTableColumns(t), ck: cursorKey(t.createdAt) })
    .from(t)
    .where(and(eq(t.eventId, eventId), afterCursor(t.createdAt, t.id, args.cursor)))
    .orderBy(asc(t.createdAt), asc(t.id))
    .limit(args.limit + 1);
  return toPage(rows, args.limit, speakerOut);
}

export async function listAgendaItems(db: Db, eventId: string, args: PageArgs): Promise<Page<AgendaItemOut>> {
  const t = eventAgendaItems;
  const rows = await db
    .select({ ...getTableColumns(t), ck: cursorKey(t.createdAt) })
    .from(t)
    .where(and(eq(t.eventId, eventId), afterCursor(t.createdAt, t.id, args.cursor)))
    .orderBy(asc(t.createdAt), asc(t.id))
    .limit(args.limit + 1);
  return toPage(rows, args.limit, agendaItemOut);
}

export async function listSponsors(db: Db, eventId: string, args: PageArgs): Promise<Page<SponsorOut>> {
  const t = eventSponsors;
  const rows = await db
    .select({ ...getTableColumns(t), ck: cursorKey(t.createdAt) })
    .from(t)
    .where(and(eq(t.eventId, eventId), afterCursor(t.createdAt, t.id, args.cursor)))
    .orderBy(asc(t.createdAt), asc(t.id))
    .limit(args.limit + 1);
  return toPage(rows, args.limit, sponsorOut);
}

const contact = {
  firstName: contractors.firstName,
  lastName: contractors.lastName,
  email: contractors.email,
  phone: contractors.phone,
  companyName: contractors.companyName,
};

export async function listAttendees(db: Db, eventId: string, args: PageArgs & { checkedIn?: boolean; cancelled?: boolean }): Promise<Page<AttendeeOut>> {
  const t = eventAttendees;
  const filters: Array<SQL | undefined> = [eq(t.eventId, eventId), afterCursor(t.createdAt, t.id, args.cursor)];
  if (args.checkedIn !== undefined) filters.push(args.checkedIn ? isNotNull(t.checkInTime) : isNull(t.checkInTime));
  if (args.cancelled !== undefined) filters.push(args.cancelled ? isNotNull(t.cancelledAt) : isNull(t.cancelledAt));
  const rows = await db
    .select({ id: t.id, attendee: t, contractor: contact, ck: cursorKey(t.createdAt) })
    .from(t)
    .innerJoin(contractors, eq(contractors.id, t.contractorId))
    .where(and(...filters))
    .orderBy(asc(t.createdAt), asc(t.id))
    .limit(args.limit + 1);
  return toPage(rows, args.limit, attendeeOut);
}

export async function getAttendee(db: Db, eventId: string, attendeeId: string): Promise<AttendeeOut | null> {
  const [row] = await db
    .select({ attendee: eventAttendees, contractor: contact })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .where(and(eq(eventAttendees.id, attendeeId), eq(eventAttendees.eventId, eventId)));
  return row ? attendeeOut(row) : null;
}

export type MessageFilters = { attendeeId?: string; status?: MessageStatus; type?: MessageType; channel?: MessageChannel };

export async function listMessages(db: Db, eventId: string, args: PageArgs & MessageFilters): Promise<Page<MessageOut>> {
  const t = eventMessages;
  const rows = await db
    .select({
      id: t.id,
      eventId: t.eventId,
      attendeeId: t.attendeeId,
      type: t.type,
      channel: t.channel,
      status: t.status,
      statusReason: t.statusReason,
      scheduledFor: t.scheduledFor,
      actualSendTime: t.actualSendTime,
      attempts: t.attempts,
      lastError: t.lastError,
      deliveryStatus: t.deliveryStatus,
      createdAt: t.createdAt,
      ck: cursorKey(t.createdAt),
    })
    .from(t)
    .where(
      and(
        eq(t.eventId, eventId),
        args.attendeeId ? eq(t.attendeeId, args.attendeeId) : undefined,
        args.status ? eq(t.status, args.status) : undefined,
        args.type ? eq(t.type, args.type) : undefined,
        args.channel ? eq(t.channel, args.channel) : undefined,
        afterCursor(t.createdAt, t.id, args.cursor),
      ),
    )
    .orderBy(asc(t.createdAt), asc(t.id))
    .limit(args.limit + 1);
  return toPage(rows, args.limit, messageOut);
}

/** A few per-event counts, each computed in SQL (two queries: registrations, messages by status). */
export async function eventMetrics(db: Db, eventId: string): Promise<MetricsOut> {
  const a = eventAttendees;
  const [regs] = await db
    .select({
      registered: sql<number>`count(*) filter (where ${a.cancelledAt} is null)`.mapWith(Number),
      cancelled: sql<number>`count(*) filter (where ${a.cancelledAt} is not null)`.mapWith(Number),
      checkedIn: sql<number>`count(*) filter (where ${a.cancelledAt} is null and ${a.checkInTime} is not null)`.mapWith(Number),
      profileCompleted: sql<number>`count(*) filter (where ${a.cancelledAt} is null and ${a.profileCompletionStatus} = 'completed')`.mapWith(Number),
    })
    .from(a)
    .where(eq(a.eventId, eventId));
  const messages = Object.fromEntries(messageStatus.enumValues.map((s) => [s, 0])) as MetricsOut["messages"];
  for (const t of await messageTallies(db, eventId)) messages[t.status] += t.n;
  return { event_id: eventId, registered: regs.registered, cancelled: regs.cancelled, checked_in: regs.checkedIn, profile_completed: regs.profileCompleted, messages };
}
