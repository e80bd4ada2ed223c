import { and, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventAttendees, staffAssignments, users } from "@/db/schema";

/**
 * SPEC §8: staff reach check-in only for the events they are assigned to; an
 * organizer reaches every event. The one rule, asked by lib/checkin where a
 * check-in is decided and by the staff pages (docs/decisions/0162).
 *
 * A staff account with no assignment at all is an unscoped desk account (the demo
 * seed's, and accounts created before assignments existed): it may work any desk.
 * Every invited account has at least one assignment, and the last one cannot be
 * removed (revoke the account instead), so a scoped account never becomes unscoped.
 */
export async function canWorkEventDesk(db: Db, user: { id: string; role: string }, eventId: string): Promise<boolean> {
  if (user.role === "admin") return true;
  if (user.role !== "staff") return false;
  const rows = await db.select({ eventId: staffAssignments.eventId }).from(staffAssignments).where(eq(staffAssignments.userId, user.id));
  return rows.length === 0 || rows.some((r) => r.eventId === eventId);
}

/** The same rule for an attendee: may this user work the desk of the attendee's event? False for no such attendee. */
export async function canWorkAttendeeDesk(db: Db, user: { id: string; role: string }, attendeeId: string): Promise<boolean> {
  const [row] = await db.select({ eventId: eventAttendees.eventId }).from(eventAttendees).where(eq(eventAttendees.id, attendeeId));
  return row !== undefined && canWorkEventDesk(db, user, row.eventId);
}

/** The same rule from a user id alone (lib/checkin's actor carries the id): role and revocation are read from the database. */
export async function userMayWorkEventDesk(db: Db, userId: string, eventId: string): Promise<boolean> {
  const [user] = await db.select({ id: users.id, role: users.role, revokedAt: users.revokedAt }).from(users).where(and(eq(users.id, userId)));
  if (!user || user.revokedAt) return false;
  return canWorkEventDesk(db, user, eventId);
}

/**
 * userMayWorkEventDesk as a SQL condition on an event id column, for a lookup that reads
 * it with the row it is about (lib/checkin/check-in.ts: one statement per scan). The same
 * rule, kept beside it; tests/desk-rule.test.ts checks both give the same answers.
 */
export function userMayWorkEventDeskSql(userId: string, eventId: SQLWrapper): SQL<boolean> {
  const mine = sql`select 1 from ${staffAssignments} where ${staffAssignments.userId} = ${users.id}`;
  return sql<boolean>`exists (select 1 from ${users} where ${users.id} = ${userId}::uuid and ${users.revokedAt} is null and (
    ${users.role} = 'admin'
    or (${users.role} = 'staff' and (not exists (${mine}) or exists (${mine} and ${staffAssignments.eventId} = ${eventId})))
  ))`;
}

/** Event ids a staff account is limited to, or null when it may work every desk. */
export async function assignedEventIds(db: Db, user: { id: string; role: string }): Promise<string[] | null> {
  if (user.role === "admin") return null;
  const rows = await db.select({ eventId: staffAssignments.eventId }).from(staffAssignments).where(eq(staffAssignments.userId, user.id));
  return rows.length ? rows.map((r) => r.eventId) : null;
}
