import { like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { createDevEmailChannel, createDevSmsChannel } from "@/lib/channels/dev-outbox";
import { PURGE_EVERY_MS, runBackstops } from "@/lib/jobs/backstops";
import { clientIp, consume, consumeWith, limits, purgeExpiredRateLimits, tooManyRequests } from "@/lib/ratelimit";
import { createTestDb } from "./db";

let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A Db whose every query fails, as when the rate_limits table is missing or the database is down. */
function brokenDb(): Db {
  const fail = () => {
    throw new Error('relation "rate_limits" does not exist');
  };
  return new Proxy({} as Db, { get: () => fail }) as Db;
}

describe("consume", () => {
  it("allows `points` requests per key, then refuses with the time left in the window", async () => {
    const spec = { points: 3, durationSeconds: 60, onStoreError: "open" } as const;
    for (let i = 0; i < 3; i++) expect(await consumeWith(h.db, "t1", spec, "198.51.100.7")).toEqual({ ok: true });
    const refused = await consumeWith(h.db, "t1", spec, "198.51.100.7");
    expect(refused).toMatchObject({ ok: false, reason: "limited" });
    if (refused.ok) throw new Error("unreachable");
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // another key has its own budget
    expect(await consumeWith(h.db, "t1", spec, "198.51.100.8")).toEqual({ ok: true });
  });

  it("opens a new window when the old one ends (real 2 s window)", async () => {
    const spec = { points: 1, durationSeconds: 2, onStoreError: "open" } as const;
    expect((await consumeWith(h.db, "t2", spec, "k")).ok).toBe(true);
    expect((await consumeWith(h.db, "t2", spec, "k")).ok).toBe(false);
    await sleep(2100);
    expect((await consumeWith(h.db, "t2", spec, "k")).ok).toBe(true);
  });

  it("stores a keyed hash, never the raw email, phone or IP", async () => {
    await consume(h.db, "registrationEmail", "victim@example.com");
    await consume(h.db, "registrationPhone", "+15125550142");
    await consume(h.db, "registrationIp", "203.0.113.9");
    const rows = await h.db.select().from(rateLimits).where(like(rateLimits.key, "registration%"));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.key).not.toMatch(/victim|example|5125550142|203\.0\.113/);
      expect(row.key).toMatch(/^registration(Email|Phone|Ip):[A-Za-z0-9_-]{32}$/);
    }
  });

  it("the named limits use the numbers in limits.ts", async () => {
    const { points } = limits.registrationEmail;
    for (let i = 0; i < points; i++) expect((await consume(h.db, "registrationEmail", "burst@example.com")).ok).toBe(true);
    expect(await consume(h.db, "registrationEmail", "burst@example.com")).toMatchObject({ ok: false, reason: "limited" });
  });

  it("fails open for registration and token pages when the table is unavailable, and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await consume(brokenDb(), "registrationIp", "198.51.100.1")).toEqual({ ok: true });
    expect(await consume(brokenDb(), "tokenPageIp", "198.51.100.1")).toEqual({ ok: true });
    expect(await consume(brokenDb(), "selfCheckInIp", "198.51.100.1")).toEqual({ ok: true });
    expect(log).toHaveBeenCalledWith(expect.stringContaining("failing open"));
    log.mockRestore();
  });

  it("fails open on a real database whose rate_limits table is gone", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    let result: unknown;
    await h.db
      .transaction(async (tx) => {
        await tx.execute(sql`drop table rate_limits`);
        result = await consume(tx as unknown as Db, "registrationEmail", "outage@example.com");
        throw new Error("rollback");
      })
      .catch((e: Error) => expect(e.message).toBe("rollback"));
    expect(result).toEqual({ ok: true });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/registrationEmail: the rate_limits table is unavailable \(failing open\)/));
    log.mockRestore();
  });

  it("fails closed for a closed limit when the table is unavailable", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const spec = { points: 5, durationSeconds: 60, onStoreError: "closed" } as const;
    expect(await consumeWith(brokenDb(), "t3", spec, "k")).toMatchObject({ ok: false, reason: "unavailable" });
    log.mockRestore();
  });

  it("purges counters whose window ended over an hour ago", async () => {
    await h.db.insert(rateLimits).values([
      { key: "old:x", points: 3, expire: new Date(Date.now() - 2 * 60 * 60 * 1000) },
      { key: "live:x", points: 1, expire: new Date(Date.now() + 60_000) },
    ]);
    expect(await purgeExpiredRateLimits(h.db)).toBeGreaterThanOrEqual(1);
    const keys = (await h.db.select().from(rateLimits)).map((r) => r.key);
    expect(keys).toContain("live:x");
    expect(keys).not.toContain("old:x");
  });

  it("the backstops purge at most once a minute, not on every 2-second tick", async () => {
    const stale = () => ({ key: `old:${Math.random()}`, points: 1, expire: new Date(Date.now() - 2 * 60 * 60 * 1000) });
    const deps = { channels: { email: createDevEmailChannel(), sms: createDevSmsChannel() } };
    const t0 = new Date("2026-12-10T15:00:00Z");
    await h.db.insert(rateLimits).values(stale());
    expect((await runBackstops(h.db, { deps, now: t0 })).purgedLimits).toBeGreaterThanOrEqual(1);
    await h.db.insert(rateLimits).values(stale());
    expect((await runBackstops(h.db, { deps, now: new Date(t0.getTime() + 2_000) })).purgedLimits).toBe(0);
    expect((await runBackstops(h.db, { deps, now: new Date(t0.getTime() + PURGE_EVERY_MS) })).purgedLimits).toBe(1);
  });
});

describe("tooManyRequests", () => {
  it("answers 429 with Retry-After and the error shape", async () => {
    const res = tooManyRequests(90.2);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("91");
    const body = await res.json();
    expect(body).toEqual({ error: { code: "rate_limited", message: "Too many requests. Try again in 2 minutes." } });
  });
});

describe("clientIp", () => {
  it.each([
    [{ "x-forwarded-for": "203.0.113.5, 10.0.0.1" }, "203.0.113.5"],
    [{ "x-forwarded-for": " 203.0.113.5:4711 " }, "203.0.113.5"],
    [{ "x-forwarded-for": "garbage", "x-real-ip": "198.51.100.2" }, "198.51.100.2"],
    [{ "x-real-ip": "::ffff:192.0.2.1" }, "192.0.2.1"],
    [{ "x-forwarded-for": "2001:db8:1:2:a:b:c:d" }, "2001:db8:1:2::/64"],
    [{ "x-forwarded-for": "[2001:0db8::5]:443" }, "2001:db8:0:0::/64"],
    [{}, "unknown"],
    [{ "x-forwarded-for": "' OR 1=1 --" }, "unknown"],
  ])("%j → %s", (headers, expected) => {
    expect(clientIp(headers)).toBe(expected);
    expect(clientIp(new Headers(headers))).toBe(expected);
  });
});
