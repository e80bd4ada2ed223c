import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts } from "./columns";
import { contractors } from "./contractors";
import { events } from "./events";
import { eventAttendees } from "./attendees";
import { eventMessages } from "./messages";
import { users } from "./auth";

/**
 * Every inbound SMS, once per provider id (Twilio retries a webhook it thinks failed):
 * the unique `provider_sid` is what makes processing idempotent. What it meant and how
 * it was answered are kept beside it, so the console's conversation view and the
 * handoff inbox read one table.
 */
export const inboundMessages = pgTable(
  "inbound_messages",
  {
    id: id(),
    /** Twilio MessageSid, or "sim-…" for the console's simulator. */
    providerSid: text().notNull(),
    fromPhone: text().notNull(),
    body: text().notNull(),
    contractorId: uuid().references(() => contractors.id, { onDelete: "set null" }),
    eventId: uuid().references(() => events.id, { onDelete: "set null" }),
    attendeeId: uuid().references(() => eventAttendees.id, { onDelete: "set null" }),
    /** The parsed intents, e.g. [{ kind: "rating", score: 4 }]. */
    intents: jsonb().$type<Array<Record<string, unknown>>>().notNull().default([]),
    /** What the pipeline did: opt_out, intro_accepted, rating, concierge, handoff, … */
    handledAs: text(),
    /** The outbox row (intro, rating request, batch check, alert) this text answered: a prompt is answered once. */
    promptMessageId: uuid().references(() => eventMessages.id, { onDelete: "set null" }),
    replyMessageId: uuid().references(() => eventMessages.id, { onDelete: "set null" }),
    /** A question the concierge could not answer: shown in the staff inbox until resolved. */
    needsStaff: boolean().notNull().default(false),
    resolvedAt: ts(),
    resolvedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    processingMs: integer(),
    receivedAt: ts().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("inbound_messages_provider_sid_key").on(t.providerSid),
    index("inbound_messages_attendee_idx").on(t.attendeeId, t.receivedAt),
    index("inbound_messages_event_staff_idx").on(t.eventId, t.needsStaff),
    index("inbound_messages_prompt_idx").on(t.promptMessageId),
  ],
);

export type InboundMessage = typeof inboundMessages.$inferSelect;
