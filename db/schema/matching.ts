import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, real, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./columns";
import { contractors } from "./contractors";
import { events } from "./events";
import { eventAttendees } from "./attendees";

export const recommendationKind = pgEnum("recommendation_kind", ["speaker", "sponsor", "peer"]);
export const peerMatchStatus = pgEnum("peer_match_status", ["suggested", "introduced", "accepted", "met", "declined"]);
export const ratingSubject = pgEnum("rating_subject", ["speaker", "session", "sponsor", "event"]);
export const ratingSource = pgEnum("rating_source", ["sms", "web"]);

export const recommendations = pgTable(
  "recommendations",
  {
    id: id(),
    eventId: uuid().notNull().references(() => events.id, { onDelete: "cascade" }),
    attendeeId: uuid().notNull().references(() => eventAttendees.id, { onDelete: "cascade" }),
    kind: recommendationKind().notNull(),
    /** Agenda item id (speaker kind), sponsor id, or the peer's attendee id. */
    targetId: uuid().notNull(),
    rank: integer().notNull(),
    score: real().notNull(),
    reasons: jsonb().$type<Array<{ code: string; weight: number; detail?: string }>>().notNull().default([]),
    whyText: text(),
    talkingPoint: text(),
    /** How the sentences were written: "model" or "template". */
    textSource: text(),
    engagement: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** The strongest signal so far (lib/learning/signals.ts): opened < declined < accepted < … ; null: none yet. */
    outcome: text(),
    /** 0–1 from the signals (SPEC §9); the same number is on its ai_learning_events row. */
    successScore: real(),
    /** First time the attendee acted on it (attended, visited, accepted, met, rated). */
    actedAt: ts(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("recommendations_attendee_kind_rank_key").on(t.attendeeId, t.kind, t.rank),
    index("recommendations_event_idx").on(t.eventId, t.kind),
  ],
);

export const peerMatches = pgTable(
  "peer_matches",
  {
    id: id(),
    eventId: uuid().notNull().references(() => events.id, { onDelete: "cascade" }),
    /** The pair is stored once with attendeeAId < attendeeBId. */
    attendeeAId: uuid().notNull().references(() => eventAttendees.id, { onDelete: "cascade" }),
    attendeeBId: uuid().notNull().references(() => eventAttendees.id, { onDelete: "cascade" }),
    score: real().notNull(),
    reasons: jsonb().$type<Array<{ code: string; weight: number; detail?: string }>>().notNull().default([]),
    commonGround: text(),
    status: peerMatchStatus().notNull().default("suggested"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("peer_matches_pair_key").on(t.attendeeAId, t.attendeeBId), index("peer_matches_event_idx").on(t.eventId)],
);

export const ratings = pgTable(
  "ratings",
  {
    id: id(),
    eventId: uuid().notNull().references(() => events.id, { onDelete: "cascade" }),
    attendeeId: uuid().notNull().references(() => eventAttendees.id, { onDelete: "cascade" }),
    subject: ratingSubject().notNull(),
    subjectId: uuid(),
    score: integer().notNull(),
    comment: text(),
    source: ratingSource().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("ratings_subject_idx").on(t.subject, t.subjectId)],
);

export const aiLearningEvents = pgTable(
  "ai_learning_events",
  {
    id: id(),
    eventType: text().notNull(),
    contractorId: uuid().references(() => contractors.id, { onDelete: "cascade" }),
    eventId: uuid().references(() => events.id, { onDelete: "cascade" }),
    context: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    action: text(),
    outcome: text(),
    successScore: real(),
    createdAt: createdAt(),
  },
  (t) => [
    index("ai_learning_events_contractor_idx").on(t.contractorId, t.createdAt),
    index("ai_learning_events_event_idx").on(t.eventId, t.eventType),
    // The outcomes of one attendee (connection summary, ratings, learning signals) are read by context->>'attendeeId':
    // without it each read scanned every recommendation of the event (~12 per attendee; decision 0212).
    index("ai_learning_events_attendee_idx").on(sql`(${t.context}->>'attendeeId')`),
  ],
);

export const aiConversationMemory = pgTable(
  "ai_conversation_memory",
  {
    id: id(),
    contractorId: uuid().notNull().references(() => contractors.id, { onDelete: "cascade" }),
    eventId: uuid().references(() => events.id, { onDelete: "set null" }),
    role: text().notNull(),
    channel: text().notNull(),
    content: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("ai_conversation_memory_contractor_idx").on(t.contractorId, t.createdAt)],
);

export type Recommendation = typeof recommendations.$inferSelect;
export type PeerMatch = typeof peerMatches.$inferSelect;
export type Rating = typeof ratings.$inferSelect;
export type LearningEvent = typeof aiLearningEvents.$inferSelect;
export type RecommendationKind = (typeof recommendationKind.enumValues)[number];
