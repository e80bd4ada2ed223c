import { index, integer, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts } from "./columns";
import { users } from "./auth";
import { recommendationKind } from "./matching";

export const matcherWeightStatus = pgEnum("matcher_weight_status", ["active", "superseded", "reverted", "insufficient"]);

/**
 * The matcher's learned weights per organizer and kind (SPEC §9, decision 0185), with
 * the data they came from. At most one `active` row per (organizer, kind); none means
 * today's constants (lib/matching/weights.ts). A fit below the minimum number of
 * outcomes is kept as `insufficient` so the console can say why nothing moved.
 */
export const matcherWeights = pgTable(
  "matcher_weights",
  {
    id: id(),
    /** lower(trim(events.organizer_email)); "" groups the events without one. */
    organizer: text().notNull(),
    kind: recommendationKind().notNull(),
    status: matcherWeightStatus().notNull(),
    weights: jsonb().$type<Record<string, number>>().notNull(),
    defaults: jsonb().$type<Record<string, number>>().notNull(),
    /** Recommendations with a settled outcome that the fit read, and how many were acted on. */
    nOutcomes: integer().notNull(),
    nActed: integer().notNull(),
    eventIds: jsonb().$type<string[]>().notNull().default([]),
    /** Scale, intercept, log-likelihoods, iterations: what the console shows to explain the fit. */
    stats: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    fittedAt: ts().notNull(),
    fittedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    endedAt: ts(),
    endedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("matcher_weights_organizer_idx").on(t.organizer, t.kind, t.fittedAt)],
);

export type MatcherWeightsRow = typeof matcherWeights.$inferSelect;
