/**
 * The one entry point for "something happened to a recommendation" (SPEC §9). Every
 * signal — agenda opened, YES, NO, met, session attended, booth visited, rating —
 * lands here: the recommendation's `engagement` keeps the first time of each signal,
 * and its outcome, success score and acted-at are recomputed from all of them, as is
 * the success score on its `recommendation_made` row in ai_learning_events.
 * Idempotent: the same signal twice changes nothing the second time.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { aiLearningEvents, eventAttendees, recommendations, type Recommendation, type RecommendationKind } from "@/db/schema";
import { settle, type Signal } from "./outcomes";

export type SignalInput = {
  attendeeId: string;
  kind: RecommendationKind;
  targetId: string;
  signal: Exclude<Signal, "opened">;
  at: Date;
  /** 1–5, for `rated`. */
  rating?: number;
};

/** Merges without overwriting: the first time of each signal stays (a rating's value is the latest). */
function mergeSql(signal: Signal, at: Date, rating?: number) {
  const first = sql`jsonb_build_object(${signal}::text, ${at.toISOString()}::text) || ${recommendations.engagement}`;
  return rating === undefined ? first : sql`${first} || jsonb_build_object('rating', ${rating}::int)`;
}

/** Recomputes outcome and score for these rows and mirrors the score to ai_learning_events. */
async function resettle(db: Db, rows: Recommendation[]): Promise<void> {
  for (const r of rows) {
    const s = settle(r.engagement);
    const same =
      s.outcome === r.outcome && s.successScore === r.successScore && (s.actedAt?.getTime() ?? null) === (r.actedAt?.getTime() ?? null);
    if (!same) {
      await db
        .update(recommendations)
        .set({ outcome: s.outcome, successScore: s.successScore, actedAt: s.actedAt })
        .where(eq(recommendations.id, r.id));
    }
    await db
      .update(aiLearningEvents)
      .set({ outcome: s.outcome, successScore: s.successScore })
      .where(
        and(
          eq(aiLearningEvents.eventId, r.eventId),
          eq(aiLearningEvents.eventType, "recommendation_made"),
          sql`${aiLearningEvents.context}->>'attendeeId' = ${r.attendeeId}`,
          sql`${aiLearningEvents.context}->>'kind' = ${r.kind}`,
          sql`${aiLearningEvents.context}->>'targetId' = ${r.targetId}`,
          sql`${aiLearningEvents.outcome} is distinct from ${s.outcome}`,
        ),
      );
  }
}

/**
 * One signal about one recommendation. Returns the recommendation's id, or null when
 * nothing of that kind and target was recommended to the attendee (a rating of a talk
 * they found on their own: the caller still logs it; nothing here changes).
 */
export async function recordSignal(db: Db, input: SignalInput): Promise<string | null> {
  if (!input.targetId) return null;
  const updated = await db
    .update(recommendations)
    .set({ engagement: mergeSql(input.signal, input.at, input.rating) })
    .where(
      and(eq(recommendations.attendeeId, input.attendeeId), eq(recommendations.kind, input.kind), sql`${recommendations.targetId}::text = ${input.targetId}`),
    )
    .returning();
  await resettle(db, updated);
  return updated[0]?.id ?? null;
}

/**
 * The attendee opened their agenda page: every recommendation they have is "opened"
 * (once). Costs one statement when nothing is new, so the page can call it on every load.
 */
export async function recordAgendaOpened(db: Db, attendeeId: string, at: Date): Promise<number> {
  const updated = await db
    .update(recommendations)
    .set({ engagement: mergeSql("opened", at) })
    .where(and(eq(recommendations.attendeeId, attendeeId), sql`not (${recommendations.engagement} ? 'opened')`))
    .returning();
  await resettle(db, updated);
  return updated.length;
}

/** Re-derives every recommendation of an event from its engagement (repairs rows written before this module). */
export async function resettleEvent(db: Db, eventId: string): Promise<number> {
  const attendees = db.select({ id: eventAttendees.id }).from(eventAttendees).where(eq(eventAttendees.eventId, eventId));
  const rows = await db.select().from(recommendations).where(inArray(recommendations.attendeeId, attendees));
  await resettle(db, rows);
  return rows.length;
}
