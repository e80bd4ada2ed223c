import { boolean, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./columns";
import { contractors } from "./contractors";
import { events } from "./events";
import { users } from "./auth";

export const profileCompletionStatus = pgEnum("profile_completion_status", ["pending", "completed"]);
export const checkInMethod = pgEnum("check_in_method", ["qr_code", "manual", "self"]);
export const planStatus = pgEnum("plan_status", ["none", "pending", "ready", "failed"]);

export const eventAttendees = pgTable(
  "event_attendees",
  {
    id: id(),
    eventId: uuid().notNull().references(() => events.id, { onDelete: "cascade" }),
    contractorId: uuid().notNull().references(() => contractors.id, { onDelete: "cascade" }),
    registrationDate: ts().notNull(),
    profileCompletionStatus: profileCompletionStatus().notNull().default("pending"),
    profileAutoApproved: boolean().notNull().default(false),
    /** What the QR code encodes: opaque, unguessable, scoped to this registration. */
    qrCodeData: text().notNull(),
    /** Bearer token for the attendee's links (≥128 bits, base64url). */
    accessToken: text().notNull(),
    checkInTime: ts(),
    checkInMethod: checkInMethod(),
    checkedInBy: uuid().references(() => users.id, { onDelete: "set null" }),
    checkInNonce: text(),
    /** The personal plan built at check-in (SPEC §5): its state survives a crash; the driver retries pending ones. */
    planStatus: planStatus().notNull().default("none"),
    planBuiltAt: ts(),
    planAttempts: integer().notNull().default(0),
    planError: text(),
    cancelledAt: ts(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("event_attendees_event_contractor_key").on(t.eventId, t.contractorId),
    uniqueIndex("event_attendees_qr_key").on(t.qrCodeData),
    uniqueIndex("event_attendees_token_key").on(t.accessToken),
    index("event_attendees_event_checkin_idx").on(t.eventId, t.checkInTime),
    index("event_attendees_plan_idx").on(t.planStatus),
    // The console's attendee table: newest registrations first within an event.
    index("event_attendees_event_registered_idx").on(t.eventId, t.registrationDate),
  ],
);

export type Attendee = typeof eventAttendees.$inferSelect;
export type NewAttendee = typeof eventAttendees.$inferInsert;
