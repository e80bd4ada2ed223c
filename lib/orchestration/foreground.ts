/**
 * Check-ins come first (issue 9: "a plan must never hold up a scan"). A check-in
 * marks itself in flight; the local orchestration waits until none has been in flight
 * for a moment before it starts (or continues to) build a plan. Per process, like the
 * local driver; with Inngest the plans run elsewhere and this only sees idle.
 */
const g = globalThis as unknown as { __tpxForeground?: { inFlight: number; lastEnd: number; waiters: Array<() => void> } };
const state = (g.__tpxForeground ??= { inFlight: 0, lastEnd: 0, waiters: [] });

/** Quiet time after the last check-in before background work goes on, ms. */
export const QUIET_MS = 20;

export async function inForeground<T>(fn: () => Promise<T>): Promise<T> {
  state.inFlight++;
  try {
    return await fn();
  } finally {
    state.inFlight--;
    state.lastEnd = Date.now();
    if (state.inFlight === 0) setTimeout(wake, QUIET_MS);
  }
}

function wake() {
  if (state.inFlight > 0) return; // the check-in in flight schedules the next wake when it ends
  const quietFor = Date.now() - state.lastEnd;
  if (quietFor < QUIET_MS) {
    // A timer may fire a millisecond early, or a check-in ended meanwhile: look again, never drop the waiters.
    setTimeout(wake, QUIET_MS - quietFor + 1);
    return;
  }
  const waiters = state.waiters.splice(0);
  for (const w of waiters) w();
}

/** Resolves once no check-in is in flight and none ended in the last QUIET_MS. */
export function waitForForegroundIdle(): Promise<void> {
  if (state.inFlight === 0 && Date.now() - state.lastEnd >= QUIET_MS) return Promise.resolve();
  return new Promise((resolve) => {
    state.waiters.push(resolve);
    if (state.inFlight === 0) setTimeout(wake, QUIET_MS);
  });
}
