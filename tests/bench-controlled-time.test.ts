import { afterEach, describe, expect, it, vi } from "vitest";
import { resetClock } from "@/lib/clock";
import { controlledTime } from "../bench/support/controlled-time";

/** The event-day replay's time (decision 0211): a sleep ends at its app time whatever the speed does meanwhile. */
afterEach(() => {
  vi.restoreAllMocks();
  resetClock();
});

describe("controlled time", () => {
  it("a sleep begun at ×1 that spans a switch to ×20 ends at its app time, not 19/20 late", async () => {
    const t = controlledTime(Date.UTC(2027, 2, 10, 14, 0), 1);
    const from = t.nowMs();
    const woke = t.sleep(2_000).then(() => t.nowMs() - from);
    await new Promise((r) => setTimeout(r, 100)); // 100 app ms at ×1
    t.setSpeed(20); // the other 1,900 app ms take 95 real ms
    const began = performance.now();
    const slept = await woke;
    const real = performance.now() - began;
    expect(slept).toBeGreaterThanOrEqual(2_000);
    expect(slept).toBeLessThan(2_000 + 20 * 40); // within a few real ms at ×20
    expect(real).toBeLessThan(600);
    t.stop();
  });

  it("a jump ends the sleeps it passes, and stop releases what is left", async () => {
    const t = controlledTime(Date.UTC(2027, 2, 10, 14, 0), 1);
    const from = t.nowMs();
    const short = t.sleep(60_000).then(() => t.nowMs() - from);
    const long = t.sleep(3_600_000);
    t.jumpTo(from + 120_000);
    expect(await short).toBeGreaterThanOrEqual(60_000);
    t.stop();
    await long; // released, not left hanging
  });
});

describe("controlled time, sleepUntil", () => {
  it("wakes at its app time across a speed change, without polling", async () => {
    const t = controlledTime(Date.UTC(2027, 2, 10, 14, 0), 1);
    const target = t.nowMs() + 1_000;
    const woke = t.sleepUntil(target).then(() => t.nowMs());
    t.setSpeed(50);
    const at = await woke;
    expect(at).toBeGreaterThanOrEqual(target);
    expect(at).toBeLessThan(target + 50 * 40);
    t.stop();
  });

  it("a timer that fires a real millisecond early does not end the sleep early (CI flake at ×50)", async () => {
    const real = globalThis.setTimeout;
    // Node may run a timer up to a millisecond before its delay: every timer here does.
    vi.spyOn(globalThis, "setTimeout").mockImplementation(((fn: () => void, ms?: number) =>
      real(fn, Math.max(0, (ms ?? 0) - 1))) as typeof setTimeout);
    const t = controlledTime(Date.UTC(2027, 2, 10, 14, 0), 50);
    const targets = [200, 500, 1_000, 2_000].map((d) => t.nowMs() + d);
    const woke = await Promise.all(targets.map((at) => t.sleepUntil(at).then(() => t.nowMs())));
    woke.forEach((at, i) => expect(at).toBeGreaterThanOrEqual(targets[i]));
    t.stop();
  });
});
