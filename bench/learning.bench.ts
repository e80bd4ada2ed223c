/**
 * The closed loop (SPEC §9, issue 11 §3), as a simulation: the same synthetic
 * population goes to three events in a row. Each attendee has hidden preferences —
 * log-odds weights on the very features the matcher scores, which the matcher does
 * not know — and accepts an introduction, attends a recommended session or visits a
 * recommended sponsor with the probability those preferences give. With learning
 * off, every event is ranked with today's weights; with learning on, after each
 * event the weights are re-fitted (lib/learning/fit.ts, the function the console's
 * re-fit runs) on all outcomes so far and the next event is ranked with them.
 *
 * Pure CPU, no database (the DB path is covered by tests/learning.test.ts). Seeded:
 * the same population, agendas and random draws every run; on and off share the
 * draw for the same attendee and item (common random numbers), so a difference is
 * the ranking's, not luck's.
 */
import { matchPeersBatch, rankSessions, rankSponsors, type MatchProfile, type MatchWeights, type RankedPick } from "@/lib/matching";
import { generateAgenda, generateProfiles, generateSponsors, seededRandom } from "@/lib/matching/synthetic";
import { DEFAULT_MATCH_WEIGHTS } from "@/lib/matching/weights";
import { defaultVector, FEATURES, featuresOf, weightsOf, withLearned } from "@/lib/learning/features";
import { fitWeights, type Sample } from "@/lib/learning/fit";
import type { RecommendationKind } from "@/db/schema";
import { defineBenchmark, type FigureRow, type GoalCheck } from "./registry";
import { loadAverage, round } from "./support/measure";

const SEED = 11;
const EVENTS = 3;
const CHECK_IN_AT = (day: Date) => new Date(day.getTime() + (8 * 60 + 40) * 60_000);

/**
 * The population's hidden preferences, in log-odds per unit of each feature (same
 * units as lib/learning/features.ts). Chosen before any run to differ from today's
 * weights in a plausible way: people go to talks aimed at their trade and by good
 * speakers more than to talks that merely share a topic, and say yes to peers of
 * their own size and revenue more than to peers who share a focus area.
 */
const HIDDEN: Record<RecommendationKind, { intercept: number; w: Record<string, number> }> = {
  speaker: { intercept: -2.6, w: { topicOverlap: 0.25, speakerFocusOverlap: 0.15, businessTypeFit: 1.6, speakerPcr: 2.2, preferredTopic: 0.4, preferredFormat: 0.3 } },
  sponsor: { intercept: -2.4, w: { offeringOverlap: 0.3, focusOverlap: 0.2, revenueTierTarget: 1.4, sponsorPcr: 1.5, specialOffer: 0.9 } },
  peer: { intercept: -2.2, w: { sharedFocus: 0.15, complementaryTrades: 0.4, sameAreaOtherTrade: 0.2, similarSize: 2.0, sameRevenueTier: 1.4 } },
};
/** Each attendee's own weights are the population's times a log-normal factor (sd 0.4 in log). */
const PERSONAL_SD = 0.4;

/** FNV-1a, then one mulberry32 step: a uniform draw fixed by its key. */
function draw(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return seededRandom(h >>> 0)();
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

type Person = { profile: MatchProfile; hidden: Record<RecommendationKind, number[]> };

function population(n: number): Person[] {
  const rand = seededRandom(SEED * 7919);
  return generateProfiles(n, SEED, "sim").map((profile) => ({
    profile,
    hidden: Object.fromEntries(
      (["speaker", "sponsor", "peer"] as const).map((k) => [k, FEATURES[k].map((f) => HIDDEN[k].w[f] * Math.exp(PERSONAL_SD * gaussian(rand)))]),
    ) as Record<RecommendationKind, number[]>,
  }));
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Does this person act on this pick? Their hidden preferences over the pick's own features. */
function acts(person: Person, kind: RecommendationKind, pick: Pick<RankedPick, "reasons" | "targetId">, eventNo: number): 0 | 1 {
  const x = featuresOf(kind, pick.reasons);
  const h = person.hidden[kind];
  const z = HIDDEN[kind].intercept + x.reduce((t, v, i) => t + v * h[i], 0);
  return draw(`${SEED}|${eventNo}|${kind}|${person.profile.attendeeId}|${pick.targetId}`) < sigmoid(z) ? 1 : 0;
}

type EventFigures = { attendance: number; acceptance: number; visits: number; sessions: number; intros: number; sponsors: number };

function runEvent(people: Person[], eventNo: number, weights: MatchWeights, samples: Record<RecommendationKind, Sample[]>): EventFigures {
  const day = new Date(Date.UTC(2027, 2 + eventNo * 3, 10));
  const agenda = generateAgenda(day, 28, SEED * 100 + eventNo);
  const sponsors = generateSponsors(16, SEED * 100 + 50 + eventNo);
  const at = CHECK_IN_AT(day);
  const f = { attended: 0, sessions: 0, accepted: 0, intros: 0, visited: 0, sponsors: 0 };
  const record = (kind: RecommendationKind, p: Person, pick: Pick<RankedPick, "reasons" | "targetId">) => {
    const y = acts(p, kind, pick, eventNo);
    samples[kind].push({ x: featuresOf(kind, pick.reasons), y });
    return y;
  };
  for (const p of people) {
    for (const pick of rankSessions(p.profile, agenda, at, { weights: weights.session })) {
      f.sessions++;
      f.attended += record("speaker", p, pick);
    }
    for (const pick of rankSponsors(p.profile, sponsors, { weights: weights.sponsor })) {
      f.sponsors++;
      f.visited += record("sponsor", p, pick);
    }
  }
  const byId = new Map(people.map((p) => [p.profile.attendeeId, p]));
  for (const pair of matchPeersBatch(people.map((p) => p.profile), { maxPerPerson: 3, weights: weights.peer })) {
    // Each side is asked (SPEC §5.4) and answers YES or NO by their own preferences.
    for (const [me, other] of [[pair.a, pair.b], [pair.b, pair.a]]) {
      f.intros++;
      f.accepted += record("peer", byId.get(me)!, { reasons: pair.reasons, targetId: other });
    }
  }
  return {
    attendance: f.attended / Math.max(1, f.sessions),
    acceptance: f.accepted / Math.max(1, f.intros),
    visits: f.visited / Math.max(1, f.sponsors),
    sessions: f.sessions,
    intros: f.intros,
    sponsors: f.sponsors,
  };
}

function refit(samples: Record<RecommendationKind, Sample[]>) {
  const learned: Partial<Record<RecommendationKind, Record<string, number>>> = {};
  const moved: string[] = [];
  for (const kind of ["speaker", "sponsor", "peer"] as const) {
    const r = fitWeights(samples[kind], defaultVector(kind));
    if (r.moved) learned[kind] = weightsOf(kind, r.weights);
    moved.push(`${kind}: ${r.moved ? "moved" : r.reason} (n=${r.n}, acted=${r.acted})`);
  }
  return { weights: withLearned(learned), learned, moved };
}

export default defineBenchmark({
  name: "learning",
  title: "Closed loop: acceptance and attendance over three events, learning on vs off (simulated attendees with hidden preferences)",
  async run(ctx) {
    const n = ctx.quick ? 300 : 600;
    const load = loadAverage();
    const people = population(n);
    const rows: FigureRow[] = [];
    const byMode: Record<"off" | "on" | "oracle", EventFigures[]> = { off: [], on: [], oracle: [] };
    const notes: string[] = [`${n} attendees, ${EVENTS} events (28 sessions, 16 sponsors each), seed ${SEED}; load average before: ${load}.`];
    const started = performance.now();
    // "oracle": ranked with the population's hidden weights themselves — the ceiling, for reference only.
    const oracle = withLearned(
      Object.fromEntries((["speaker", "sponsor", "peer"] as const).map((k) => [k, weightsOf(k, FEATURES[k].map((f) => HIDDEN[k].w[f]))])),
    );
    for (const mode of ["off", "on", "oracle"] as const) {
      const samples: Record<RecommendationKind, Sample[]> = { speaker: [], sponsor: [], peer: [] };
      let weights: MatchWeights = mode === "oracle" ? oracle : DEFAULT_MATCH_WEIGHTS;
      for (let e = 1; e <= EVENTS; e++) {
        const fig = runEvent(people, e, weights, samples);
        byMode[mode].push(fig);
        rows.push({
          mode, event: e, weights: mode === "oracle" ? "hidden" : weights === DEFAULT_MATCH_WEIGHTS ? "defaults" : "learned",
          acceptance_pct: round(fig.acceptance * 100, 1), attendance_pct: round(fig.attendance * 100, 1), booth_visit_pct: round(fig.visits * 100, 1),
          intros: fig.intros, session_recs: fig.sessions, sponsor_recs: fig.sponsors,
        });
        if (mode === "on" && e < EVENTS) {
          const r = refit(samples);
          weights = r.weights;
          notes.push(`after event ${e}: ${r.moved.join("; ")}`);
          for (const [kind, w] of Object.entries(r.learned)) notes.push(`  learned ${kind}: ${JSON.stringify(w)}`);
          ctx.log(`learning: refit after event ${e}`);
        }
      }
    }
    const [off, on] = [byMode.off, byMode.on];
    const rel = (a: number, b: number) => (b > 0 ? a / b - 1 : 0);
    const goals: GoalCheck[] = [];
    for (const metric of ["acceptance", "attendance"] as const) {
      const lift = rel(on[EVENTS - 1][metric], off[EVENTS - 1][metric]);
      goals.push({ goal: `${metric}: on ≥ off × 1.15 on event ${EVENTS}`, measured: `${round(on[EVENTS - 1][metric] * 100, 1)} % vs ${round(off[EVENTS - 1][metric] * 100, 1)} % (${lift >= 0 ? "+" : ""}${round(lift * 100, 1)} %)`, met: lift >= 0.15 });
      goals.push({ goal: `${metric}: on ≥ off on event 1`, measured: `${round(on[0][metric] * 100, 1)} % vs ${round(off[0][metric] * 100, 1)} %`, met: on[0][metric] >= off[0][metric] });
    }
    notes.push(`Event 1 is ranked with today's weights in both modes (there are no past outcomes yet), so it is identical by construction.`);
    notes.push(`Hidden preferences (population log-odds per feature unit): ${JSON.stringify(HIDDEN)}; personal factor exp(N(0, ${PERSONAL_SD}²)).`);
    notes.push(`Run time ${round((performance.now() - started) / 1000, 1)} s; load average after: ${loadAverage()}.`);
    return { rows, goals, notes };
  },
});
