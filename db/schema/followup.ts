import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { events } from "./events";
import { eventAttendees } from "./attendees";
import { ratingSource } from "./matching";

/**
 * The post-event feedback (SPEC §3 feedback_request): one answer per registration, a
 * 1–5 and a comment, from the web form behind the attendee's token or by SMS. The
 * unique key is what makes the form work once.
 */
export const eventFeedback = pgTable(
  "event_feedback",
  {
    id: id(),
    eventId: uuid().notNull().references(() => events.id, { onDelete: "cascade" }),
    attendeeId: uuid().notNull().references(() => eventAttendees.id, { onDelete: "cascade" }),
    score: integer().notNull(),
    comment: text(),
    source: ratingSource().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("event_feedback_attendee_key").on(t.attendeeId), index("event_feedback_event_idx").on(t.eventId)],
);

export type EventFeedback = typeof eventFeedback.$inferSelect;
