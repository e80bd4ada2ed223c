import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, eventMessages, messageChannel, messageStatus, messageTypes } from "@/db/schema";
import { getEventById } from "@/lib/events/queries";
import { env } from "@/lib/env";
import { estimatedSmsCost, smsSegmentCount } from "./segments";

export type OutboxFilter = { attendeeId?: string; status?: string; channel?: string; type?: string };

const isOneOf = <T extends string>(values: readonly T[], v: string | undefined): v is T =>
  v !== undefined && (values as readonly string[]).includes(v);

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
