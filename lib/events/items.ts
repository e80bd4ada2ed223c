import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventAgendaItems, eventMessages, eventSpeakers, eventSponsors, type AgendaItem, type Event, type Speaker, type Sponsor } from "@/db/schema";
import { dispatchCancelledMessages, dispatchScheduledMessages } from "@/lib/jobs/dispatch";
import { now as clockNow } from "@/lib/clock";
import { appError, type Result } from "@/lib/errors";
import type { EventFile } from "./event-file";
import { valuesDiffer } from "./import";
import { withReplan, type WhatMoved } from "./what-moved";

/**
 * Agenda items, speakers and sponsors, one at a time (the console). Like the
 * event file's import, removed agenda items and sponsors are retired (cancelledAt /
 * removedAt), never deleted: messages and ratings point at them. Every change that
 * can move a message re-plans and reports what moved.
 */

type Moved = { moved: WhatMoved | null };

/** A key for rows created without one (the event file's stable key, unique per event). */
export function generatedKey(kind: string): string {
  return `${kind}-${randomBytes(6).toString("hex")}`;
}
const notFound = () => ({ ok: false as const, error: appError(404, "not_found", "No such item in this event.") });

export async function listSpeakers(db: Db, eventId: string) {
  return db.select().from(eventSpeakers).where(eq(eventSpeakers.eventId, eventId)).orderBy(asc(eventSpeakers.name));
}

export async function listSponsors(db: Db, eventId: string) {
  return db
    .select()
    .from(eventSponsors)
    .where(and(eq(eventSponsors.eventId, eventId), isNull(eventSponsors.removedAt)))
    .orderBy(asc(eventSponsors.sortOrder), asc(eventSponsors.name));
}

type AgendaInput = EventFile["agenda"][number];

/** An agenda item's columns as every writer gives them (the console resolves a speaker key, the API gives an id). */
export type AgendaValues = {
  type: AgendaItem["type"];
  title: string;
  description: string | null;
  room: string | null;
  startsAt: Date;
  endsAt: Date;
  speakerId: string | null;
  topics: string[];
};

const conflict = (message: string, field: string) => ({ ok: false as const, error: appError(409, "conflict", message, { [field]: "is already taken" }) });

async function speakerIdFor(db: Db, eventId: string, key: string | undefined): Promise<string | null> {
  if (!key) return null;
  const [row] = await db.select({ id: eventSpeakers.id }).from(eventSpeakers).where(and(eq(eventSpeakers.eventId, eventId), eq(eventSpeakers.key, key)));
  return row?.id ?? null;
}

function agendaRow(a: AgendaInput, speakerId: string | null): AgendaValues {
  return {
    type: a.type,
    title: a.title,
    description: a.description ?? null,
    room: a.room ?? null,
    startsAt: a.starts_at,
    endsAt: a.ends_at,
    speakerId,
    topics: a.topics,
  };
}

/** The columns of a stored item, to merge a partial change into. */
export function agendaValuesOf(row: AgendaItem): AgendaValues {
  return { type: row.type, title: row.title, description: row.description, room: row.room, startsAt: row.startsAt, endsAt: row.endsAt, speakerId: row.speakerId, topics: row.topics };
}

export async function findAgendaItem(db: Db, eventId: string, itemId: string): Promise<AgendaItem | undefined> {
  const [row] = await db.select().from(eventAgendaItems).where(and(eq(eventAgendaItems.id, itemId), eq(eventAgendaItems.eventId, eventId)));
  return row;
}

/**
 * The one agenda writer (the console's form and the REST API; the event file syncs whole
 * sections in import.ts): adds (itemId null) or changes an item of this event, checks that
 * it ends after it starts and that its speaker is one of this event's, and when the schedule
 * can have changed re-plans the dependent messages and reports what moved.
 */
export async function writeAgendaItem(db: Db, eventId: string, itemId: string | null, values: AgendaValues, key?: string): Promise<Result<Moved & { id: string; item: AgendaItem }>> {
  if (values.endsAt <= values.startsAt) return { ok: false, error: appError(400, "invalid_input", "Please check: ends_at.", { ends_at: "must be after starts_at" }) };
  if (values.speakerId) {
    const [speaker] = await db.select({ id: eventSpeakers.id }).from(eventSpeakers).where(and(eq(eventSpeakers.id, values.speakerId), eq(eventSpeakers.eventId, eventId)));
    if (!speaker) return { ok: false, error: appError(400, "invalid_input", "Please check: speaker_id.", { speaker_id: "is not a speaker of this event" }) };
  }
  if (itemId) {
    const row = await findAgendaItem(db, eventId, itemId);
    if (!row) return notFound();
    const schedule = { type: values.type, startsAt: values.startsAt, endsAt: values.endsAt, speakerId: values.speakerId, topics: values.topics };
    const write = async () => (await db.update(eventAgendaItems).set(values).where(eq(eventAgendaItems.id, itemId)).returning())[0];
    if (!valuesDiffer(row, schedule)) return { ok: true, id: itemId, item: await write(), moved: null };
    const { result: item, moved } = await withReplan(db, eventId, clockNow(), write);
    return { ok: true, id: itemId, item, moved };
  }
  const { result, moved } = await withReplan(db, eventId, clockNow(), () =>
    db.insert(eventAgendaItems).values({ ...values, eventId, key: key ?? generatedKey("item") }).onConflictDoNothing().returning(),
  );
  if (!result[0]) return conflict("This event already has an agenda item with this key.", "key");
  return { ok: true, id: result[0].id, item: result[0], moved };
}

/** The console's form: the speaker is named by key. */
export async function saveAgendaItem(db: Db, event: Event, itemId: string | null, input: AgendaInput): Promise<Result<Moved & { id: string; item: AgendaItem }>> {
  return writeAgendaItem(db, event.id, itemId, agendaRow(input, await speakerIdFor(db, event.id, input.speaker)), input.key);
}

/** The pending messages that exist only for one session: its alerts and its rating requests. */
const SESSION_MESSAGE_TYPES = ["speaker_alert", "speaker_pcr_request"] as const;
const SESSION_CANCELLED = "session cancelled";

function ofSession(eventId: string, itemId: string) {
  return and(
    eq(eventMessages.eventId, eventId),
    inArray(eventMessages.type, [...SESSION_MESSAGE_TYPES]),
    sql`${eventMessages.personalization}->>'agendaItemId' = ${itemId}`,
  );
}

/**
 * "Delete" an agenda item: it is cancelled (kept, struck through on the page: messages and
 * ratings point at it), and its pending alerts and rating requests are cancelled with it
 * (reason "session cancelled"; the send-time skip rule stays as the backstop).
 */
export async function cancelAgendaItem(db: Db, eventId: string, itemId: string): Promise<Result<Moved & { item: AgendaItem }>> {
  const row = await findAgendaItem(db, eventId, itemId);
  if (!row) return notFound();
  if (row.cancelledAt) return { ok: true, item: row, moved: null };
  const { result, moved } = await withReplan(db, eventId, clockNow(), () =>
    db.transaction(async (tx) => {
      const [item] = await tx.update(eventAgendaItems).set({ cancelledAt: clockNow() }).where(eq(eventAgendaItems.id, itemId)).returning();
      const cancelled = await tx
        .update(eventMessages)
        .set({ status: "cancelled", statusReason: SESSION_CANCELLED, updatedAt: clockNow() })
        .where(and(ofSession(eventId, itemId), eq(eventMessages.status, "scheduled")))
        .returning({ id: eventMessages.id });
      return { item, cancelled: cancelled.map((c) => c.id) };
    }),
  );
  await dispatchCancelledMessages(result.cancelled);
  return { ok: true, item: result.item, moved };
}

/** Restores a cancelled item: the messages its cancelling cancelled are planned again, at the item's times. */
export async function restoreAgendaItem(db: Db, eventId: string, itemId: string): Promise<Result<Moved>> {
  const row = await findAgendaItem(db, eventId, itemId);
  if (!row) return notFound();
  const { result, moved } = await withReplan(db, eventId, clockNow(), () =>
    db.transaction(async (tx) => {
      await tx.update(eventAgendaItems).set({ cancelledAt: null }).where(eq(eventAgendaItems.id, itemId));
      return tx
        .update(eventMessages)
        .set({ status: "scheduled", statusReason: null, scheduleVersion: sql`${eventMessages.scheduleVersion} + 1`, updatedAt: clockNow() })
        .where(and(ofSession(eventId, itemId), eq(eventMessages.status, "cancelled"), eq(eventMessages.statusReason, SESSION_CANCELLED)))
        .returning({ id: eventMessages.id, scheduledFor: eventMessages.scheduledFor, scheduleVersion: eventMessages.scheduleVersion, channel: eventMessages.channel });
    }),
  );
  // The re-plan re-timed them if the item moved meanwhile (and dispatched those); dispatch the rest as they stand.
  const current = result.length ? await db.select({ id: eventMessages.id, scheduledFor: eventMessages.scheduledFor, scheduleVersion: eventMessages.scheduleVersion, channel: eventMessages.channel, status: eventMessages.status }).from(eventMessages).where(inArray(eventMessages.id, result.map((r) => r.id))) : [];
  await dispatchScheduledMessages(current.filter((m) => m.status === "scheduled"));
  return { ok: true, moved };
}

type SpeakerInput = EventFile["speakers"][number];

export async function findSpeaker(db: Db, eventId: string, speakerId: string): Promise<Speaker | undefined> {
  const [row] = await db.select().from(eventSpeakers).where(and(eq(eventSpeakers.id, speakerId), eq(eventSpeakers.eventId, eventId)));
  return row;
}

/** The one speaker writer (console and REST API): adds (speakerId null) or changes a speaker of this event. */
export async function saveSpeaker(db: Db, eventId: string, speakerId: string | null, s: SpeakerInput): Promise<Result<{ id: string; speaker: Speaker }>> {
  const values = { name: s.name, title: s.title ?? null, company: s.company ?? null, bio: s.bio ?? null, focusAreas: s.focus_areas, pcrScore: s.pcr_score ?? null };
  if (speakerId) {
    const [row] = await db.update(eventSpeakers).set(values).where(and(eq(eventSpeakers.id, speakerId), eq(eventSpeakers.eventId, eventId))).returning();
    return row ? { ok: true, id: row.id, speaker: row } : notFound();
  }
  const [row] = await db.insert(eventSpeakers).values({ ...values, eventId, key: s.key }).onConflictDoNothing().returning();
  if (!row) return conflict("This event already has a speaker with this key.", "key");
  return { ok: true, id: row.id, speaker: row };
}

/**
 * Deleting a speaker unlinks their sessions (the sessions stay, without a speaker); their
 * alerts follow the re-plan. Says which sessions lost their speaker.
 */
export async function deleteSpeaker(db: Db, eventId: string, speakerId: string): Promise<Result<Moved & { speaker: Speaker; unlinkedItemIds: string[] }>> {
  const speaker = await findSpeaker(db, eventId, speakerId);
  if (!speaker) return notFound();
  const linked = await db
    .select({ id: eventAgendaItems.id })
    .from(eventAgendaItems)
    .where(and(eq(eventAgendaItems.eventId, eventId), eq(eventAgendaItems.speakerId, speakerId)))
    .orderBy(asc(eventAgendaItems.startsAt), asc(eventAgendaItems.id));
  const { moved } = await withReplan(db, eventId, clockNow(), () => db.delete(eventSpeakers).where(eq(eventSpeakers.id, speakerId)));
  return { ok: true, speaker, unlinkedItemIds: linked.map((r) => r.id), moved };
}

type SponsorInput = EventFile["sponsors"][number];

function sponsorRow(s: SponsorInput) {
  return {
    name: s.name,
    boothNumber: s.booth_number ?? null,
    offerings: s.offerings,
    focusAreas: s.focus_areas,
    targetRevenueTiers: s.target_revenue_tiers,
    specialOffer: s.special_offer ?? null,
    talkingPoints: s.talking_points,
    pcrScore: s.pcr_score ?? null,
  };
}

export async function findSponsor(db: Db, eventId: string, sponsorId: string): Promise<Sponsor | undefined> {
  const [row] = await db.select().from(eventSponsors).where(and(eq(eventSponsors.id, sponsorId), eq(eventSponsors.eventId, eventId)));
  return row;
}

/** The one sponsor writer (console and REST API): adds (sponsorId null, last in the listed order) or changes a sponsor of this event. */
export async function saveSponsor(db: Db, eventId: string, sponsorId: string | null, s: SponsorInput): Promise<Result<{ id: string; sponsor: Sponsor }>> {
  if (sponsorId) {
    const [row] = await db.update(eventSponsors).set(sponsorRow(s)).where(and(eq(eventSponsors.id, sponsorId), eq(eventSponsors.eventId, eventId))).returning();
    return row ? { ok: true, id: row.id, sponsor: row } : notFound();
  }
  const [{ next }] = await db.select({ next: sql<number>`coalesce(max(${eventSponsors.sortOrder}), -1)::int + 1` }).from(eventSponsors).where(eq(eventSponsors.eventId, eventId));
  const [row] = await db.insert(eventSponsors).values({ ...sponsorRow(s), eventId, key: s.key, sortOrder: Number(next) }).onConflictDoNothing().returning();
  if (!row) return conflict("This event already has a sponsor with this key.", "key");
  return { ok: true, id: row.id, sponsor: row };
}

/** A removed sponsor's pending recommendations are skipped at send (skip-rules: sponsor removed). */
export async function removeSponsor(db: Db, eventId: string, sponsorId: string): Promise<Result<{ sponsor: Sponsor }>> {
  const [row] = await db
    .update(eventSponsors)
    .set({ removedAt: clockNow() })
    .where(and(eq(eventSponsors.id, sponsorId), eq(eventSponsors.eventId, eventId), isNull(eventSponsors.removedAt)))
    .returning();
  return row ? { ok: true, sponsor: row } : notFound();
}

/** Moves a sponsor one place up or down in the listed order. */
export async function moveSponsor(db: Db, eventId: string, sponsorId: string, direction: "up" | "down"): Promise<Result<object>> {
  const list = await listSponsors(db, eventId);
  const i = list.findIndex((s) => s.id === sponsorId);
  if (i < 0) return notFound();
  const j = direction === "up" ? i - 1 : i + 1;
  if (j < 0 || j >= list.length) return { ok: true };
  [list[i], list[j]] = [list[j], list[i]];
  await db.transaction(async (tx) => {
    for (const [order, s] of list.entries()) if (s.sortOrder !== order) await tx.update(eventSponsors).set({ sortOrder: order }).where(eq(eventSponsors.id, s.id));
  });
  return { ok: true };
}
