import { describe, expect, it } from "vitest";
import { foreground, whenForegroundQuiet } from "./foreground";

/** Plans queue behind scans (decision 0200): background waits while foreground work runs, and a while after. */
describe("foreground / whenForegroundQuiet", () => {
  it("waits while a scan is in flight and for the quiet time after it", async () => {
    let release!: () => void;
    const scan = foreground(() => new Promise<void>((r) => (release = r)));
    const t0 = performance.now();
    let resumedAt = 0;
    const plan = whenForegroundQuiet({ quietMs: 30, maxWaitMs: 5_000 }).then(() => (resumedAt = performance.now()));
    await new Promise((r) => setTimeout(r, 80));
    expect(resumedAt).toBe(0); // still held while the scan runs
    const endedAt = performance.now();
    release();
    await scan;
    await plan;
    expect(resumedAt - endedAt).toBeGreaterThanOrEqual(25);
    expect(resumedAt - t0).toBeGreaterThanOrEqual(100);
  });

  it("gives up waiting after maxWaitMs under scans without a pause", async () => {
    let stop = false;
    const door = (async () => {
      while (!stop) await foreground(() => new Promise((r) => setTimeout(r, 5)));
    })();
    const t0 = performance.now();
    await whenForegroundQuiet({ quietMs: 50, maxWaitMs: 150 });
    const waited = performance.now() - t0;
    stop = true;
    await door;
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(1_000);
  });

  it("does not wait when nothing runs in the foreground", async () => {
    await new Promise((r) => setTimeout(r, 30));
    const t0 = performance.now();
    await whenForegroundQuiet({ quietMs: 20 });
    expect(performance.now() - t0).toBeLessThan(20);
  });
});
