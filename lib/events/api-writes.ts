import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, type AgendaItem, type Event, type Speaker, type Sponsor } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { appError, type Result } from "@/lib/errors";
import { schedulePeerBatch } from "@/lib/orchestration/peer-batch";
import { scheduleEventCompletion } from "@/lib/followup/complete";
import { replanEventMessages } from "@/lib/scheduling/replan";
import type { REVENUE_TIERS } from "./event-file";
import { agendaValuesOf, generatedKey, cancelAgendaItem, deleteSpeaker, findAgendaItem, findSpeaker, findSponsor, removeSponsor, saveSpeaker, saveSponsor, writeAgendaItem, type AgendaValues } from "./items";
import { inviteForPublishedEvent } from "@/lib/followup/between-events";
import { getEventById } from "./queries";
import type { WhatMoved } from "./what-moved";

/**
 * Single-row writes for the REST API (lib/api). The event-file writer (import.ts)
 * syncs whole sections and retires what a file leaves out, which is wrong for
 * "add one session". Events are written here; agenda items, speakers and sponsors
 * go through the console's writers in items.ts (one write path: the same checks,
 * the same re-plan and "what moved"), with the API's own 404 codes, partial
 * changes and closed-event rule around them.
 */

export type EventValues = {
  name: string;
  slug: string;
  description: string | null;
  venue: string | null;
  address: string | null;
  timezone: string;
  startsAt: Date;
  endsAt: Date;
  status: "draft" | "published";
  checkInClosesAt: Date | null;
  organizerName: string | null;
  organizerEmail: string | null;
  organizerPhone: string | null;
};

const conflict = (message: string, field: string) => appError(409, "conflict", message, { [field]: "is already taken" });


export async function createEvent(db: Db, values: EventValues): Promise<Result<{ event: Event }>> {
  const [event] = await db.insert(events).values(values).onConflictDoNothing({ target: events.slug }).returning();
  if (!event) return { ok: false, error: conflict("An event with this slug already exists.", "slug") };
  await schedulePeerBatch(db, event.id);
  await scheduleEventCompletion(db, event.id);
  return { ok: true, event };
}

/** Changes the given fields; a change of times or zone re-plans every dependent message. */
export async function updateEvent(db: Db, eventId: string, patch: Partial<Omit<EventValues, "slug">>): Promise<Result<{ event: Event; replanned: boolean }>> {
  const before = await getEventById(db, eventId);
  if (!before) return { ok: false, error: appError(404, "event_not_found", "No such event.") };
  if (before.status === "cancelled" || before.status === "completed") {
    return { ok: false, error: appError(409, "event_closed", `This event is ${before.status}; it can no longer be changed.`) };
  }
  if (patch.status && before.status === "live") {
    return { ok: false, error: appError(409, "event_live", "This event is live; its status is no longer set by hand.") };
  }
  const startsAt = patch.startsAt ?? before.startsAt;
  const endsAt = patch.endsAt ?? before.endsAt;
  if (endsAt <= startsAt) return { ok: false, error: appError(400, "invalid_input", "Please check: ends_at.", { ends_at: "must be after starts_at" }) };
  const [event] = await db.update(events).set({ ...patch, updatedAt: clockNow() }).where(eq(events.id, eventId)).returning();
  const moved = startsAt.getTime() !== before.startsAt.getTime() || endsAt.getTime() !== before.endsAt.getTime() || event.timezone !== before.timezone;
  if (moved) await afterScheduleChange(db, eventId);
  // Published through the API: the same invitations by fit as the console's Publish.
  if (event.status === "published" && before.status !== "published") {
    await inviteForPublishedEvent(db, eventId, clockNow()).catch((err) => console.error("[tpx] invitations at publish failed", err));
  }
  return { ok: true, event, replanned: moved };
}

const eventNotFound = () => ({ ok: false as const, error: appError(404, "event_not_found", "No such event.") });
const closed = (event: Event) => ({ ok: false as const, error: appError(409, "event_closed", `This event is ${event.status}; its agenda can no longer change.`) });
const isClosed = (event: Event) => event.status === "cancelled" || event.status === "completed";

// Speakers, agenda items and sponsors: the console's writers (lib/events/items.ts), so the API
// and the console share one write path, validation and re-plan. The API adds what the console
// does not need: a 404 per kind, partial changes, and closed events refusing agenda changes.

export type SpeakerFields = { name: string; title: string | null; company: string | null; bio: string | null; focusAreas: string[]; pcrScore: number | null };

function speakerInput(key: string, v: SpeakerFields) {
  return { key, name: v.name, title: v.title ?? undefined, company: v.company ?? undefined, bio: v.bio ?? undefined, focus_areas: v.focusAreas, pcr_score: v.pcrScore };
}

export async function createSpeaker(db: Db, eventId: string, input: SpeakerFields & { key?: string }): Promise<Result<{ speaker: Speaker }>> {
  if (!(await getEventById(db, eventId))) return eventNotFound();
  const r = await saveSpeaker(db, eventId, null, speakerInput(input.key ?? generatedKey("speaker"), input));
  return r.ok ? { ok: true, speaker: r.speaker } : r;
}

const speakerNotFound = () => ({ ok: false as const, error: appError(404, "speaker_not_found", "No such speaker in this event.") });

/** Changes the given fields of a speaker of this event. */
export async function updateSpeaker(db: Db, eventId: string, speakerId: string, patch: Partial<SpeakerFields>): Promise<Result<{ speaker: Speaker }>> {
  if (!(await getEventById(db, eventId))) return eventNotFound();
  const row = await findSpeaker(db, eventId, speakerId);
  if (!row) return speakerNotFound();
  const r = await saveSpeaker(db, eventId, speakerId, speakerInput(row.key, { ...row, ...patch }));
  return r.ok ? { ok: true, speaker: r.speaker } : r;
}

/** Deletes a speaker as the console does: their sessions stay, without a speaker, and their alerts follow the re-plan. */
export async function removeSpeaker(db: Db, eventId: string, speakerId: string): Promise<Result<{ speaker: Speaker; unlinkedItemIds: string[]; moved: WhatMoved | null }>> {
  if (!(await getEventById(db, eventId))) return eventNotFound();
  const r = await deleteSpeaker(db, eventId, speakerId);
  return r.ok ? r : speakerNotFound();
}

export type SponsorFields = {
  name: string;
  boothNumber: string | null;
  offerings: string[];
  focusAreas: string[];
  targetRevenueTiers: string[];
  specialOffer: string | null;
  talkingPoints: string[];
  pcrScore: number | null;
};

function sponsorInput(key: string, v: SponsorFields) {
  return {
    key,
    name: v.name,
    booth_number: v.boothNumber ?? undefined,
    offerings: v.offerings,
    focus_areas: v.focusAreas,
    target_revenue_tiers: v.targetRevenueTiers as (typeof REVENUE_TIERS)[number][],
    special_offer: v.specialOffer ?? undefined,
    talking_points: v.talkingPoints,
    pcr_score: v.pcrScore,
  };
}

export async function createSponsor(db: Db, eventId: string, input: SponsorFields & { key?: string }): Promise<Result<{ sponsor: Sponsor }>> {
  if (!(await getEventById(db, eventId))) return eventNotFound();
  const r = await saveSponsor(db, eventId, null, sponsorInput(input.key ?? generatedKey("sponsor"), input));
  return r.ok ? { ok: true, sponsor: r.sponsor } : r;
}

const sponsorNotFound = () => ({ ok: false as const, error: appError(404, "sponsor_not_found", "No such sponsor in this event.") });

export async function updateSponsor(db: Db, eventId: string, sponsorId: string, patch: Partial<SponsorFields>): Promise<Result<{ sponsor: Sponsor }>> {
  if (!(await getEventById(db, eventId))) return eventNotFound();
  const row = await findSponsor(db, eventId, sponsorId);
  if (!row) return sponsorNotFound();
  const r = await saveSponsor(db, eventId, sponsorId, sponsorInput(row.key, { ...row, ...patch }));
  return r.ok ? { ok: true, sponsor: r.sponsor } : r;
}

/** Removes a sponsor as the console does (kept, with removed_at; pending recommendations are skipped at send). Removing again changes nothing. */
export async function retireSponsor(db: Db, eventId: string, sponsorId: string): Promise<Result<{ sponsor: Sponsor; alreadyRemoved: boolean }>> {
  if (!(await getEventById(db, eventId))) return eventNotFound();
  const row = await findSponsor(db, eventId, sponsorId);
  if (!row) return sponsorNotFound();
  if (row.removedAt) return { ok: true, sponsor: row, alreadyRemoved: true };
  const r = await removeSponsor(db, eventId, sponsorId);
  if (r.ok) return { ok: true, sponsor: r.sponsor, alreadyRemoved: false };
  // Removed in the meantime: the same outcome.
  const now = await findSponsor(db, eventId, sponsorId);
  return now ? { ok: true, sponsor: now, alreadyRemoved: true } : sponsorNotFound();
}

const itemNotFound = () => ({ ok: false as const, error: appError(404, "agenda_item_not_found", "No such agenda item in this event.") });

/** Adds a session (or break, lunch, …): session alerts, reminders and the peer batch follow it. */
export async function createAgendaItem(db: Db, eventId: string, input: AgendaValues & { key?: string }): Promise<Result<{ item: AgendaItem; moved: WhatMoved | null }>> {
  const event = await getEventById(db, eventId);
  if (!event) return eventNotFound();
  if (isClosed(event)) return closed(event);
  const { key, ...values } = input;
  const r = await writeAgendaItem(db, eventId, null, values, key);
  return r.ok ? { ok: true, item: r.item, moved: r.moved } : r;
}

/** Changes the given fields of an item; when its schedule changes, the dependent messages move and `moved` says how. */
export async function updateAgendaItem(db: Db, eventId: string, itemId: string, patch: Partial<AgendaValues>): Promise<Result<{ item: AgendaItem; moved: WhatMoved | null }>> {
  const event = await getEventById(db, eventId);
  if (!event) return eventNotFound();
  const row = await findAgendaItem(db, eventId, itemId);
  if (!row) return itemNotFound();
  if (isClosed(event)) return closed(event);
  const r = await writeAgendaItem(db, eventId, itemId, { ...agendaValuesOf(row), ...patch });
  return r.ok ? { ok: true, item: r.item, moved: r.moved } : r.error.status === 404 ? itemNotFound() : r;
}

/** "Deletes" an item as the console does: it is cancelled (kept, with cancelled_at) and the messages that depend on it are cancelled. */
export async function cancelAgendaItemOf(db: Db, eventId: string, itemId: string): Promise<Result<{ item: AgendaItem; moved: WhatMoved | null; alreadyCancelled: boolean }>> {
  const event = await getEventById(db, eventId);
  if (!event) return eventNotFound();
  const row = await findAgendaItem(db, eventId, itemId);
  if (!row) return itemNotFound();
  if (row.cancelledAt) return { ok: true, item: row, moved: null, alreadyCancelled: true };
  if (isClosed(event)) return closed(event);
  const r = await cancelAgendaItem(db, eventId, itemId);
  return r.ok ? { ok: true, item: r.item, moved: r.moved, alreadyCancelled: false } : itemNotFound();
}

async function afterScheduleChange(db: Db, eventId: string): Promise<void> {
  await replanEventMessages(db, eventId);
  await schedulePeerBatch(db, eventId);
  await scheduleEventCompletion(db, eventId);
}
