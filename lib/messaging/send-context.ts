import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, eventFeedback, eventSponsors, events, type AgendaItem, type Event, type Message } from "@/db/schema";
import { getAgenda } from "@/lib/events/queries";
import { groupBy, loadConnectionSummaries, type ConnectionSummary } from "@/lib/followup/connection-summary";

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
  const facts = await loadFollowupFacts(db, [{ key: "one", eventId: event.id, attendeeId: m.attendeeId, contractorId: m.contractorId, type: m.type }]);
  return { contractor, event, attendee, agenda, sponsor, followup: facts.get("one") ?? {} };
}

/** What the after-event and between-events messages decide on at send (lib/followup). */
export type FollowupFacts = { summary?: ConnectionSummary; feedbackGiven?: boolean; registered?: boolean };

type FollowupRow = { key: string; eventId: string; attendeeId: string | null; contractorId: string; type?: Message["type"] };

/**
 * The follow-up facts of a claimed batch (or of one row) in a fixed number of queries: the
 * connection summaries per event (loadConnectionSummaries), the feedback already given and the
 * registrations of the invited, one `IN` query each. Keyed by `key` (the row id).
 */
async function loadFollowupFacts(db: Db, rows: FollowupRow[]): Promise<Map<string, FollowupFacts>> {
  const out = new Map<string, FollowupFacts>();
  const summaryRows = rows.filter((r) => r.type === "connection_summary" && r.attendeeId);
  const feedbackRows = rows.filter((r) => r.type === "feedback_request" && r.attendeeId);
  const invitationRows = rows.filter((r) => r.type === "event_invitation");
  const [summaries, given, registered] = await Promise.all([
    Promise.all(
      [...groupBy(summaryRows, (r) => r.eventId)].map(([eventId, rs]) => loadConnectionSummaries(db, eventId, rs.map((r) => r.attendeeId!))),
    ).then((maps) => new Map(maps.flatMap((m) => [...m]))),
    feedbackRows.length
      ? db
          .select({ attendeeId: eventFeedback.attendeeId })
          .from(eventFeedback)
          .where(inArray(eventFeedback.attendeeId, unique(feedbackRows.map((r) => r.attendeeId))))
          .then((fs) => new Set(fs.map((f) => f.attendeeId)))
      : new Set<string>(),
    invitationRows.length
      ? db
          .select({ eventId: eventAttendees.eventId, contractorId: eventAttendees.contractorId })
          .from(eventAttendees)
          .where(and(inArray(eventAttendees.eventId, unique(invitationRows.map((r) => r.eventId))), inArray(eventAttendees.contractorId, unique(invitationRows.map((r) => r.contractorId)))))
          .then((as) => new Set(as.map((a) => `${a.eventId}/${a.contractorId}`)))
      : new Set<string>(),
  ]);
  for (const r of summaryRows) out.set(r.key, { summary: summaries.get(r.attendeeId!) });
  for (const r of feedbackRows) out.set(r.key, { feedbackGiven: given.has(r.attendeeId!) });
  for (const r of invitationRows) out.set(r.key, { registered: registered.has(`${r.eventId}/${r.contractorId}`) });
  return out;
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
  const followupRows = rows.flatMap((r) => (r.eventId ? [{ key: r.id, eventId: r.eventId, attendeeId: r.attendeeId, contractorId: r.contractorId, type: r.type }] : []));
  const [cs, as, ss, evs, facts] = await Promise.all([
    contractorIds.length ? db.select().from(contractors).where(inArray(contractors.id, contractorIds)) : [],
    attendeeIds.length ? db.select().from(eventAttendees).where(inArray(eventAttendees.id, attendeeIds)) : [],
    sponsorIds.length ? db.select().from(eventSponsors).where(inArray(eventSponsors.id, sponsorIds)) : [],
    Promise.all(eventIds.map(async (id) => [id, await loadEvent(db, id, cache)] as const)),
    loadFollowupFacts(db, followupRows),
  ]);
  const contractorById = new Map(cs.map((c) => [c.id, c]));
  const attendeeById = new Map(as.map((a) => [a.id, a]));
  const sponsorById = new Map(ss.map((s) => [s.id, s]));
  const eventById = new Map(evs);
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
      followup: facts.get(m.id) ?? {},
    });
  }
  return out;
}
