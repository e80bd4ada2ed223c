import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, id } from "./columns";

/**
 * Who changed what, when (SPEC §8): a change to an attendee's contact data by anyone
 * but the attendee, and other organizer acts. `changes` holds { field: { old, new } }.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Kept beside the id so the record still reads right after the account is deleted. */
    actorEmail: text().notNull(),
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: uuid().notNull(),
    changes: jsonb().$type<Record<string, { old: unknown; new: unknown }>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_subject_idx").on(t.subjectType, t.subjectId, t.createdAt)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
