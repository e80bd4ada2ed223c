import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, id, ts, updatedAt } from "./columns";
import { contractors } from "./contractors";
import { events } from "./events";
import { eventAttendees } from "./attendees";

export const messageTypes = [
  "registration_confirmation",
  "check_in_reminder_night_before",
  "check_in_reminder_1_hour",
  "check_in_reminder_event_start",
  "profile_completion_reminder",
  "check_in_confirmation",
  "agenda_ready",
  "speaker_alert",
  "sponsor_recommendation",
  "peer_introduction",
  "peer_match_attendance",
  "speaker_pcr_request",
  "sponsor_batch_check",
  "event_pcr_request",
  "post_event_thank_you",
  "connection_summary",
  "feedback_request",
  "re_engagement",
  "event_invitation",
  /** A reply to an inbound SMS (lib/inbound): the concierge's answer, a confirmation, staff's reply. */
  "sms_reply",
] as const;

export const messageType = pgEnum("message_type", messageTypes);
export const messageChannel = pgEnum("message_channel", ["email", "sms"]);
export const messageStatus = pgEnum("message_status", ["scheduled", "sending", "sent", "skipped", "failed", "cancelled"]);

/** The outbox (SPEC §4): every message is a row here before it is sent. */
export const eventMessages = pgTable(
  "event_messages",
  {
    id: id(),
    eventId: uuid().references(() => events.id, { onDelete: "cascade" }),
    attendeeId: uuid().references(() => eventAttendees.id, { onDelete: "cascade" }),
    contractorId: uuid().notNull().references(() => contractors.id, { onDelete: "cascade" }),
    type: messageType().notNull(),
    channel: messageChannel().notNull(),
    /** Distinguishes several messages of one type (profile reminder per day, alert per session). */
    dedupeKey: text().notNull(),
    scheduledFor: ts().notNull(),
    /** Set after a transient failure: the retry's due time (scheduledFor stays for lateness). */
    nextAttemptAt: ts(),
    /** +1 whenever the row is re-planned or cancelled: part of the Inngest event id (decision 0111). */
    scheduleVersion: integer().notNull().default(0),
    /** Time this row waited for the sender's SMS pace (SPEC §4.2), reported apart from fault lateness. */
    pacingWaitMs: integer().notNull().default(0),
    status: messageStatus().notNull().default("scheduled"),
    statusReason: text(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    claimedAt: ts(),
    provider: text(),
    providerMessageId: text(),
    /** Set when a provider call timed out after it may have been accepted (SPEC §4). */
    uncertainSince: ts(),
    /**
     * The Idempotency-Key of the Resend batch this email went out in (decision 0210): set
     * before the provider call; while set, the row is only ever sent again as exactly that
     * batch (same members, same order, same key). Cleared when the batch was refused with
     * a status (nothing was sent, the rows may regroup).
     */
    batchKey: text(),
    personalization: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    renderedSubject: text(),
    renderedBody: text(),
    renderedHtml: text(),
    toAddress: text(),
    actualSendTime: ts(),
    deliveryStatus: text(),
    deliveryUpdatedAt: ts(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One row per (attendee, type, channel, key): re-planning updates instead of duplicating.
    uniqueIndex("event_messages_identity_key").on(t.attendeeId, t.type, t.channel, t.dedupeKey),
    // The drivers' hot query: due rows still scheduled.
    index("event_messages_due_idx")
      .on(sql`coalesce(${t.nextAttemptAt}, ${t.scheduledFor})`)
      .where(sql`${t.status} = 'scheduled'`),
    // The local driver's claims per channel (its email lane, its SMS lanes): walked in due order, each
    // lane reads only its own channel's rows (docs/decisions/0214).
    index("event_messages_due_channel_idx")
      .on(t.channel, sql`coalesce(${t.nextAttemptAt}, ${t.scheduledFor})`)
      .where(sql`${t.status} = 'scheduled'`),
    // The backstops' sweeps of rows in flight (stale claims, uncertain SMS), every pass: the few rows
    // in flight, not a scan of the whole outbox (decision 0214).
    index("event_messages_in_flight_idx")
      .on(t.claimedAt)
      .where(sql`${t.status} = 'sending'`),
    index("event_messages_event_status_idx").on(t.eventId, t.status, t.type),
    // The dashboard's time-bound queue figures (overdue, the next hour, SMS due) read only the waiting rows.
    index("event_messages_event_waiting_idx")
      .on(t.eventId, t.scheduledFor)
      .where(sql`${t.status} in ('scheduled', 'sending')`),
    index("event_messages_contractor_idx").on(t.contractorId, t.createdAt),
    index("event_messages_provider_id_idx").on(t.providerMessageId),
    // A replay loads a batch's members by its key.
    index("event_messages_batch_key_idx").on(t.batchKey).where(sql`${t.batchKey} is not null`),
  ],
);

export type Message = typeof eventMessages.$inferSelect;
export type NewMessage = typeof eventMessages.$inferInsert;
export type MessageType = (typeof messageTypes)[number];
export type MessageChannel = (typeof messageChannel.enumValues)[number];
export type MessageStatus = (typeof messageStatus.enumValues)[number];

/**
 * The outbox's tallies for the dashboard (issue 9, decision 0196): rows added by
 * statement-level triggers on event_messages (db/migrations/0011), one per (event, type,
 * channel, status) a statement changed, holding the change (+n, −n). A figure is the sum
 * of an event's rows, exact in any one snapshot; `compactMessageTallies` (the backstops,
 * every minute) folds them into one row per key. Append-only, so writers never wait on
 * each other for a counter row. No foreign key: a deleted event's rows sum to zero and
 * are dropped by the next compaction.
 */
export const eventMessageTallies = pgTable(
  "event_message_tallies",
  {
    eventId: uuid().notNull(),
    type: messageType().notNull(),
    channel: messageChannel().notNull(),
    status: messageStatus().notNull(),
    n: integer().notNull(),
    /** Of those, rows whose provider reported delivery (delivery_status 'delivered'). */
    delivered: integer().notNull(),
  },
  (t) => [index("event_message_tallies_event_idx").on(t.eventId)],
);

/**
 * Lateness of sent messages (actual − scheduled) as a histogram kept the same way:
 * whole seconds below an hour, whole minutes above (bucket = the lower bound, seconds).
 */
export const eventMessageLateness = pgTable(
  "event_message_lateness",
  {
    eventId: uuid().notNull(),
    bucket: integer().notNull(),
    n: integer().notNull(),
  },
  (t) => [index("event_message_lateness_event_idx").on(t.eventId)],
);
