import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventAgendaItems, eventSpeakers, eventSponsors, type Event } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import type { EventFile } from "@/lib/events/event-file";
import { importEventFile, syncContractors, type ImportSummary } from "@/lib/events/import";
import { listSpeakers } from "@/lib/events/items";
import { withReplan, type WhatMoved } from "@/lib/events/what-moved";
import { registerBatch, type BatchResult } from "./batch-register";
import type { ImportKind } from "./csv";

/**
 * Writes a validated CSV section into an event: rows are upserted by key (a CSV adds
 * and updates; it never retires rows it does not mention, unlike a whole event file).
 * Attendees go through the same contractor writer as the JSON file, then the batch
 * registration writer.
 */

export type CsvWriteResult = { written: number; moved: WhatMoved | null; registrations?: BatchResult };

const upsertSet = (cols: string[]) => Object.fromEntries(cols.map((c) => [c, sql.raw(`excluded.${c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}`)]));

export async function writeCsvSection(db: Db, event: Event, kind: ImportKind, file: EventFile, range?: { from: number; to: number }): Promise<CsvWriteResult> {
  const now = clockNow();
  const slice = <T>(list: T[]) => (range ? list.slice(range.from, range.to) : list);
  if (kind === "speakers") {
    const rows = slice(file.speakers).map((s) => ({ eventId: event.id, key: s.key, name: s.name, title: s.title ?? null, company: s.company ?? null, bio: s.bio ?? null, focusAreas: s.focus_areas, pcrScore: s.pcr_score ?? null }));
    if (rows.length) await db.insert(eventSpeakers).values(rows).onConflictDoUpdate({ target: [eventSpeakers.eventId, eventSpeakers.key], set: upsertSet(["name", "title", "company", "bio", "focusAreas", "pcrScore"]) });
    return { written: rows.length, moved: null };
  }
  if (kind === "sponsors") {
    const [{ next }] = await db.select({ next: sql<number>`coalesce(max(${eventSponsors.sortOrder}), -1)::int + 1` }).from(eventSponsors).where(sql`${eventSponsors.eventId} = ${event.id}`);
    const rows = slice(file.sponsors).map((s, i) => ({
      eventId: event.id, key: s.key, name: s.name, boothNumber: s.booth_number ?? null, offerings: s.offerings, focusAreas: s.focus_areas,
      targetRevenueTiers: s.target_revenue_tiers, specialOffer: s.special_offer ?? null, talkingPoints: s.talking_points, pcrScore: s.pcr_score ?? null,
      sortOrder: Number(next) + i, removedAt: null,
    }));
    if (rows.length) await db.insert(eventSponsors).values(rows).onConflictDoUpdate({ target: [eventSponsors.eventId, eventSponsors.key], set: upsertSet(["name", "boothNumber", "offerings", "focusAreas", "targetRevenueTiers", "specialOffer", "talkingPoints", "pcrScore", "removedAt"]) });
    return { written: rows.length, moved: null };
  }
  if (kind === "agenda") {
    const speakerIds = new Map((await listSpeakers(db, event.id)).map((s) => [s.key, s.id]));
    const rows = slice(file.agenda).map((a) => ({
      eventId: event.id, key: a.key, type: a.type, title: a.title, description: a.description ?? null, room: a.room ?? null,
      startsAt: a.starts_at, endsAt: a.ends_at, speakerId: a.speaker ? (speakerIds.get(a.speaker) ?? null) : null, topics: a.topics, cancelledAt: null,
    }));
    if (rows.length === 0) return { written: 0, moved: null };
    const { moved } = await withReplan(db, event.id, now, () =>
      db.insert(eventAgendaItems).values(rows).onConflictDoUpdate({ target: [eventAgendaItems.eventId, eventAgendaItems.key], set: upsertSet(["type", "title", "description", "room", "startsAt", "endsAt", "speakerId", "topics", "cancelledAt"]) }),
    );
    return { written: rows.length, moved };
  }
  const contractors = slice(file.contractors);
  await db.transaction((tx) => syncContractors(tx, contractors, now));
  const registrations = await registerBatch(db, event.id, slice(file.registrations), now);
  return { written: contractors.length, moved: null, registrations };
}

/** The JSON event file from the browser: the same importer as the command line, for this event only. */
export async function importJsonForEvent(db: Db, event: Event, file: EventFile): Promise<{ ok: true; summary: ImportSummary } | { ok: false; message: string }> {
  if (file.event.slug !== event.slug) return { ok: false, message: `This file describes "${file.event.slug}", not this event ("${event.slug}"). Change event.slug or import it from the events list.` };
  return { ok: true, summary: await importEventFile(db, file, { now: clockNow() }) };
}
