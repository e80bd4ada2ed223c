import { RateLimiterDrizzle } from "rate-limiter-flexible";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";

/**
 * One RateLimiterDrizzle per (database, limiter name, numbers), on our own `rate_limits`
 * table: no Redis. The library reads the time itself (`new Date()` / `Date.now()`),
 * not lib/clock.ts: limits run on wall-clock time, so moving the dev clock neither
 * lifts nor extends them. Tests use short real windows instead of a moved clock.
 */
export type StoreSpec = { points: number; durationSeconds: number };

const cache = new WeakMap<Db, Map<string, RateLimiterDrizzle>>();

export function limiterFor(db: Db, name: string, spec: StoreSpec): RateLimiterDrizzle {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const id = `${name}|${spec.points}|${spec.durationSeconds}`;
  let limiter = perDb.get(id);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: name,
      points: spec.points,
      duration: spec.durationSeconds,
      // Its own timer would outlive serverless invocations and closed test databases;
      // purgeExpiredRateLimits is called from the backstop instead.
      clearExpiredByTimeout: false,
    });
    perDb.set(id, limiter);
  }
  return limiter;
}

/**
 * Deletes counters whose window ended more than an hour ago (what the library's timer
 * would do). Compared with the database's clock, because the library writes `expire`
 * from wall-clock time too (a moved dev clock must not purge live counters).
 */
export async function purgeExpiredRateLimits(db: Db): Promise<number> {
  const rows = await db
    .delete(rateLimits)
    .where(sql`${rateLimits.expire} < now() - interval '1 hour'`)
    .returning({ key: rateLimits.key });
  return rows.length;
}

/** Seconds a client should wait, from the library's milliseconds (at least 1). */
export function toRetryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
