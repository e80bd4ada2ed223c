import { RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { storeFailure } from "./consume";
import { emailKey, hashKey } from "./keys";
import { lockSecondsAfter, loginLockout, type LockoutName, type LockoutPolicy } from "./limits";
import { limiterFor, toRetryAfterSeconds } from "./store";

/**
 * Login lockout with back-off, per account and per IP (SPEC §8). Two counters per key:
 *   - `<name>Fails`: attempts not yet followed by a success, counted when the attempt
 *     starts (so a burst of parallel guesses is counted before any of them is checked);
 *   - `<name>Gate`: once the count reaches the threshold, the lock. While it holds, every
 *     attempt is refused without checking the password; when it ends, one attempt gets
 *     through (the gate admits one per window, atomically) and, if it fails too, the lock
 *     comes back twice as long.
 * Refused attempts are not counted. A success clears the account's counters.
 * Any store error refuses the login ("unavailable"): login fails closed.
 */
export type LoginAttempt = { email: string; ip: string };

export type LoginOutcome<U> =
  | { ok: true; user: U }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked" | "unavailable"; retryAfterSeconds: number };

type Policies = Record<LockoutName, LockoutPolicy>;

const HUGE = 1_000_000_000;

function counters(db: Db, name: LockoutName, policy: LockoutPolicy) {
  return {
    fails: limiterFor(db, `${name}Fails`, { points: HUGE, durationSeconds: policy.failureWindowSeconds }),
    gate: limiterFor(db, `${name}Gate`, { points: 1, durationSeconds: policy.maxLockSeconds }),
  };
}

type Started = { name: LockoutName; key: string; n: number };

/** Counts the attempt for one key; refuses it (and uncounts it) while the key is locked. */
async function begin(db: Db, name: LockoutName, policy: LockoutPolicy, key: string): Promise<Started> {
  const { fails, gate } = counters(db, name, policy);
  const n = (await fails.consume(key)).consumedPoints;
  if (n <= policy.freeFailures) return { name, key, n };
  try {
    await gate.consume(key, 1, { customDuration: lockSecondsAfter(policy, n - 1) });
    return { name, key, n };
  } catch (err) {
    if (err instanceof RateLimiterRes) await fails.reward(key);
    throw err;
  }
}

async function undo(db: Db, policies: Policies, started: Started) {
  await counters(db, started.name, policies[started.name]).fails.reward(started.key);
}

/**
 * Runs `verify` (the password check) unless the account or the IP is locked out, and
 * records the outcome. `verify` returns the user, or null for wrong credentials.
 */
export async function authorizeWithLockout<U>(
  db: Db,
  attempt: LoginAttempt,
  verify: () => Promise<U | null>,
  policies: Policies = loginLockout,
): Promise<LoginOutcome<U>> {
  const keys: Record<LockoutName, string> = {
    loginIp: hashKey(attempt.ip),
    loginAccount: hashKey(emailKey(attempt.email)),
  };
  const started: Started[] = [];
  try {
    for (const name of ["loginIp", "loginAccount"] as const) {
      started.push(await begin(db, name, policies[name], keys[name]));
    }
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) return unavailable(err);
    try {
      for (const s of started) await undo(db, policies, s);
    } catch (undoErr) {
      return unavailable(undoErr);
    }
    return { ok: false, reason: "locked", retryAfterSeconds: toRetryAfterSeconds(err.msBeforeNext) };
  }

  const user = await verify();
  try {
    if (user) {
      await recordSuccess(db, policies, started);
      return { ok: true, user };
    }
    await recordFailure(db, policies, started);
  } catch (err) {
    return unavailable(err);
  }
  return { ok: false, reason: "invalid" };
}

async function recordSuccess(db: Db, policies: Policies, started: Started[]) {
  for (const s of started) {
    const { fails, gate } = counters(db, s.name, policies[s.name]);
    if (s.name === "loginAccount") {
      await fails.delete(s.key);
      await gate.delete(s.key);
    } else {
      // A success only uncounts itself on the IP: an attacker's own account must not wash the IP's record.
      await fails.reward(s.key);
    }
  }
}

async function recordFailure(db: Db, policies: Policies, started: Started[]) {
  for (const s of started) {
    const seconds = lockSecondsAfter(policies[s.name], s.n);
    if (seconds > 0) await counters(db, s.name, policies[s.name]).gate.block(s.key, seconds);
  }
}

function unavailable(err: unknown): LoginOutcome<never> {
  const result = storeFailure("login", "closed", err);
  return { ok: false, reason: "unavailable", retryAfterSeconds: result.ok ? 0 : result.retryAfterSeconds };
}
