/**
 * The chaos run's controlled time, shared by the runner and every driver process
 * without talking: controlled = T0 + (wall − W0) × speed. Ten minutes of due times
 * pass in one real minute at speed 10; backoffs, Retry-After, stale-claim and
 * reconcile ages all run in controlled time, so the proportions stay real.
 */
export type ChaosClock = { t0: number; w0: number; speed: number };

export function controlledNow(c: ChaosClock, wallMs = Date.now()): number {
  return c.t0 + (wallMs - c.w0) * c.speed;
}

/** Real ms until controlled time reaches `atMs`. */
export function realDelayUntil(c: ChaosClock, atMs: number): number {
  return Math.max(0, (atMs - controlledNow(c)) / c.speed);
}

/** Seeded PRNG (mulberry32): the same seed draws the same faults. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
