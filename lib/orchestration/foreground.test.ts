import { describe, expect, it } from "vitest";
import { inForeground, QUIET_MS, waitForForegroundIdle } from "./foreground";

describe("check-ins come before plans", () => {
  it("background work waits while a check-in is in flight and for a quiet moment after", async () => {
    const order: string[] = [];
    let release!: () => void;
    const scan = inForeground(() => new Promise<void>((r) => (release = r)).then(() => void order.push("scan done")));
    const plan = waitForForegroundIdle().then(() => void order.push("plan starts"));
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual([]);
    const ended = Date.now();
    release();
    await Promise.all([scan, plan]);
    expect(order).toEqual(["scan done", "plan starts"]);
    expect(Date.now() - ended).toBeGreaterThanOrEqual(QUIET_MS - 2);
  });

  it("never loses a waiter when check-ins end in quick succession", async () => {
    for (let i = 0; i < 20; i++) {
      void inForeground(() => new Promise<void>((r) => setTimeout(r, i % 3)));
      if (i % 5 === 0) await new Promise((r) => setTimeout(r, QUIET_MS - 1));
    }
    const waits = Array.from({ length: 5 }, () => waitForForegroundIdle());
    await expect(Promise.race([Promise.all(waits).then(() => "woken"), new Promise((r) => setTimeout(() => r("stuck"), 2_000))])).resolves.toBe("woken");
  });

  it("does not wait when nothing is in flight", async () => {
    await new Promise((r) => setTimeout(r, QUIET_MS + 5));
    const t = Date.now();
    await waitForForegroundIdle();
    expect(Date.now() - t).toBeLessThan(QUIET_MS);
  });
});
