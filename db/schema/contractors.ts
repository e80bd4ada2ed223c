import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./columns";

/** A contractor is an attendee's person record, shared across events. */
export const contractors = pgTable(
  "contractors",
  {
    id: id(),
    firstName: text(),
    lastName: text(),
    /** Lower-cased; the identity used to make registration idempotent. */
    email: text().notNull(),
    /** E.164, e.g. +15125550100. */
    phone: text(),
    companyName: text(),
    businessType: text(),
    serviceArea: text(),
    revenueTier: text(),
    teamSize: integer(),
    focusAreas: text().array().notNull().default([]),
    preferences: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    smsOptIn: boolean().notNull().default(false),
    smsOptedOutAt: ts(),
    emailUnsubscribedAt: ts(),
    /** Set by a Resend bounce or complaint webhook: no more email to this address (lib/inbound/resend.ts). */
    emailBouncedAt: ts(),
    lastInteractionAt: ts(),
    /** "en" or "es": every text, email and attendee page in this language (lib/i18n). */
    language: text().$type<"en" | "es">().notNull().default("en"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("contractors_email_key").on(t.email), index("contractors_phone_idx").on(t.phone)],
);

export type Contractor = typeof contractors.$inferSelect;
export type NewContractor = typeof contractors.$inferInsert;
