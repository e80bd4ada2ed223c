import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventMessages, smsPacing } from "@/db/schema";
import type { Channels, OutgoingSms } from "@/lib/channels/types";
import { advance, freeze, now, nowMs, resetClock } from "@/lib/clock";
import { startLocalDriver } from "@/lib/jobs/local-driver";
import { databasePacer, rebookFromNow, tryAcquireSmsSlot } from "@/lib/messaging/pacing";
import { smsSegmentCount } from "@/lib/messaging/segments";
import { registerAttendee } from "@/lib/registration/register";
import { deliverSmsFunction, smsThrottle } from "@/inngest/functions/deliver-sms";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";

/** SPEC §4.2 through the local driver, on controlled time: the pacer's sleeps move the frozen clock. */
const zone = "America/Chicago";
let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
  freeze(local("2026-12-01 10:00", zone));
});
afterAll(async () => {
  resetClock();
  await h.close();
});

async function nextFreeAt(sender: string): Promise<number> {
  const [row] = await h.db.select().from(smsPacing).where(eq(smsPacing.sender, sender));
  return row.nextFreeAt.getTime();
}

function pacedSms(sent: Array<OutgoingSms & { atMs: number }>): Channels {
  return {
    email: { name: "rec", send: async (e) => ({ ok: true, provider: "rec", providerMessageId: e.messageId }) },
    sms: {
      name: "rec",
      sender: "+15125550100",
      send: async (s) => (sent.push({ ...s, atMs: nowMs() }), { ok: true, provider: "rec", providerMessageId: s.messageId }),
      lookup: async () => ({ found: false }),
    },
  };
}

describe("SMS pacing (SPEC §4.2)", () => {
  it("the local driver never sends the number faster than its segment rate, and records the wait apart", async () => {
    const event = await makeEvent(h.db, { timezone: zone, start: "2027-06-10 09:00" });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await registerAttendee(h.db, {
        eventSlug: event.slug, firstName: "Sam", lastName: `Lee${i}`, email: `pace${i}@example.com`, phone: `+1 512 555 01${30 + i}`, smsConsent: true,
      });
      if (!res.ok) throw new Error(res.error.message);
      ids.push(...res.messageIds);
    }
    const smsIds = (await h.db.select().from(eventMessages).where(inArray(eventMessages.id, ids))).filter((m) => m.channel === "sms" && m.type === "registration_confirmation").map((m) => m.id);
    expect(smsIds).toHaveLength(5);
    const sent: Array<OutgoingSms & { atMs: number }> = [];
    const pacer = databasePacer(h.db, { segmentsPerSecond: 1, now, sleep: async (ms) => advance(ms) });
    const d = startLocalDriver({ db: h.db, channels: pacedSms(sent), pacer, mode: "all", intervalMs: 3_600_000, smsBatchSize: 1 });
    const start = nowMs();
    await d.tick();
    await d.stop();
    const mine = sent.filter((s) => smsIds.includes(s.messageId));
    expect(mine).toHaveLength(5);
    for (let i = 1; i < mine.length; i++) {
      expect(mine[i].atMs - mine[i - 1].atMs).toBeGreaterThanOrEqual(smsSegmentCount(mine[i - 1].body) * 1000);
    }
    const rows = await h.db.select().from(eventMessages).where(inArray(eventMessages.id, smsIds));
    const waits = rows.map((r) => r.pacingWaitMs).sort((a, b) => a - b);
    expect(waits[0]).toBe(0);
    expect(waits[4]).toBe(mine[4].atMs - start);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
  });

  it("two processes share one bucket per number: only one holds it at a time", async () => {
    const at = new Date(nowMs() + 3_600_000);
    const [a, b, c] = await Promise.all([
      tryAcquireSmsSlot(h.db, "+15125550199", 2, 1, at),
      tryAcquireSmsSlot(h.db, "+15125550199", 1, 1, at),
      tryAcquireSmsSlot(h.db, "+15125550198", 1, 1, at),
    ]);
    const outcomes = [a, b].map((o) => (o.acquired ? "took" : o.nextFreeAt.getTime() - at.getTime()));
    expect([["took", 2000], [1000, "took"]]).toContainEqual(outcomes);
    expect(c).toEqual({ acquired: true }); // another number has its own bucket
    expect(await tryAcquireSmsSlot(h.db, "+15125550198", 1, 1, new Date(at.getTime() + 1000))).toEqual({ acquired: true });
  });

  it("a slow take (a loaded box) is re-booked from when it returned, so the next send still waits a whole slot after this one", async () => {
    const sender = "+15125550197";
    const bookedAt = nowMs() + 7_200_000;
    // The pacer reads the clock when it starts, before the take, and after it: the take "took" 300 ms.
    const reads = [bookedAt, bookedAt, bookedAt + 300];
    const pacer = databasePacer(h.db, { segmentsPerSecond: 1, now: () => new Date(reads.shift() ?? bookedAt + 300), sleep: async () => {} });
    expect(await pacer(sender, 1)).toBe(0);
    // Booked at T, returned at T+300: free again at T+300+1000, not T+1000.
    expect(await nextFreeAt(sender)).toBe(bookedAt + 300 + 1000);
    expect(await tryAcquireSmsSlot(h.db, sender, 1, 1, new Date(bookedAt + 1000))).toMatchObject({ acquired: false });
    expect(await tryAcquireSmsSlot(h.db, sender, 1, 1, new Date(bookedAt + 1300))).toEqual({ acquired: true });
  });

  it("under time that runs faster than the wall, slowTakeMs scales what counts as a slow take (the event-day replay)", async () => {
    const sender = "+15125550193";
    const bookedAt = nowMs() + 9_000_000;
    // The same 300 app-ms take as above, with slowTakeMs 400 (10 ms × speed 40): not slow, the booking stands.
    const reads = [bookedAt, bookedAt, bookedAt + 300];
    const pacer = databasePacer(h.db, { segmentsPerSecond: 1, now: () => new Date(reads.shift() ?? bookedAt + 300), sleep: async () => {}, slowTakeMs: 400 });
    expect(await pacer(sender, 1)).toBe(0);
    expect(await nextFreeAt(sender)).toBe(bookedAt + 1000);
  });

  it("a re-booking that is slow too is re-booked again, so the slot always starts within a few ms of the send", async () => {
    const sender = "+15125550195";
    const T = nowMs() + 14_400_000;
    // Start, take at T; the take returns at T+300 (re-booked), the re-booking returns at T+700 (re-booked again), then in time.
    const reads = [T, T, T + 300, T + 700];
    const pacer = databasePacer(h.db, { segmentsPerSecond: 1, now: () => new Date(reads.shift() ?? T + 700), sleep: async () => {} });
    expect(await pacer(sender, 1)).toBe(0);
    expect(await nextFreeAt(sender)).toBe(T + 700 + 1000);
  });

  it("a box too slow to confirm any booking never sends on a stale one: it lets it run out and takes the next slot", async () => {
    const sender = "+15125550194";
    const T = nowMs() + 18_000_000;
    // Every check is 300 ms late for MAX_REBOOKS re-bookings; then the pacer waits out the last booking and takes the number afresh.
    const reads = [T, T, T + 300, T + 600, T + 900, T + 1200, T + 1200, T + 1900, T + 1900];
    const slept: number[] = [];
    const pacer = databasePacer(h.db, { segmentsPerSecond: 1, now: () => new Date(reads.shift() ?? T + 1900), sleep: async (ms) => void slept.push(ms) });
    expect(await pacer(sender, 1)).toBe(1900);
    expect(slept).toEqual([700]);
    expect(await nextFreeAt(sender)).toBe(T + 1900 + 1000);
  });

  it("a take so slow that another sender got the number meanwhile queues again instead of sending beside it", async () => {
    const sender = "+15125550196";
    const t0 = nowMs() + 10_800_000;
    // The take books [T, T+1000) but returns at T+1500; meanwhile another process took the number at T+1000.
    expect(await rebookFromNow(h.db, sender, new Date(t0), 1000, new Date(t0 + 1500))).toBe(false); // no row yet: not ours
    expect(await tryAcquireSmsSlot(h.db, sender, 1, 1, new Date(t0))).toEqual({ acquired: true });
    expect(await tryAcquireSmsSlot(h.db, sender, 1, 1, new Date(t0 + 1000))).toEqual({ acquired: true });
    expect(await rebookFromNow(h.db, sender, new Date(t0), 1000, new Date(t0 + 1500))).toBe(false);
    // The other process's booking stands.
    expect(await nextFreeAt(sender)).toBe(t0 + 2000);
  });

  it("with several numbers, a take after a wait tries the one that frees first and queries no number it has seen busy", async () => {
    const T = nowMs() + 21_600_000;
    const pool = ["+15125550181", "+15125550182", "+15125550183", "+15125550184", "+15125550185"];
    // Every number busy: free at T + 900, 700, 500, 300, 100 ms.
    for (const [k, sender] of pool.entries()) await h.db.insert(smsPacing).values({ sender, nextFreeAt: new Date(T + 900 - 200 * k) });
    let t = T;
    let takes = 0;
    // Counts the take queries (tryAcquireSmsSlot's INSERT … ON CONFLICT) the pacer makes.
    const db = new Proxy(h.db, { get: (target, p, r) => (p === "insert" && takes++, Reflect.get(target, p, r)) });
    const pacer = databasePacer(db, { segmentsPerSecond: 1, now: () => new Date(t), sleep: async (ms) => void (t += ms) });
    for (let i = 0; i < 5; i++) {
      // The first send learns every number's time in one pass, then takes the soonest after the wait; each later
      // send knows them (bookings only move forward) and queries only the number that frees first.
      const before = takes;
      const got = await pacer.any!(pool, 1);
      expect(got.sender).toBe(pool[4 - i]);
      expect(takes - before).toBe(i === 0 ? pool.length + 1 : 1);
    }
    // A number that frees first is taken at once after the wait: booked from T + 100 for one slot.
    expect(await nextFreeAt(pool[4])).toBe(T + 100 + 1000);
  });

  it("the lanes of one process queue for the numbers, first come first served: one take query per send, not a race", async () => {
    let t = nowMs() + 25_200_000;
    const pool = ["+15125550171", "+15125550172", "+15125550173", "+15125550174", "+15125550175"];
    let takes = 0;
    const db = new Proxy(h.db, { get: (target, p, r) => (p === "insert" && takes++, Reflect.get(target, p, r)) });
    const pacer = databasePacer(db, { segmentsPerSecond: 1, now: () => new Date(t), sleep: async (ms) => void (t += ms) });
    const T = t;
    // Ten lanes ask at once for five numbers: five go now, the other five when the first slot ends, in the order they asked.
    const order: number[] = [];
    const got = await Promise.all(Array.from({ length: 10 }, (_, i) => pacer.any!(pool, 1).then((r) => (order.push(i), { ...r, at: t }))));
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(takes).toBe(10);
    expect(got.slice(0, 5).every((g) => g.waited === 0 && g.at === T)).toBe(true);
    expect(got.slice(5).every((g) => g.waited === 1_000)).toBe(true);
    for (const sender of pool) expect(got.filter((g) => g.sender === sender)).toHaveLength(2);
  });

  it("Inngest throttles deliver-sms per sending number at the configured rate", () => {
    expect(deliverSmsFunction.opts.throttle).toEqual({ key: "event.data.sender", limit: 1, period: "1s" });
    expect(smsThrottle(3)).toEqual({ key: "event.data.sender", limit: 3, period: "1s" });
  });
});
