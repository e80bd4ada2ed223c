/**
 * Learned weights in the database (table matcher_weights): what the ranking reads,
 * how a re-fit is recorded with the data it came from, and how an organizer reverts.
 */
import { and, asc, desc, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventAttendees, events, matcherWeights, recommendations, type MatcherWeightsRow, type RecommendationKind } from "@/db/schema";
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights } from "@/lib/matching/weights";
import { defaultVector, FEATURES, featuresOf, UNIT, weightSection, weightsOf, withLearned } from "./features";
import { fitWeights, FIT_RULES, type FitResult, type Sample } from "./fit";
import { actedOn } from "./outcomes";

export const KINDS: RecommendationKind[] = ["speaker", "sponsor", "peer"];

/** Whose events learn together: the organizer's email, case-folded ("" for events without one). */
export function organizerKey(event: { organizerEmail: string | null }): string {
  return (event.organizerEmail ?? "").trim().toLowerCase();
}

const organizerWhere = (organizer: string) => sql`lower(trim(coalesce(${events.organizerEmail}, ''))) = ${organizer}`;

/** The organizer's active rows, one per kind at most. */
export async function activeRows(db: Db, organizer: string): Promise<MatcherWeightsRow[]> {
  return db
    .select()
    .from(matcherWeights)
    .where(and(eq(matcherWeights.organizer, organizer), eq(matcherWeights.status, "active")))
    .orderBy(asc(matcherWeights.kind));
}

/** The weights a ranking for this organizer uses: learned where active, today's constants elsewhere. */
export async function activeWeights(db: Db, organizer: string): Promise<MatchWeights> {
  const rows = await activeRows(db, organizer);
  if (rows.length === 0) return DEFAULT_MATCH_WEIGHTS;
  return withLearned(Object.fromEntries(rows.map((r) => [r.kind, r.weights])));
}

export async function weightsForEvent(db: Db, eventId: string): Promise<MatchWeights> {
  const [event] = await db.select({ organizerEmail: events.organizerEmail }).from(events).where(eq(events.id, eventId));
  return event ? activeWeights(db, organizerKey(event)) : DEFAULT_MATCH_WEIGHTS;
}

/**
 * The outcomes a fit reads: every recommendation of the organizer's events that are
 * over (completed, or past their end), labelled acted-on or not. Ordered by id, so
 * the fit sees the same sequence every time.
 */
export async function loadSamples(db: Db, organizer: string, kind: RecommendationKind, now: Date) {
  const rows = await db
    .select({ id: recommendations.id, eventId: recommendations.eventId, reasons: recommendations.reasons, engagement: recommendations.engagement })
    .from(recommendations)
    .innerJoin(eventAttendees, eq(eventAttendees.id, recommendations.attendeeId))
    .innerJoin(events, eq(events.id, recommendations.eventId))
    .where(
      and(
        eq(recommendations.kind, kind),
        organizerWhere(organizer),
        or(eq(events.status, "completed"), lte(events.endsAt, now)),
        sql`${events.status} <> 'cancelled'`,
      ),
    )
    .orderBy(asc(recommendations.id));
  const samples: Sample[] = rows.map((r) => ({ x: featuresOf(kind, r.reasons), y: actedOn(r.engagement) ? 1 : 0 }));
  const eventIds = [...new Set(rows.map((r) => r.eventId))].sort();
  return { samples, eventIds };
}

export type RefitOutcome = { kind: RecommendationKind; result: FitResult; row: MatcherWeightsRow };

/**
 * Re-estimates all three kinds for an organizer from their past events. A kind that
 * moves gets a new active row (the previous one becomes superseded); one below the
 * minimum gets an `insufficient` row and keeps whatever was active.
 */
export async function refitOrganizer(db: Db, organizer: string, now: Date, userId: string | null = null): Promise<RefitOutcome[]> {
  const out: RefitOutcome[] = [];
  for (const kind of KINDS) {
    const { samples, eventIds } = await loadSamples(db, organizer, kind, now);
    const w0 = defaultVector(kind);
    const result = fitWeights(samples, w0);
    const defaults = DEFAULT_MATCH_WEIGHTS[weightSection(kind)] as Record<string, number>;
    const row = await db.transaction(async (tx) => {
      if (result.moved) {
        await tx
          .update(matcherWeights)
          .set({ status: "superseded", endedAt: now, endedBy: userId })
          .where(and(eq(matcherWeights.organizer, organizer), eq(matcherWeights.kind, kind), eq(matcherWeights.status, "active")));
      }
      const [inserted] = await tx
        .insert(matcherWeights)
        .values({
          organizer,
          kind,
          status: result.moved ? "active" : "insufficient",
          weights: weightsOf(kind, result.weights),
          defaults: Object.fromEntries(FEATURES[kind].map((k) => [k, defaults[k]])),
          nOutcomes: result.n,
          nActed: result.acted,
          eventIds,
          stats: result.moved
            ? { ...result.stats, rules: FIT_RULES, unit: UNIT[kind] }
            : { reason: result.reason, rules: FIT_RULES, unit: UNIT[kind] },
          fittedAt: now,
          fittedBy: userId,
        })
        .returning();
      return inserted;
    });
    out.push({ kind, result, row });
  }
  return out;
}

/** Back to today's constants: every active row of the organizer ends as `reverted`. */
export async function revertOrganizer(db: Db, organizer: string, now: Date, userId: string | null = null): Promise<number> {
  const rows = await db
    .update(matcherWeights)
    .set({ status: "reverted", endedAt: now, endedBy: userId })
    .where(and(eq(matcherWeights.organizer, organizer), eq(matcherWeights.status, "active")))
    .returning({ id: matcherWeights.id });
  return rows.length;
}

/** Called when an event is over (completion): re-fit its organizer's weights. */
export async function refitAfterEvent(db: Db, eventId: string, now: Date): Promise<RefitOutcome[] | null> {
  const [event] = await db.select({ organizerEmail: events.organizerEmail }).from(events).where(eq(events.id, eventId));
  return event ? refitOrganizer(db, organizerKey(event), now) : null;
}

/** The console's view: organizers with events, their active rows and recent fits. */
export async function learningOverview(db: Db) {
  const organizers = await db
    .select({
      organizer: sql<string>`lower(trim(coalesce(${events.organizerEmail}, '')))`,
      name: sql<string | null>`max(${events.organizerName})`,
      events: sql<number>`count(*)::int`,
      past: sql<number>`count(*) filter (where ${events.status} = 'completed' or ${events.endsAt} <= now())::int`,
    })
    .from(events)
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const keys = organizers.map((o) => o.organizer);
  const rows = keys.length
    ? await db.select().from(matcherWeights).where(inArray(matcherWeights.organizer, keys)).orderBy(desc(matcherWeights.fittedAt), desc(matcherWeights.createdAt))
    : [];
  return organizers.map((o) => {
    const mine = rows.filter((r) => r.organizer === o.organizer);
    return {
      ...o,
      active: KINDS.map((k) => mine.find((r) => r.kind === k && r.status === "active") ?? null),
      history: mine.slice(0, 12),
    };
  });
}
