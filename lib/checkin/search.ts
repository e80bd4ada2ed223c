import { and, asc, eq, ilike, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees } from "@/db/schema";

/** The staff desk's search: by name, email, company or phone; cancelled registrations excluded. */
export async function searchAttendees(db: Db, eventId: string, q: string, limit = 20) {
  const term = q.trim();
  if (term.length < 2) return [];
  const like = `%${term.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const digits = term.replace(/\D/g, "");
  const rows = await db
    .select({ attendee: eventAttendees, contractor: contractors })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .where(
      and(
        eq(eventAttendees.eventId, eventId),
        isNull(eventAttendees.cancelledAt),
        or(
          ilike(sql`coalesce(${contractors.firstName}, '') || ' ' || coalesce(${contractors.lastName}, '')`, like),
          ilike(contractors.lastName, like),
          ilike(contractors.email, like),
          ilike(contractors.companyName, like),
          digits.length >= 4 ? ilike(contractors.phone, `%${digits}%`) : undefined,
        ),
      ),
    )
    .orderBy(asc(contractors.lastName), asc(contractors.firstName))
    .limit(limit);
  return rows.map(({ attendee, contractor }) => ({
    attendeeId: attendee.id,
    name: [contractor.firstName, contractor.lastName].filter(Boolean).join(" ") || contractor.email,
    email: contractor.email,
    companyName: contractor.companyName,
    checkInTime: attendee.checkInTime,
  }));
}
