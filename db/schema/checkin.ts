import { boolean, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts } from "./columns";
import { eventAgendaItems, events } from "./events";
import { eventAttendees } from "./attendees";
import { users } from "./auth";

/**
 * Every scan at a tablet (door or session room), online or synced later: the device
 * and staff member who made it, when it was scanned and what the server answered.
 * Undo is checked against it (same device, same user, within 2 minutes) and the
 * dashboard counts conflicts (one person scanned on two offline devices) from it.
 */
export const checkInScans = pgTable(
  "check_in_scans",
  {
    id: id(),
    eventId: uuid().notNull().references(() => events.id, { onDelete: "cascade" }),
    attendeeId: uuid().references(() => eventAttendees.id, { onDelete: "cascade" }),
    /** Session mode: the agenda item the room scan was for. */
    agendaItemId: uuid().references(() => eventAgendaItems.id, { onDelete: "cascade" }),
    deviceId: text().notNull(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    nonce: text().notNull(),
    /** When the device scanned (the check-in time for offline scans, bounded by the server). */
    scannedAt: ts().notNull(),
    /** checked_in | already_checked_in | conflict | attended | undone | an error code. */
    outcome: text().notNull(),
    offline: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("check_in_scans_nonce_key").on(t.eventId, t.nonce),
    index("check_in_scans_event_idx").on(t.eventId, t.outcome),
    index("check_in_scans_attendee_idx").on(t.attendeeId),
  ],
);

export type CheckInScan = typeof checkInScans.$inferSelect;
