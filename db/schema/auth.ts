import { index, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ts } from "./columns";

export const userRole = pgEnum("user_role", ["admin", "staff"]);

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text().notNull(),
    name: text().notNull(),
    role: userRole().notNull(),
    /** bcrypt; null for magic-link-only identities. */
    passwordHash: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    name: text().notNull(),
    /** sha256 of the key; the key itself is shown once at creation. */
    keyHash: text().notNull(),
    prefix: text().notNull(),
    lastUsedAt: ts(),
    revokedAt: ts(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_keys_hash_key").on(t.keyHash), index("api_keys_prefix_idx").on(t.prefix)],
);

export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
export type ApiKey = typeof apiKeys.$inferSelect;
