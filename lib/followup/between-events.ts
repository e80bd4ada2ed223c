import { and, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  contractors,
  eventAttendees,
  eventMessages,
  eventSpeakers,
  events,
  systemState,
  type Attendee,
  type Contractor,
} from "@/db/schema";
import { getAgenda, toEventTimes } from "@/lib/events/queries";
import { dispatchScheduledMessages } from "@/lib/jobs/dispatch";
import { savePlannedMessages, type SavedMessage } from "@/lib/messaging/store";
import { eventStart } from "@/lib/scheduling/event-times";
import { applyQuietHours, type PlannedMessage } from "@/lib/scheduling/plan";
import { followupReach } from "./complete";

const DAY = 24 * 3_600_000;
/** SPEC §3: no interaction for 30 days, and at most one re-engagement per 30 days. */
export const RE_ENGAGE_AFTER_MS = 30 * DAY;
/** Invitations one contractor gets from one daily run, and at most in 30 days (docs/decisions/0182). */
export const MAX_INVITATIONS_PER_RUN = 2;
export const MAX_INVITATIONS_PER_30_DAYS = 3;

/**
 * The registration a between-events message hangs on: the contractor's newest one not
 * cancelled. It carries the token of the unsubscribe link and the language; a
 * contractor with no registration has no link to reach them by (decision 0182).
 */
async function anchors(db: Db, ids: string[]): Promise<Map<string, Attendee>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(eventAttendees)
    .where(and(inArray(eventAttendees.contractorId, ids), isNull(eventAttendees.cancelledAt)))
    .orderBy(desc(eventAttendees.registrationDate));
  const out = new Map<string, Attendee>();
  for (const r of rows) if (!out.has(r.contractorId)) out.set(r.contractorId, r);
  return out;
}

const norm = (s: string) => s.trim().toLowerCase();

/** How well an event fits a contractor: shared focus areas with its sessions' topics and speakers' focus areas. */
export function invitationFit(focusAreas: readonly string[], eventTopics: ReadonlySet<string>): { score: number; shared: string[] } {
  const shared = [...new Set(focusAreas.map(norm))].filter((f) => eventTopics.has(f));
  return { score: shared.length, shared };
}

export type OpenEvent = { id: string; name: string; startsAt: Date; timezone: string; topics: Set<string> };

/** Published events that have not started, with the topics their sessions cover. */
export async function invitableEvents(db: Db, now: Date): Promise<OpenEvent[]> {
  const open = await db.select().from(events).where(eq(events.status, "published"));
  const out: OpenEvent[] = [];
  for (const e of open) {
    const agenda = await getAgenda(db, e.id);
    const start = eventStart(toEventTimes(e, agenda));
    if (start.getTime() <= now.getTime()) continue;
    const speakers = await db.select({ focusAreas: eventSpeakers.focusAreas }).from(eventSpeakers).where(eq(eventSpeakers.eventId, e.id));
    const topics = new Set([...agenda.flatMap((a) => a.topics), ...speakers.flatMap((s) => s.focusAreas)].map(norm));
    out.push({ id: e.id, name: e.name, startsAt: start, timezone: e.timezone, topics });
  }
  return out;
}

export type InvitationPick = { contractorId: string; eventId: string; score: number; shared: string[] };

/**
 * SPEC §3 event_invitation: contractors whose focus areas fit the event's sessions, not
 * registered for it, not unsubscribed, not invited to it before; ranked by fit (then the
 * soonest event) and capped per contractor.
 */
export async function selectInvitations(db: Db, now: Date, opts: { eventId?: string } = {}): Promise<InvitationPick[]> {
  const open = (await invitableEvents(db, now)).filter((e) => !opts.eventId || e.id === opts.eventId);
  if (open.length === 0) return [];
  const people = await db
    .select()
    .from(contractors)
    .where(and(isNull(contractors.emailUnsubscribedAt), isNull(contractors.emailBouncedAt)));
  const registered = await db
    .select({ contractorId: eventAttendees.contractorId, eventId: eventAttendees.eventId })
    .from(eventAttendees)
    .where(inArray(eventAttendees.eventId, open.map((e) => e.id)));
  const invited = await db
    .select({ contractorId: eventMessages.contractorId, eventId: eventMessages.eventId, at: eventMessages.scheduledFor })
    .from(eventMessages)
    .where(eq(eventMessages.type, "event_invitation"));
  const taken = new Set([...registered, ...invited].map((r) => `${r.contractorId}|${r.eventId}`));
  const recent = new Map<string, number>();
  for (const i of invited) {
    // scheduled_for, not created_at: the app clock (dev clock, tests) decides, not the database's.
    if (i.at.getTime() > now.getTime() - 30 * DAY) recent.set(i.contractorId, (recent.get(i.contractorId) ?? 0) + 1);
  }

  const picks: InvitationPick[] = [];
  for (const c of people) {
    const room = Math.min(MAX_INVITATIONS_PER_RUN, MAX_INVITATIONS_PER_30_DAYS - (recent.get(c.id) ?? 0));
    if (room <= 0 || c.focusAreas.length === 0) continue;
    const ranked = open
      .filter((e) => !taken.has(`${c.id}|${e.id}`))
      .map((e) => ({ e, ...invitationFit(c.focusAreas, e.topics) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || a.e.startsAt.getTime() - b.e.startsAt.getTime());
    for (const x of ranked.slice(0, room)) picks.push({ contractorId: c.id, eventId: x.e.id, score: x.score, shared: x.shared });
  }
  return picks;
}

/** SPEC §3 re_engagement: no interaction for 30 days and none re-engaged in the last 30 days. */
export async function selectReEngagement(db: Db, now: Date): Promise<Contractor[]> {
  const cutoff = new Date(now.getTime() - RE_ENGAGE_AFTER_MS);
  const recently = db
    .select({ id: eventMessages.contractorId })
    .from(eventMessages)
    .where(and(eq(eventMessages.type, "re_engagement"), gte(eventMessages.scheduledFor, cutoff)));
  return db
    .select()
    .from(contractors)
    .where(
      and(
        sql`coalesce(${contractors.lastInteractionAt}, ${contractors.createdAt}) <= ${cutoff.toISOString()}::timestamptz`,
        sql`${contractors.id} not in (${recently})`,
      ),
    );
}

export type BetweenEventsTally = { reEngagement: number; invitations: number; messages: number };

/** The daily between-events run (Inngest cron and the local driver): plans the rows, then dispatches them. */
export async function runBetweenEvents(db: Db, now: Date): Promise<BetweenEventsTally> {
  const saved: SavedMessage[] = [];
  const day = now.toISOString().slice(0, 10);

  const lapsed = await selectReEngagement(db, now);
  const lapsedAnchors = await anchors(db, lapsed.map((c) => c.id));
  let reEngagement = 0;
  for (const c of lapsed) {
    const anchor = lapsedAnchors.get(c.id);
    if (!anchor) continue;
    const [event] = await db.select().from(events).where(eq(events.id, anchor.eventId));
    const reach = followupReach(c);
    const times = toEventTimes(event, []);
    const planned: PlannedMessage[] = [];
    if (reach.email) planned.push({ type: "re_engagement", channel: "email", dedupeKey: day, scheduledFor: now });
    if (reach.sms) planned.push({ type: "re_engagement", channel: "sms", dedupeKey: day, scheduledFor: applyQuietHours("re_engagement", now, times) });
    if (planned.length === 0) continue;
    saved.push(...(await savePlannedMessages(db, { eventId: anchor.eventId, attendeeId: anchor.id, contractorId: c.id }, planned, { lastEventName: event.name, plannedAt: now.toISOString() })));
    reEngagement++;
  }

  const invites = await planInvitations(db, now);
  saved.push(...invites);
  await dispatchScheduledMessages(saved);
  return { reEngagement, invitations: invites.length, messages: saved.length };
}

/** The invitation rows for the picks (all invitable events, or one), each on the contractor's newest registration. */
async function planInvitations(db: Db, now: Date, opts: { eventId?: string } = {}): Promise<SavedMessage[]> {
  const picks = await selectInvitations(db, now, opts);
  const inviteAnchors = await anchors(db, [...new Set(picks.map((p) => p.contractorId))]);
  const saved: SavedMessage[] = [];
  for (const p of picks) {
    const anchor = inviteAnchors.get(p.contractorId);
    if (!anchor) continue;
    saved.push(
      ...(await savePlannedMessages(
        db,
        { eventId: p.eventId, attendeeId: anchor.id, contractorId: p.contractorId },
        [{ type: "event_invitation", channel: "email", dedupeKey: p.eventId, scheduledFor: now }],
        { fit: p.score, sharedFocusAreas: p.shared },
      )),
    );
  }
  return saved;
}

/**
 * Issue 11 §2: invitations go when an event is published, not at the next daily run.
 * The same selection and caps as the daily pass, for this event only; the daily pass
 * later finds them already invited (the dedupe key is the event id).
 */
export async function inviteForPublishedEvent(db: Db, eventId: string, now: Date): Promise<number> {
  const saved = await planInvitations(db, now, { eventId });
  await dispatchScheduledMessages(saved);
  return saved.length;
}

const LAST_RUN_KEY = "between_events_last_run";
/** The local driver runs the daily pass when a day has gone by since the last one (by the app clock). */
export async function runBetweenEventsIfDue(db: Db, now: Date, everyMs = DAY): Promise<BetweenEventsTally | null> {
  const claimed = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${LAST_RUN_KEY}))`);
    const [row] = await tx.select().from(systemState).where(eq(systemState.key, LAST_RUN_KEY));
    const last = typeof row?.value.at === "string" ? Date.parse(row.value.at) : NaN;
    if (!Number.isNaN(last) && now.getTime() - last < everyMs && now.getTime() >= last) return false;
    await tx
      .insert(systemState)
      .values({ key: LAST_RUN_KEY, value: { at: now.toISOString() } })
      .onConflictDoUpdate({ target: systemState.key, set: { value: { at: now.toISOString() }, updatedAt: sql`now()` } });
    return true;
  });
  return claimed ? runBetweenEvents(db, now) : null;
}
