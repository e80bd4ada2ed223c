import { index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts } from "./columns";
import { events } from "./events";

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
    /** Bumped by "sign out everywhere" and by revocation: a session minted with an older version is dead. */
    sessionVersion: integer().notNull().default(0),
    /** Set when an organizer revokes the account: it can no longer sign in or act. */
    revokedAt: ts(),
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

/** A staff member's access to one event's check-in (SPEC §8: staff reach only the events they are assigned to). */
export const staffAssignments = pgTable(
  "staff_assignments",
  {
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    eventId: uuid().notNull().references(() => events.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("staff_assignments_user_event_key").on(t.userId, t.eventId), index("staff_assignments_event_idx").on(t.eventId)],
);

/** A one-time invite link sent by email; only the sha256 of the token is stored. */
export const staffInvites = pgTable(
  "staff_invites",
  {
    id: id(),
    email: text().notNull(),
    name: text().notNull(),
    tokenHash: text().notNull(),
    /** Events the account is assigned to when the invite is accepted. */
    eventIds: uuid().array().notNull().default([]),
    invitedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: ts().notNull(),
    acceptedAt: ts(),
    revokedAt: ts(),
    /** The email as sent (the dev outbox shows it, SPEC §4); null when a real provider sent it. */
    renderedSubject: text(),
    renderedBody: text(),
    sentAt: ts(),
    sendError: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("staff_invites_token_key").on(t.tokenHash), index("staff_invites_email_idx").on(t.email)],
);

export type StaffInvite = typeof staffInvites.$inferSelect;
export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
export type ApiKey = typeof apiKeys.$inferSelect;
export type ApiKeyScope = (typeof apiKeyScope.enumValues)[number];
