import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventAgendaItems, eventSpeakers, eventSponsors, type Event } from "@/db/schema";
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

async function speakerIdFor(db: Db, eventId: string, key: string | undefined): Promise<string | null> {
  if (!key) return null;
  const [row] = await db.select({ id: eventSpeakers.id }).from(eventSpeakers).where(and(eq(eventSpeakers.eventId, eventId), eq(eventSpeakers.key, key)));
  return row?.id ?? null;
}

function agendaRow(a: AgendaInput, speakerId: string | null) {
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

export async function saveAgendaItem(db: Db, event: Event, itemId: string | null, input: AgendaInput): Promise<Result<Moved & { id: string }>> {
  const values = agendaRow(input, await speakerIdFor(db, event.id, input.speaker));
  if (itemId) {
    const [row] = await db.select().from(eventAgendaItems).where(and(eq(eventAgendaItems.id, itemId), eq(eventAgendaItems.eventId, event.id)));
    if (!row) return notFound();
    const schedule = { type: values.type, startsAt: values.startsAt, endsAt: values.endsAt, speakerId: values.speakerId, topics: values.topics };
    const write = () => db.update(eventAgendaItems).set(values).where(eq(eventAgendaItems.id, itemId));
    if (!valuesDiffer(row, schedule)) {
      await write();
      return { ok: true, id: itemId, moved: null };
    }
    const { moved } = await withReplan(db, event.id, clockNow(), write);
    return { ok: true, id: itemId, moved };
  }
  const { result, moved } = await withReplan(db, event.id, clockNow(), () =>
    db.insert(eventAgendaItems).values({ ...values, eventId: event.id, key: input.key }).returning({ id: eventAgendaItems.id }),
  );
  return { ok: true, id: result[0].id, moved };
}

/** "Delete" an agenda item: it is cancelled, so its alerts are cancelled and the page shows it struck through. */
export async function cancelAgendaItem(db: Db, eventId: string, itemId: string): Promise<Result<Moved>> {
  const [row] = await db.select().from(eventAgendaItems).where(and(eq(eventAgendaItems.id, itemId), eq(eventAgendaItems.eventId, eventId)));
  if (!row) return notFound();
  if (row.cancelledAt) return { ok: true, moved: null };
  const { moved } = await withReplan(db, eventId, clockNow(), () =>
    db.update(eventAgendaItems).set({ cancelledAt: clockNow() }).where(eq(eventAgendaItems.id, itemId)),
  );
  return { ok: true, moved };
}

export async function restoreAgendaItem(db: Db, eventId: string, itemId: string): Promise<Result<Moved>> {
  const [row] = await db.select().from(eventAgendaItems).where(and(eq(eventAgendaItems.id, itemId), eq(eventAgendaItems.eventId, eventId)));
  if (!row) return notFound();
  const { moved } = await withReplan(db, eventId, clockNow(), () =>
    db.update(eventAgendaItems).set({ cancelledAt: null }).where(eq(eventAgendaItems.id, itemId)),
  );
  return { ok: true, moved };
}

type SpeakerInput = EventFile["speakers"][number];

export async function saveSpeaker(db: Db, eventId: string, speakerId: string | null, s: SpeakerInput): Promise<Result<{ id: string }>> {
  const values = { name: s.name, title: s.title ?? null, company: s.company ?? null, bio: s.bio ?? null, focusAreas: s.focus_areas, pcrScore: s.pcr_score ?? null };
  if (speakerId) {
    const [row] = await db.update(eventSpeakers).set(values).where(and(eq(eventSpeakers.id, speakerId), eq(eventSpeakers.eventId, eventId))).returning({ id: eventSpeakers.id });
    return row ? { ok: true, id: row.id } : notFound();
  }
  const [row] = await db.insert(eventSpeakers).values({ ...values, eventId, key: s.key }).returning({ id: eventSpeakers.id });
  return { ok: true, id: row.id };
}

/** Deleting a speaker unlinks their sessions (the sessions stay); their alerts follow the re-plan. */
export async function deleteSpeaker(db: Db, eventId: string, speakerId: string): Promise<Result<Moved>> {
  const [row] = await db.select({ id: eventSpeakers.id }).from(eventSpeakers).where(and(eq(eventSpeakers.id, speakerId), eq(eventSpeakers.eventId, eventId)));
  if (!row) return notFound();
  const { moved } = await withReplan(db, eventId, clockNow(), () => db.delete(eventSpeakers).where(eq(eventSpeakers.id, speakerId)));
  return { ok: true, moved };
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

export async function saveSponsor(db: Db, eventId: string, sponsorId: string | null, s: SponsorInput): Promise<Result<{ id: string }>> {
  if (sponsorId) {
    const [row] = await db.update(eventSponsors).set(sponsorRow(s)).where(and(eq(eventSponsors.id, sponsorId), eq(eventSponsors.eventId, eventId))).returning({ id: eventSponsors.id });
    return row ? { ok: true, id: row.id } : notFound();
  }
  const [{ next }] = await db.select({ next: sql<number>`coalesce(max(${eventSponsors.sortOrder}), -1)::int + 1` }).from(eventSponsors).where(eq(eventSponsors.eventId, eventId));
  const [row] = await db.insert(eventSponsors).values({ ...sponsorRow(s), eventId, key: s.key, sortOrder: Number(next) }).returning({ id: eventSponsors.id });
  return { ok: true, id: row.id };
}

/** A removed sponsor's pending recommendations are skipped at send (skip-rules: sponsor removed). */
export async function removeSponsor(db: Db, eventId: string, sponsorId: string): Promise<Result<object>> {
  const [row] = await db
    .update(eventSponsors)
    .set({ removedAt: clockNow() })
    .where(and(eq(eventSponsors.id, sponsorId), eq(eventSponsors.eventId, eventId), isNull(eventSponsors.removedAt)))
    .returning({ id: eventSponsors.id });
  return row ? { ok: true } : notFound();
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
