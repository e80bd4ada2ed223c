/**
 * The dashboard's figures (SPEC §7), one SQL query each: counted by the database,
 * never by loading rows into the process. Every function takes the event id and
 * the clock's "now" where the figure depends on it.
 */
import { and, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { checkInScans, eventAttendees } from "@/db/schema";

const live = (eventId: string) => and(eq(eventAttendees.eventId, eventId), isNull(eventAttendees.cancelledAt));

/** Registered (not cancelled), checked in, and profiles complete. */
export async function attendanceCounts(db: Db, eventId: string) {
  const [row] = await db
    .select({
      registered: count(),
      checkedIn: count(eventAttendees.checkInTime),
      profilesComplete: sql<number>`count(*) filter (where ${eventAttendees.profileCompletionStatus} = 'completed')`.mapWith(Number),
    })
    .from(eventAttendees)
    .where(live(eventId));
  return { registered: Number(row.registered), checkedIn: Number(row.checkedIn), profilesComplete: Number(row.profilesComplete) };
}

/** Arrivals per 15 minutes (the chart), oldest first. */
export async function arrivalSeries(db: Db, eventId: string, bucketMinutes = 15) {
  // A literal interval (an integer we chose), so the select and the group by are the same expression.
  const minutes = sql.raw(String(Math.max(1, Math.trunc(bucketMinutes))));
  const bucket = sql<Date>`date_bin(interval '${minutes} minutes', ${eventAttendees.checkInTime}, timestamptz '2000-01-01 00:00:00+00')`;
  const rows = await db
    .select({ at: bucket.mapWith((v) => new Date(v)), arrivals: count() })
    .from(eventAttendees)
    .where(and(live(eventId), isNotNull(eventAttendees.checkInTime)))
    .groupBy(bucket)
    .orderBy(bucket);
  return rows.map((r) => ({ at: r.at.toISOString(), arrivals: Number(r.arrivals) }));
}

/** Arrivals in the last 15 minutes, per minute: the "rate" figure. */
export async function arrivalRate(db: Db, eventId: string, at: Date, minutes = 15) {
  const since = new Date(at.getTime() - minutes * 60_000);
  const [row] = await db
    .select({ n: count() })
    .from(eventAttendees)
    .where(and(live(eventId), sql`${eventAttendees.checkInTime} > ${since.toISOString()}::timestamptz`, sql`${eventAttendees.checkInTime} <= ${at.toISOString()}::timestamptz`));
  return { perMinute: Number(row.n) / minutes, windowMinutes: minutes };
}

/** Scans by outcome at the tablets, and the conflicts (one person scanned on two offline devices). */
export async function scanOutcomes(db: Db, eventId: string) {
  const rows = await db
    .select({ outcome: checkInScans.outcome, n: count() })
    .from(checkInScans)
    .where(eq(checkInScans.eventId, eventId))
    .groupBy(checkInScans.outcome);
  return Object.fromEntries(rows.map((r) => [r.outcome, Number(r.n)])) as Record<string, number>;
}
