import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Counters of rate-limiter-flexible's Drizzle store (lib/ratelimit). The shape is the
 * library's: `key` unique (the upsert targets it), `points` consumed in the window,
 * `expire` when the window ends (null: never). Keys are `<limiter>:<hmac>`, never raw
 * emails, phones or IPs.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull().default(0),
  expire: timestamp({ withTimezone: true, mode: "date" }),
});

export type RateLimitRow = typeof rateLimits.$inferSelect;
