import { nowMs, resetClock, runScaled } from "@/lib/clock";

/**
 * The event-day replay's controlled time: app time runs `speed` times faster than the wall
 * (lib/clock.ts runScaled), the speed can change on the way (continuously: no jump), and a
 * stretch where nothing is due can be skipped. Every wait inside TPX that the replay wires
 * (the SMS pacer, Resend's request throttle, the channel's retry pauses) sleeps through
 * `sleep`, in app ms, so a provider's pace holds in app time at any speed.
 */
export function controlledTime(startMs: number, speed: number) {
  let current = speed;
  runScaled(startMs, Date.now(), current);
  // Sleeps in flight, each with its end in app time: a speed change or a jump re-arms them, so a
  // wait begun at ×1 that ends after the switch to ×5 ends on time in app time, not up to 4/5 late.
  const pending = new Set<{ untilMs: number; resolve: () => void; timer?: NodeJS.Timeout }>();
  const arm = (p: { untilMs: number; resolve: () => void; timer?: NodeJS.Timeout }) => {
    clearTimeout(p.timer);
    const left = p.untilMs - nowMs();
    if (left <= 0) {
      pending.delete(p);
      p.resolve();
      return;
    }
    // A timer may fire up to a real millisecond early (Node rounds its delay; the wall clock ticks in
    // whole ms), which is 50 app ms at ×50: the timer checks and re-arms, so no sleep ends early.
    p.timer = setTimeout(() => arm(p), Math.max(1, Math.ceil(left / current)));
  };
  const rearmAll = () => pending.forEach(arm);
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const p = { untilMs: nowMs() + Math.max(0, ms), resolve };
      pending.add(p);
      arm(p);
    });
  return {
    get speed() {
      return current;
    },
    now: () => new Date(nowMs()),
    nowMs: () => nowMs(),
    setSpeed(next: number) {
      if (next === current) return;
      runScaled(nowMs(), Date.now(), next);
      current = next;
      rearmAll();
    },
    /** Skips ahead to `toMs` (never back). */
    jumpTo(toMs: number) {
      if (toMs > nowMs()) runScaled(toMs, Date.now(), current);
      rearmAll();
    },
    /** Waits `ms` of app time, following speed changes and jumps. */
    sleep,
    /** Waits until app time reaches `atMs` (the sleep above follows speed changes and jumps). */
    sleepUntil(atMs: number) {
      return sleep(atMs - nowMs());
    },
    stop: () => {
      for (const p of pending) {
        clearTimeout(p.timer);
        p.resolve();
      }
      pending.clear();
      resetClock();
    },
  };
}

export type ControlledTime = ReturnType<typeof controlledTime>;
