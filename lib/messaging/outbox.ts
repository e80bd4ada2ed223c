import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, eventMessages, messageChannel, messageStatus, messageTypes } from "@/db/schema";
import { getEventById } from "@/lib/events/queries";
import { env } from "@/lib/env";
import { estimatedSmsCost, smsSegmentCount } from "./segments";

export type OutboxFilter = { attendeeId?: string; status?: string; channel?: string; type?: string };

const isOneOf = <T extends string>(values: readonly T[], v: string | undefined): v is T =>
  v !== undefined && (values as readonly string[]).includes(v);

function outboxWhere(eventId: string, filter: OutboxFilter): SQL {
  const where: SQL[] = [eq(eventMessages.eventId, eventId)];
  if (filter.attendeeId) where.push(eq(eventMessages.attendeeId, filter.attendeeId));
  if (isOneOf(messageStatus.enumValues, filter.status)) where.push(eq(eventMessages.status, filter.status));
  if (isOneOf(messageChannel.enumValues, filter.channel)) where.push(eq(eventMessages.channel, filter.channel));
  if (isOneOf(messageTypes, filter.type)) where.push(eq(eventMessages.type, filter.type));
  return and(...where)!;
}

export const OUTBOX_PAGE_SIZE = 50;
/** Above this many attendees the outbox's attendee filter is not a drop-down (it would weigh more than the page). */
const ATTENDEE_PICKER_MAX = 300;

/**
 * One page of an event's outbox, newest first (issue 8: 200 rows were 1.5 MB of HTML).
 * The counts by status are over the whole filtered set, in one grouped query.
 */
export async function listOutboxPage(db: Db, eventId: string, filter: OutboxFilter, page: number) {
  const event = await getEventById(db, eventId);
  if (!event) return null;
  const where = outboxWhere(eventId, filter);
  const [rows, byStatus, attendeeCount] = await Promise.all([
    db
      .select({ message: eventMessages, contractor: contractors })
      .from(eventMessages)
      .innerJoin(contractors, eq(contractors.id, eventMessages.contractorId))
      .where(where)
      // Newest first = most recently planned first (a registration's rows on top), then by time.
      .orderBy(desc(eventMessages.createdAt), asc(eventMessages.scheduledFor), asc(eventMessages.type), asc(eventMessages.channel), asc(eventMessages.id))
      .limit(OUTBOX_PAGE_SIZE)
      .offset((page - 1) * OUTBOX_PAGE_SIZE),
    db.select({ status: eventMessages.status, n: sql<number>`count(*)::int` }).from(eventMessages).where(where).groupBy(eventMessages.status),
    db.select({ n: sql<number>`count(*)::int` }).from(eventAttendees).where(and(eq(eventAttendees.eventId, eventId), isNull(eventAttendees.cancelledAt))),
  ]);
  const attendees =
    Number(attendeeCount[0].n) <= ATTENDEE_PICKER_MAX
      ? await db
          .select({ id: eventAttendees.id, firstName: contractors.firstName, lastName: contractors.lastName, email: contractors.email })
          .from(eventAttendees)
          .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
          .where(and(eq(eventAttendees.eventId, eventId), isNull(eventAttendees.cancelledAt)))
          .orderBy(asc(contractors.lastName), asc(contractors.firstName))
      : [];
  const total = byStatus.reduce((n, r) => n + Number(r.n), 0);
  return {
    event,
    total,
    pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)),
    byStatus: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])) as Partial<Record<string, number>>,
    attendees: attendees.map((a) => ({ id: a.id, name: fullName(a), email: a.email })),
    messages: rows.map(({ message, contractor }) => ({
      ...message,
      attendeeName: fullName(contractor),
      attendeeEmail: contractor.email,
      toAddress: message.toAddress ?? (message.channel === "sms" ? contractor.phone : contractor.email),
    })),
  };
}

/** Every message of an event, newest plan first, for the admin outbox page and API. */
export async function listOutbox(db: Db, eventId: string, filter: OutboxFilter = {}) {
  const event = await getEventById(db, eventId);
  if (!event) return null;
  const where: SQL[] = [eq(eventMessages.eventId, eventId)];
  if (filter.attendeeId) where.push(eq(eventMessages.attendeeId, filter.attendeeId));
  if (isOneOf(messageStatus.enumValues, filter.status)) where.push(eq(eventMessages.status, filter.status));
  if (isOneOf(messageChannel.enumValues, filter.channel)) where.push(eq(eventMessages.channel, filter.channel));
  if (isOneOf(messageTypes, filter.type)) where.push(eq(eventMessages.type, filter.type));

  const rows = await db
    .select({ message: eventMessages, contractor: contractors })
    .from(eventMessages)
    .innerJoin(contractors, eq(contractors.id, eventMessages.contractorId))
    .where(and(...where))
    .orderBy(asc(eventMessages.scheduledFor), asc(eventMessages.type), asc(eventMessages.channel))
    .limit(2000);
  const attendees = await db
    .select({ id: eventAttendees.id, firstName: contractors.firstName, lastName: contractors.lastName, email: contractors.email })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .where(and(eq(eventAttendees.eventId, eventId), isNull(eventAttendees.cancelledAt)))
    .orderBy(asc(contractors.lastName), asc(contractors.firstName));

  return {
    event,
    attendees: attendees.map((a) => ({ id: a.id, name: fullName(a), email: a.email })),
    messages: rows.map(({ message, contractor }) => ({
      ...message,
      attendeeName: fullName(contractor),
      attendeeEmail: contractor.email,
      toAddress: message.toAddress ?? (message.channel === "sms" ? contractor.phone : contractor.email),
      ...smsCost(message),
    })),
  };
}

/** SPEC §4.3: an SMS's segments and estimated cost, once its body exists. */
function smsCost(m: { channel: string; renderedBody: string | null }): { segments: number | null; estimatedCost: number | null } {
  if (m.channel !== "sms" || !m.renderedBody) return { segments: null, estimatedCost: null };
  const segments = smsSegmentCount(m.renderedBody);
  return { segments, estimatedCost: estimatedSmsCost(segments, env().SMS_COST_PER_SEGMENT) };
}

function fullName(c: { firstName: string | null; lastName: string | null; email: string }) {
  return [c.firstName, c.lastName].filter(Boolean).join(" ") || c.email;
}

/** One message of an event (the admin's email preview), or null. */
export async function getEventMessage(db: Db, eventId: string, messageId: string) {
  const [row] = await db
    .select()
    .from(eventMessages)
    .where(and(eq(eventMessages.id, messageId), eq(eventMessages.eventId, eventId)));
  return row ?? null;
}
