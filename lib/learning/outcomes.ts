/**
 * What became of one recommendation (SPEC §9), from the signals in its `engagement`:
 * pure, so the dashboard, the fit and the tests agree on one rule (decision 0185).
 */
export const SIGNALS = ["opened", "declined", "accepted", "not_met", "met", "attended", "visited", "rated"] as const;
export type Signal = (typeof SIGNALS)[number];

/** Signals that mean the attendee did what was recommended. */
export const ACTED_SIGNALS: ReadonlySet<Signal> = new Set(["accepted", "met", "not_met", "attended", "visited", "rated"]);

/** Success score per signal; a rating scores rating/5. The strongest one wins. */
const SCORE: Record<Exclude<Signal, "rated">, number> = {
  opened: 0.1,
  declined: 0,
  not_met: 0.25,
  accepted: 0.5,
  met: 1,
  attended: 1,
  visited: 1,
};

/** Tie order when two signals score the same: the more specific one names the outcome. */
const PRIORITY: Signal[] = ["met", "attended", "visited", "rated", "accepted", "not_met", "declined", "opened"];

export type Settled = { outcome: string | null; successScore: number | null; actedAt: Date | null };

function when(v: unknown): Date | null {
  if (typeof v !== "string") return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * outcome: the best acted-on signal, else "declined", else "opened", else null.
 * A decline outranks an earlier open (score 0 < 0.1): saying no is an answer.
 */
export function settle(engagement: Record<string, unknown>): Settled {
  const present = PRIORITY.filter((s) => engagement[s] !== undefined && engagement[s] !== null);
  if (present.length === 0) return { outcome: null, successScore: null, actedAt: null };
  const acted = present.filter((s) => ACTED_SIGNALS.has(s));
  const scoreOf = (s: Signal) => {
    if (s !== "rated") return SCORE[s];
    const r = Number(engagement.rating);
    return Number.isFinite(r) && r > 0 ? Math.min(r, 5) / 5 : 0.6;
  };
  if (acted.length > 0) {
    let best = acted[0];
    for (const s of acted) if (scoreOf(s) > scoreOf(best)) best = s;
    const times = acted.map((s) => when(engagement[s])).filter((d): d is Date => d !== null);
    const actedAt = times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null;
    return { outcome: best, successScore: scoreOf(best), actedAt };
  }
  const outcome = present.includes("declined") ? "declined" : "opened";
  return { outcome, successScore: SCORE[outcome], actedAt: null };
}

/** The fit's label: 1 when acted on. A recommendation with no signal by the event's end counts as 0. */
export function actedOn(engagement: Record<string, unknown>): boolean {
  return [...ACTED_SIGNALS].some((s) => engagement[s] !== undefined && engagement[s] !== null);
}
