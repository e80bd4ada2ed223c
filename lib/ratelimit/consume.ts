import { RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { hashKey } from "./keys";
import { limits, type LimitName, type LimitSpec } from "./limits";
import { limiterFor, toRetryAfterSeconds } from "./store";

export type ConsumeResult =
  | { ok: true }
  /** "limited": over the limit. "unavailable": the counter could not be read and the limit fails closed. */
  | { ok: false; reason: "limited" | "unavailable"; retryAfterSeconds: number };

/** How long a fail-closed limiter tells the client to wait while its table is unavailable. */
export const UNAVAILABLE_RETRY_SECONDS = 30;

/**
 * Counts one request for `key` (a raw IP, email, phone or API key id: it is hashed
 * here) against the named limit.
 */
export function consume(db: Db, name: LimitName, key: string): Promise<ConsumeResult> {
  return consumeWith(db, name, limits[name], key);
}

/** `consume` with explicit numbers (tests use short windows). */
export async function consumeWith(db: Db, name: string, spec: LimitSpec, key: string): Promise<ConsumeResult> {
  try {
    await limiterFor(db, name, spec).consume(hashKey(key));
    return { ok: true };
  } catch (err) {
    if (err instanceof RateLimiterRes) {
      return { ok: false, reason: "limited", retryAfterSeconds: toRetryAfterSeconds(err.msBeforeNext) };
    }
    return storeFailure(name, spec.onStoreError, err);
  }
}

/** Consumes several limits (e.g. registration: IP, email, phone); the first refusal wins. */
export async function consumeAll(db: Db, checks: ReadonlyArray<readonly [LimitName, string | null | undefined]>) {
  for (const [name, key] of checks) {
    if (!key) continue;
    const result = await consume(db, name, key);
    if (!result.ok) return result;
  }
  return { ok: true } as const;
}

export function storeFailure(name: string, mode: LimitSpec["onStoreError"], err: unknown): ConsumeResult {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`[ratelimit] ${name}: the rate_limits table is unavailable (failing ${mode}): ${message}`);
  if (mode === "open") return { ok: true };
  return { ok: false, reason: "unavailable", retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS };
}
