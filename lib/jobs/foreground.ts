/**
 * Plans queue behind scans (issue 9 §3): work a person is standing in front of (a scan at
 * the door) marks itself as foreground; background work in this process (a plan the local
 * orchestration builds after a check-in) waits before each of its database phases until no
 * foreground work has run for `quietMs`. On PGlite the whole database is one connection
 * (a transaction holds it exclusively), so a plan phase started while scans arrive makes
 * each of them wait for it. The wait is bounded (`maxWaitMs`): under scans without a pause,
 * a plan still moves one phase at a time instead of never (docs/decisions/0200).
 */
type State = { inFlight: number; lastEnd: number };
const g = globalThis as unknown as { __tpxForeground?: State };
const state = (): State => (g.__tpxForeground ??= { inFlight: 0, lastEnd: 0 });

export async function foreground<T>(fn: () => Promise<T>): Promise<T> {
  const s = state();
  s.inFlight++;
  try {
    return await fn();
  } finally {
    s.inFlight--;
    s.lastEnd = performance.now();
  }
}

export const QUIET_MS = 25;
export const MAX_WAIT_MS = 10_000;

/** Resolves once no foreground work has run for `quietMs`, or after `maxWaitMs` whatever happens. */
export async function whenForegroundQuiet(opts: { quietMs?: number; maxWaitMs?: number } = {}): Promise<void> {
  const quietMs = opts.quietMs ?? QUIET_MS;
  const deadline = performance.now() + (opts.maxWaitMs ?? MAX_WAIT_MS);
  for (;;) {
    const s = state();
    const t = performance.now();
    const quietFor = s.inFlight > 0 ? 0 : t - s.lastEnd;
    if (quietFor >= quietMs || t >= deadline) return;
    await new Promise((r) => setTimeout(r, Math.min(Math.max(quietMs - quietFor, 2), deadline - t)));
  }
}
