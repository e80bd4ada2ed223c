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
    },
    /** Skips ahead to `toMs` (never back). */
    jumpTo(toMs: number) {
      if (toMs > nowMs()) runScaled(toMs, Date.now(), current);
    },
    /** Waits `ms` of app time at the current speed (a later speed change makes it approximate: callers re-check). */
    sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms / current))),
    /** Waits until app time reaches `atMs`, in short real steps so speed changes and jumps are followed. */
    async sleepUntil(atMs: number) {
      for (let left = atMs - nowMs(); left > 0; left = atMs - nowMs()) await new Promise((r) => setTimeout(r, Math.min(50, Math.max(1, left / current))));
    },
    stop: () => resetClock(),
  };
}

export type ControlledTime = ReturnType<typeof controlledTime>;
