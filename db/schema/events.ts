import { index, integer, pgEnum, pgTable, real, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./columns";

export const eventStatus = pgEnum("event_status", ["draft", "published", "live", "completed", "cancelled"]);
export const agendaItemType = pgEnum("agenda_item_type", ["session", "keynote", "panel", "break", "lunch", "networking"]);

export const events = pgTable(
  "events",
  {
    id: id(),
    name: text().notNull(),
    slug: text().notNull(),
    description: text(),
    venue: text(),
    address: text(),
    /** IANA zone, e.g. America/New_York. Every local-time rule uses it. */
    timezone: text().notNull(),
    startsAt: ts().notNull(),
    endsAt: ts().notNull(),
    status: eventStatus().notNull().default("draft"),
    checkInClosesAt: ts(),
    /** Shown in HELP replies and on pages. */
    organizerName: text(),
    organizerEmail: text(),
    organizerPhone: text(),
    /** Wi-Fi network and password as attendees should read it; the concierge answers "wifi?" with it. */
    wifiInfo: text(),
    /** When batch peer matching ran (SPEC §5.4); null until then. */
    peerBatchRanAt: ts(),
    /** Most SMS one attendee gets from the plan on one event day (lib/scheduling/budget.ts); the rest is bundled or left to the page. */
    smsDailyBudget: integer().notNull().default(8),
    /** Set while the organizer has paused all messaging for the event: due rows wait (SPEC §4.1 on resume). */
    messagingPausedAt: ts(),
    /**
     * Post-event planning (decision 0212): the completion's lease, renewed in the same
     * transaction as every chunk of registrations it plans. Null until completion starts.
     */
    followupPlanningAt: ts(),
    /** When the post-event rows of every registration were planned; null while completion is under way. */
    followupPlannedAt: ts(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("events_slug_key").on(t.slug)],
);

export const eventSpeakers = pgTable(
  "event_speakers",
  {
    id: id(),
    eventId: uuid().notNull().references(() => events.id, { onDelete: "cascade" }),
    /** Stable key from the event file so re-imports update rather than duplicate. */
    key: text().notNull(),
    name: text().notNull(),
    title: text(),
    company: text(),
    bio: text(),
    focusAreas: text().array().notNull().default([]),
    pcrScore: real(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("event_speakers_event_key").on(t.eventId, t.key)],
);

export const eventAgendaItems = pgTable(
  "event_agenda_items",
  {
    id: id(),
    eventId: uuid().notNull().references(() => events.id, { onDelete: "cascade" }),
    key: text().notNull(),
    type: agendaItemType().notNull(),
    title: text().notNull(),
    description: text(),
    room: text(),
    startsAt: ts().notNull(),
    endsAt: ts().notNull(),
    speakerId: uuid().references(() => eventSpeakers.id, { onDelete: "set null" }),
    topics: text().array().notNull().default([]),
    cancelledAt: ts(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("event_agenda_items_event_key").on(t.eventId, t.key),
    index("event_agenda_items_event_start_idx").on(t.eventId, t.startsAt),
  ],
);

export const eventSponsors = pgTable(
  "event_sponsors",
  {
    id: id(),
    eventId: uuid().notNull().references(() => events.id, { onDelete: "cascade" }),
    key: text().notNull(),
    name: text().notNull(),
    boothNumber: text(),
    offerings: text().array().notNull().default([]),
    focusAreas: text().array().notNull().default([]),
    targetRevenueTiers: text().array().notNull().default([]),
    specialOffer: text(),
    talkingPoints: text().array().notNull().default([]),
    pcrScore: real(),
    removedAt: ts(),
    sortOrder: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("event_sponsors_event_key").on(t.eventId, t.key)],
);

export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
export type EventStatus = (typeof eventStatus.enumValues)[number];
export type AgendaItem = typeof eventAgendaItems.$inferSelect;
export type AgendaItemType = (typeof agendaItemType.enumValues)[number];
export type Speaker = typeof eventSpeakers.$inferSelect;
export type Sponsor = typeof eventSponsors.$inferSelect;
