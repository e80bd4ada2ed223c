import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { authOptions } from "@/lib/auth/options";
import { authorizeCredentials, createUser } from "@/lib/auth/users";
import { setDbHandle } from "@/lib/db";
import { authorizeWithLockout, lockSecondsAfter, loginLockout } from "@/lib/ratelimit";
import { signInErrorMessage } from "@/components/auth/signin-messages";
import { createTestDb } from "./db";

let h: DbHandle;
let n = 0;
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  setDbHandle(undefined);
  await h.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const uniqueIp = () => `198.51.100.${++n}`;

async function makeUser() {
  const email = `organizer${++n}@example.com`;
  const res = await createUser(h.db, { email, name: "Org", role: "admin", password: PASSWORD });
  if (!res.ok) throw new Error(res.error.message);
  return email;
}

const login = (email: string, password: string, ip: string, db: Db = h.db) =>
  authorizeCredentials(db, { email, password, ip });

describe("login lockout", () => {
  it("locks an account for a minute after 5 consecutive failures, even for the right password", async () => {
    const email = await makeUser();
    for (let i = 0; i < 5; i++) expect(await login(email, "wrong", uniqueIp())).toEqual({ ok: false, reason: "invalid" });
    const locked = await login(email, PASSWORD, uniqueIp());
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    if (locked.ok || locked.reason !== "locked") throw new Error("unreachable");
    expect(locked.retryAfterSeconds).toBeGreaterThan(55);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("a success resets the account's count", async () => {
    const email = await makeUser();
    const ip = uniqueIp();
    for (let i = 0; i < 4; i++) await login(email, "wrong", ip);
    expect(await login(email, PASSWORD, ip)).toMatchObject({ ok: true, user: { email } });
    for (let i = 0; i < 4; i++) expect(await login(email, "wrong", ip)).toMatchObject({ reason: "invalid" });
    expect(await login(email, PASSWORD, ip)).toMatchObject({ ok: true });
  });

  it("an unknown email locks out exactly like a known one (no hint that an account exists)", async () => {
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push((await login("nobody@example.com", "wrong", uniqueIp())).ok === false);
    const last = await login("nobody@example.com", "wrong", uniqueIp());
    expect(outcomes.every(Boolean)).toBe(true);
    expect(last).toMatchObject({ ok: false, reason: "locked" });
  });

  it("doubles the lock after each further failure (real short windows)", async () => {
    const policies = {
      loginAccount: { freeFailures: 2, baseLockSeconds: 2, maxLockSeconds: 8, failureWindowSeconds: 60 },
      loginIp: loginLockout.loginIp,
    };
    const attempt = (ok: boolean) =>
      authorizeWithLockout(h.db, { email: "backoff@example.com", ip: uniqueIp() }, async () => (ok ? "user" : null), policies);
    expect(await attempt(false)).toMatchObject({ reason: "invalid" });
    expect(await attempt(false)).toMatchObject({ reason: "invalid" }); // 2nd failure: locked 2 s
    expect(await attempt(true)).toMatchObject({ reason: "locked", retryAfterSeconds: 2 });
    await sleep(2100);
    expect(await attempt(false)).toMatchObject({ reason: "invalid" }); // one try after the lock; it fails → 4 s
    expect(await attempt(true)).toMatchObject({ reason: "locked", retryAfterSeconds: 4 });
    await sleep(4100);
    expect(await attempt(true)).toEqual({ ok: true, user: "user" });
    expect(await attempt(false)).toMatchObject({ reason: "invalid" }); // the success reset the count
    expect(await attempt(false)).toMatchObject({ reason: "invalid" });
    expect(await attempt(true)).toMatchObject({ reason: "locked", retryAfterSeconds: 2 }); // and the back-off
  });

  it.each([
    [4, 0],
    [5, 60],
    [6, 120],
    [7, 240],
    [9, 960],
    [10, 1800],
    [500, 1800],
  ])("after %i consecutive failures the account is locked for %i s", (failures, seconds) => {
    expect(lockSecondsAfter(loginLockout.loginAccount, failures)).toBe(seconds);
  });

  it("a parallel burst of guesses gets the free tries plus one, not one per request", async () => {
    let checked = 0;
    const guess = () =>
      authorizeWithLockout(h.db, { email: "burst@example.com", ip: uniqueIp() }, async () => {
        checked++;
        return null;
      });
    const outcomes = await Promise.all(Array.from({ length: 25 }, guess));
    expect(checked).toBeLessThanOrEqual(loginLockout.loginAccount.freeFailures + 1);
    expect(outcomes.filter((o) => !o.ok && o.reason === "locked").length).toBeGreaterThanOrEqual(25 - checked);
  });

  it("locks an IP that fails across many accounts, without touching other IPs", async () => {
    const policies = {
      loginAccount: loginLockout.loginAccount,
      loginIp: { freeFailures: 3, baseLockSeconds: 60, maxLockSeconds: 600, failureWindowSeconds: 600 },
    };
    const ip = uniqueIp();
    const tryAs = (email: string, from: string) =>
      authorizeWithLockout(h.db, { email, ip: from }, async () => null, policies);
    for (let i = 0; i < 3; i++) expect(await tryAs(`spray${i}@example.com`, ip)).toMatchObject({ reason: "invalid" });
    expect(await tryAs("spray9@example.com", ip)).toMatchObject({ reason: "locked" });
    expect(await tryAs("spray9@example.com", uniqueIp())).toMatchObject({ reason: "invalid" });
  });

  it("fails closed: with the rate_limits table gone, even the right password is refused", async () => {
    const email = await makeUser();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    let outcome: unknown;
    await h.db
      .transaction(async (tx) => {
        await tx.execute(sql`drop table rate_limits`);
        outcome = await login(email, PASSWORD, uniqueIp(), tx as unknown as Db);
        throw new Error("rollback");
      })
      .catch((e: Error) => expect(e.message).toBe("rollback"));
    log.mockRestore();
    expect(outcome).toMatchObject({ ok: false, reason: "unavailable" });
    expect(await login(email, PASSWORD, uniqueIp())).toMatchObject({ ok: true }); // table back after rollback
  });
});

describe("next-auth credentials authorize", () => {
  type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
  const provider = authOptions.providers[0] as unknown as { options: { authorize: Authorize } };

  it("returns the user, null for a wrong password, and a RateLimited error once locked", async () => {
    setDbHandle(h);
    const email = await makeUser();
    const req = (ip: string) => ({ headers: { "x-forwarded-for": `${ip}, 10.0.0.1` } });
    expect(await provider.options.authorize({ email, password: PASSWORD }, req(uniqueIp()))).toMatchObject({ email });
    for (let i = 0; i < 5; i++) expect(await provider.options.authorize({ email, password: "x" }, req(uniqueIp()))).toBeNull();
    await expect(provider.options.authorize({ email, password: PASSWORD }, req(uniqueIp()))).rejects.toThrow(/^RateLimited:(5[5-9]|60)$/);
  });

  it("the sign-in page turns the code into a sentence with the wait", () => {
    expect(signInErrorMessage("RateLimited:60")).toMatch(/Too many sign-in attempts.*try again in 1 minute\./);
    expect(signInErrorMessage("RateLimited:125")).toMatch(/try again in 3 minutes/);
    expect(signInErrorMessage("RateLimitUnavailable")).toMatch(/temporarily unavailable/);
    expect(signInErrorMessage("RateLimited:abc")).toBe("Sign-in failed. Please try again.");
  });
});
