import { and, count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { recommendations } from "@/db/schema";

/** Score bands of the dashboard's conversion table (points of the ranking's score). */
export const SCORE_BANDS = [
  { label: "under 2", min: 0, max: 2 },
  { label: "2–4", min: 2, max: 4 },
  { label: "4–6", min: 4, max: 6 },
  { label: "6 and up", min: 6, max: Infinity },
] as const;

const band = sql<string>`case
  when ${recommendations.score} < 2 then 'under 2'
  when ${recommendations.score} < 4 then '2–4'
  when ${recommendations.score} < 6 then '4–6'
  else '6 and up' end`;

/**
 * SPEC §9 / issue 11 §3: recommended → acted on (attended, visited, accepted, met,
 * rated: recommendations.acted_at, set by lib/learning/signals.ts), by kind and by
 * score band. "Opened" alone is not acting on it.
 */
export async function recommendationConversion(db: Db, eventId: string) {
  const rows = await db
    .select({
      kind: recommendations.kind,
      band,
      recommended: count(),
      actedOn: sql<number>`count(${recommendations.actedAt})`.mapWith(Number),
      opened: sql<number>`count(*) filter (where ${recommendations.engagement} ? 'opened')`.mapWith(Number),
      declined: sql<number>`count(*) filter (where ${recommendations.outcome} = 'declined')`.mapWith(Number),
    })
    .from(recommendations)
    .where(and(eq(recommendations.eventId, eventId)))
    .groupBy(recommendations.kind, sql`2`);
  const kinds = ["speaker", "sponsor", "peer"] as const;
  const byKind = kinds
    .map((kind) => {
      const mine = rows.filter((r) => r.kind === kind);
      const recommended = mine.reduce((t, r) => t + Number(r.recommended), 0);
      const actedOn = mine.reduce((t, r) => t + r.actedOn, 0);
      return {
        kind,
        recommended,
        actedOn,
        opened: mine.reduce((t, r) => t + r.opened, 0),
        declined: mine.reduce((t, r) => t + r.declined, 0),
        rate: recommended ? actedOn / recommended : null,
        bands: SCORE_BANDS.map((b) => {
          const r = mine.find((x) => x.band === b.label);
          const n = r ? Number(r.recommended) : 0;
          return { band: b.label, recommended: n, actedOn: r?.actedOn ?? 0, rate: n ? (r?.actedOn ?? 0) / n : null };
        }),
      };
    })
    .filter((k) => k.recommended > 0);
  return byKind;
}
