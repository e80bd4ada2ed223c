/** Plans and recommendations on the dashboard (SPEC §7, §9): one SQL query each. */
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventAttendees, peerMatches, recommendations } from "@/db/schema";

/** Plans by state among checked-in attendees, and the most common failure reasons. */
export async function planStates(db: Db, eventId: string) {
  const rows = await db
    .select({ status: eventAttendees.planStatus, n: count() })
    .from(eventAttendees)
    .where(and(eq(eventAttendees.eventId, eventId), isNull(eventAttendees.cancelledAt), sql`${eventAttendees.checkInTime} is not null`))
    .groupBy(eventAttendees.planStatus);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
}

export async function planFailureReasons(db: Db, eventId: string, limit = 5) {
  const reason = sql<string>`coalesce(${eventAttendees.planError}, 'unknown')`;
  const rows = await db
    .select({ reason, n: count() })
    .from(eventAttendees)
    .where(and(eq(eventAttendees.eventId, eventId), eq(eventAttendees.planStatus, "failed")))
    .groupBy(reason)
    .orderBy(desc(count()))
    .limit(limit);
  return rows.map((r) => ({ reason: String(r.reason).slice(0, 200), count: Number(r.n) }));
}

/**
 * Recommended → acted on, by kind. Acted on: any engagement recorded on the
 * recommendation (opened, attended, visited, rated…), or for a peer a match the
 * pair accepted or met.
 */
export async function recommendationEngagement(db: Db, eventId: string) {
  const peerActed = sql`exists (select 1 from ${peerMatches} pm where pm.event_id = ${recommendations.eventId}
    and pm.status in ('accepted', 'met')
    and ((pm.attendee_a_id = ${recommendations.attendeeId} and pm.attendee_b_id = ${recommendations.targetId})
      or (pm.attendee_b_id = ${recommendations.attendeeId} and pm.attendee_a_id = ${recommendations.targetId})))`;
  const rows = await db
    .select({
      kind: recommendations.kind,
      recommended: count(),
      actedOn: sql<number>`count(*) filter (where (${recommendations.engagement} - 'opened') <> '{}'::jsonb or (${recommendations.kind} = 'peer' and ${peerActed}))`.mapWith(Number),
      attended: sql<number>`count(*) filter (where ${recommendations.engagement} ? 'attended')`.mapWith(Number),
    })
    .from(recommendations)
    .where(eq(recommendations.eventId, eventId))
    .groupBy(recommendations.kind);
  return rows.map((r) => ({ kind: r.kind, recommended: Number(r.recommended), actedOn: r.actedOn, attended: r.attended }));
}
