import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, eventFeedback, eventSponsors, events, type AgendaItem, type Event, type Message } from "@/db/schema";
import { getAgenda } from "@/lib/events/queries";
import { loadConnectionSummaries, loadConnectionSummary, type ConnectionSummary } from "@/lib/followup/connection-summary";

/**
 * The event and its agenda are the same for every row of a claimed batch: the local
 * driver passes one of these per batch so they are read once, not once per message.
 */
export type EventCache = Map<string, Promise<{ event: Event | undefined; agenda: AgendaItem[] }>>;

function loadEvent(db: Db, eventId: string, cache?: EventCache) {
  const hit = cache?.get(eventId);
  if (hit) return hit;
  const loading = (async () => {
    const [event] = await db.select().from(events).where(eq(events.id, eventId));
    return { event, agenda: event ? await getAgenda(db, eventId) : [] };
  })();
  cache?.set(eventId, loading);
  return loading;
}

/** Fresh data for one message at the moment of sending. */
export async function loadSendContext(
  db: Db,
  m: Pick<Message, "eventId" | "attendeeId" | "contractorId" | "personalization"> & { type?: Message["type"] },
  cache?: EventCache,
) {
  if (!m.eventId) return null;
  const [[contractor], loaded, attendee] = await Promise.all([
    db.select().from(contractors).where(eq(contractors.id, m.contractorId)),
    loadEvent(db, m.eventId, cache),
    m.attendeeId
      ? db.select().from(eventAttendees).where(eq(eventAttendees.id, m.attendeeId)).then((r) => r[0] ?? null)
      : Promise.resolve(null),
  ]);
  const { event, agenda } = loaded;
  if (!contractor || !event) return null;
  const sponsorId = typeof m.personalization?.sponsorId === "string" ? m.personalization.sponsorId : null;
  const sponsor = sponsorId ? ((await db.select().from(eventSponsors).where(eq(eventSponsors.id, sponsorId)))[0] ?? null) : null;
  return { contractor, event, attendee, agenda, sponsor, followup: await loadFollowupFacts(db, m, event.id) };
}

/** What the after-event and between-events messages decide on at send (lib/followup). */
export type FollowupFacts = { summary?: ConnectionSummary; feedbackGiven?: boolean; registered?: boolean };

async function loadFollowupFacts(db: Db, m: Pick<Message, "attendeeId" | "contractorId"> & { type?: Message["type"] }, eventId: string): Promise<FollowupFacts> {
  if (m.type === "connection_summary" && m.attendeeId) return { summary: await loadConnectionSummary(db, eventId, m.attendeeId) };
  if (m.type === "feedback_request" && m.attendeeId) {
    const [given] = await db.select({ id: eventFeedback.id }).from(eventFeedback).where(eq(eventFeedback.attendeeId, m.attendeeId));
    return { feedbackGiven: Boolean(given) };
  }
  if (m.type === "event_invitation") {
    const [reg] = await db
      .select({ id: eventAttendees.id })
      .from(eventAttendees)
      .where(and(eq(eventAttendees.eventId, eventId), eq(eventAttendees.contractorId, m.contractorId)));
    return { registered: Boolean(reg) };
  }
  return {};
}

export type SendContext = NonNullable<Awaited<ReturnType<typeof loadSendContext>>>;

/** Context per row id, prefetched for a claimed batch; `null`: the event or contact is gone. */
export type BatchContexts = Map<string, SendContext | null>;

const unique = <T>(xs: Array<T | null | undefined>): T[] => [...new Set(xs.filter((x): x is T => x != null))];

/**
 * The same data as loadSendContext for every row of a claimed batch, in a few queries
 * (contractors, attendees, sponsors by `IN`, each event + agenda once) instead of four
 * per message (issue 13). Read once at the start of the batch: "fresh at the moment of
 * sending" within the batch's few hundred milliseconds.
 */
export async function loadBatchContexts(db: Db, rows: Message[], cache: EventCache = new Map()): Promise<BatchContexts> {
  const out: BatchContexts = new Map();
  if (rows.length === 0) return out;
  const contractorIds = unique(rows.map((r) => r.contractorId));
  const attendeeIds = unique(rows.map((r) => r.attendeeId));
  const sponsorIds = unique(rows.map((r) => (typeof r.personalization?.sponsorId === "string" ? r.personalization.sponsorId : null)));
  const eventIds = unique(rows.map((r) => r.eventId));
  const [cs, as, ss, evs] = await Promise.all([
    contractorIds.length ? db.select().from(contractors).where(inArray(contractors.id, contractorIds)) : [],
    attendeeIds.length ? db.select().from(eventAttendees).where(inArray(eventAttendees.id, attendeeIds)) : [],
    sponsorIds.length ? db.select().from(eventSponsors).where(inArray(eventSponsors.id, sponsorIds)) : [],
    Promise.all(eventIds.map(async (id) => [id, await loadEvent(db, id, cache)] as const)),
  ]);
  const contractorById = new Map(cs.map((c) => [c.id, c]));
  const attendeeById = new Map(as.map((a) => [a.id, a]));
  const sponsorById = new Map(ss.map((s) => [s.id, s]));
  const eventById = new Map(evs);
  const summaries = await prefetchSummaries(db, rows);
  for (const m of rows) {
    const contractor = contractorById.get(m.contractorId);
    const loaded = m.eventId ? eventById.get(m.eventId) : undefined;
    if (!contractor || !loaded?.event) {
      out.set(m.id, null);
      continue;
    }
    const sponsorId = typeof m.personalization?.sponsorId === "string" ? m.personalization.sponsorId : null;
    out.set(m.id, {
      contractor,
      event: loaded.event,
      attendee: m.attendeeId ? (attendeeById.get(m.attendeeId) ?? null) : null,
      agenda: loaded.agenda,
      sponsor: sponsorId ? (sponsorById.get(sponsorId) ?? null) : null,
      // The after-event types need a few facts of their own: the summaries prefetched above, the rest one query each.
      followup: m.type === "connection_summary" && m.attendeeId ? { summary: summaries.get(m.attendeeId) } : await loadFollowupFacts(db, m, loaded.event.id),
    });
  }
  return out;
}

/** The connection summaries a claimed batch sends, per event in one loadConnectionSummaries each (a burst of 100 of them). */
async function prefetchSummaries(db: Db, rows: Message[]): Promise<Map<string, ConnectionSummary>> {
  const byEvent = new Map<string, string[]>();
  for (const r of rows) {
    if (r.type !== "connection_summary" || !r.attendeeId || !r.eventId) continue;
    byEvent.set(r.eventId, [...(byEvent.get(r.eventId) ?? []), r.attendeeId]);
  }
  const maps = await Promise.all([...byEvent].map(([eventId, ids]) => loadConnectionSummaries(db, eventId, ids)));
  return new Map(maps.flatMap((m) => [...m]));
}
