import { stringify } from "csv-stringify/sync";
import { DateTime } from "luxon";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, eventMessages, ratings } from "@/db/schema";

/**
 * CSV exports (issue 8 §1). A cell a spreadsheet would run as a formula is
 * neutralised: csv-stringify's escape_formulas prefixes a leading = + - @ tab or
 * CR with a quote, and a value that hides one behind leading whitespace
 * (" =HYPERLINK(…)", which some spreadsheets trim before evaluating) is prefixed too.
 */

const HIDDEN_FORMULA = /^[\s\u00a0]+[=+\-@]/;

export function neutralise(value: unknown): string {
  if (value == null) return "";
  const s = value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join("; ") : String(value);
  return HIDDEN_FORMULA.test(s) ? `'${s}` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return stringify([header, ...rows.map((r) => r.map(neutralise))], { escape_formulas: true, record_delimiter: "\r\n" });
}

const local = (d: Date | null, zone: string) => (d ? DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd HH:mm") : "");

export async function exportAttendeesCsv(db: Db, eventId: string, zone: string): Promise<string> {
  const rows = await db
    .select({ a: eventAttendees, c: contractors })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .where(eq(eventAttendees.eventId, eventId))
    .orderBy(asc(eventAttendees.registrationDate));
  return toCsv(
    ["first_name", "last_name", "email", "phone", "company_name", "revenue_tier", "team_size", "focus_areas", "registered_at", "profile", "checked_in_at", "check_in_method", "sms_opted_out", "cancelled_at"],
    rows.map(({ a, c }) => [c.firstName, c.lastName, c.email, c.phone, c.companyName, c.revenueTier, c.teamSize, c.focusAreas, local(a.registrationDate, zone), a.profileCompletionStatus, local(a.checkInTime, zone), a.checkInMethod, c.smsOptedOutAt ? "yes" : "no", local(a.cancelledAt, zone)]),
  );
}

export async function exportMessagesCsv(db: Db, eventId: string, zone: string): Promise<string> {
  const rows = await db
    .select({ m: eventMessages, email: contractors.email })
    .from(eventMessages)
    .innerJoin(contractors, eq(contractors.id, eventMessages.contractorId))
    .where(eq(eventMessages.eventId, eventId))
    .orderBy(asc(eventMessages.scheduledFor));
  return toCsv(
    ["scheduled_for", "type", "channel", "status", "reason", "attendee_email", "to", "sent_at", "attempts", "last_error", "body"],
    rows.map(({ m, email }) => [local(m.scheduledFor, zone), m.type, m.channel, m.status, m.statusReason, email, m.toAddress, local(m.actualSendTime, zone), m.attempts, m.lastError, m.renderedBody]),
  );
}

export async function exportRatingsCsv(db: Db, eventId: string, zone: string): Promise<string> {
  const rows = await db
    .select({ r: ratings, email: contractors.email })
    .from(ratings)
    .innerJoin(eventAttendees, eq(eventAttendees.id, ratings.attendeeId))
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .where(and(eq(ratings.eventId, eventId)))
    .orderBy(asc(ratings.createdAt));
  return toCsv(
    ["rated_at", "attendee_email", "subject", "subject_id", "score", "comment", "source"],
    rows.map(({ r, email }) => [local(r.createdAt, zone), email, r.subject, r.subjectId, r.score, r.comment, r.source]),
  );
}
