/**
 * The one source of "now" (CONVENTIONS: never `new Date()` in lib/).
 * Tests pin or move it; in development the dev clock (POST /api/dev/clock) shifts it
 * so a person can jump to "the night before at 20:00" and watch a reminder go out.
 */
type ClockState = { offsetMs: number; frozenAt: number | null; scaled?: { t0: number; w0: number; speed: number } | null };

const g = globalThis as unknown as { __tpxClock?: ClockState };
const state: ClockState = (g.__tpxClock ??= { offsetMs: 0, frozenAt: null });

export function now(): Date {
  return new Date(nowMs());
}

export function nowMs(): number {
  if (state.frozenAt !== null) return state.frozenAt;
  const s = state.scaled;
  return s ? s.t0 + (Date.now() - s.w0) * s.speed : Date.now() + state.offsetMs;
}

/** Time that runs `speed` times faster than the wall from (w0 → t0): the chaos run's controlled time only. */
export function runScaled(t0: number, w0: number, speed: number): void {
  state.frozenAt = null;
  state.scaled = { t0, w0, speed };
}

/** Moves "now" so that it reads `to`, then keeps ticking. */
export function travelTo(to: Date): void {
  state.frozenAt = null;
  state.offsetMs = to.getTime() - Date.now();
}

/** Stops time at `at` (tests). */
export function freeze(at: Date): void {
  state.frozenAt = at.getTime();
}

export function advance(ms: number): void {
  if (state.frozenAt !== null) state.frozenAt += ms;
  else state.offsetMs += ms;
}

export function resetClock(): void {
  state.offsetMs = 0;
  state.frozenAt = null;
  state.scaled = null;
}

export function clockOffsetMs(): number {
  return state.frozenAt === null ? state.offsetMs : state.frozenAt - Date.now();
}
