import { index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts } from "./columns";

export const userRole = pgEnum("user_role", ["admin", "staff"]);
/** read: GET only; write: GET, POST, PATCH, DELETE. */
export const apiKeyScope = pgEnum("api_key_scope", ["read", "write"]);

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
    /** The key's first characters ("tpx_AbCd1234"), shown in the console to tell keys apart. */
    prefix: text().notNull(),
    scope: apiKeyScope().notNull().default("read"),
    /** The organizer who created it (kept as null if their account is deleted). */
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Updated at most once a minute per key (lib/access/api-keys.ts), not on every request. */
    lastUsedAt: ts(),
    revokedAt: ts(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_keys_hash_key").on(t.keyHash), index("api_keys_prefix_idx").on(t.prefix)],
);

export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
export type ApiKey = typeof apiKeys.$inferSelect;
export type ApiKeyScope = (typeof apiKeyScope.enumValues)[number];
