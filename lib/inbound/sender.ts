import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, events, type Attendee, type Contractor, type Event } from "@/db/schema";
import { toE164 } from "@/lib/registration/phone";

export type Sender = { contractor: Contractor; attendee: Attendee | null; event: Event | null };

/**
 * The contractor behind an E.164 number (SPEC §6). Several people can share a phone (a
 * family business): the one whose registration is for the most recent event wins, by
 * event start, then by registration date.
 */
export async function findSenderByPhone(db: Db, rawPhone: string): Promise<Sender | null> {
  const phone = toE164(rawPhone) ?? rawPhone;
  const rows = await db
    .select({ contractor: contractors, attendee: eventAttendees, event: events })
    .from(contractors)
    .leftJoin(eventAttendees, and(eq(eventAttendees.contractorId, contractors.id), isNull(eventAttendees.cancelledAt)))
    .leftJoin(events, eq(events.id, eventAttendees.eventId))
    .where(eq(contractors.phone, phone))
    // DESC puts NULLs first in PostgreSQL: someone with no registration must not win over someone with one.
    .orderBy(sql`${events.startsAt} desc nulls last`, desc(eventAttendees.registrationDate))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return { contractor: row.contractor, attendee: row.attendee, event: row.event };
}

/** The same shape for a known attendee (the console's simulator and staff replies). */
export async function senderForAttendee(db: Db, attendeeId: string): Promise<Sender | null> {
  const [row] = await db
    .select({ contractor: contractors, attendee: eventAttendees, event: events })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .innerJoin(events, eq(events.id, eventAttendees.eventId))
    .where(eq(eventAttendees.id, attendeeId));
  return row ?? null;
}
