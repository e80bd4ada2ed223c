import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { updatedAt } from "./columns";

/** Small key/value state: the local driver's heartbeat, the dev clock offset. */
export const systemState = pgTable("system_state", {
  key: text().primaryKey(),
  value: jsonb().$type<Record<string, unknown>>().notNull(),
  updatedAt: updatedAt(),
});

/**
 * SPEC §4.2: one row per SMS sending number. `nextFreeAt` is the earliest time the next
 * segment may go (a GCRA / leaky bucket with no burst), shared by every driver process.
 */
export const smsPacing = pgTable("sms_pacing", {
  sender: text().primaryKey(),
  nextFreeAt: ts().notNull(),
});
