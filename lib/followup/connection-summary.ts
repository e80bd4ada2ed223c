import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { aiLearningEvents, contractors, eventAgendaItems, eventAttendees, eventSpeakers, eventSponsors, peerMatches, ratings } from "@/db/schema";

export type SummarySession = { title: string; startsAt: string; room: string | null; speaker: string | null; rating: number | null };
export type SummarySponsor = { name: string; boothNumber: string | null };
export type SummaryPeer = { name: string; company: string | null; email: string | null; phone: string | null; shared: boolean };
export type ConnectionSummary = { sessions: SummarySession[]; sponsors: SummarySponsor[]; peers: SummaryPeer[] };

/** Outcomes recorded against these attendees (lib/inbound/engagement.ts, the session scans), on the attendee index. */
async function outcomesOf(db: Db, attendeeIds: string[], kinds: string[]) {
  if (attendeeIds.length === 0) return [];
  const attendeeKey = sql<string>`${aiLearningEvents.context}->>'attendeeId'`;
  return db
    .select({ attendeeId: attendeeKey, targetId: sql<string>`${aiLearningEvents.context}->>'targetId'`, outcome: aiLearningEvents.outcome })
    .from(aiLearningEvents)
    .where(and(inArray(attendeeKey, attendeeIds), inArray(aiLearningEvents.outcome, kinds)));
}

/** `xs` by `key`, in their order. */
export function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/**
 * SPEC §3 connection_summary: what this person did at the event, read at the moment of
 * sending: the sessions they attended or rated, the sponsors they visited, the peers they
 * met. A peer's email and phone appear only when that peer said yes to meeting this
 * person (their own YES or "met"), never because this person did (decision 0181).
 */
export async function loadConnectionSummary(db: Db, eventId: string, attendeeId: string): Promise<ConnectionSummary> {
  return (await loadConnectionSummaries(db, eventId, [attendeeId])).get(attendeeId)!;
}

/**
 * The connection summaries of several attendees of one event in a fixed number of queries
 * (the outcomes, ratings, agenda, sponsors, matches, the peers' own outcomes and contacts,
 * each by `IN`), for a claimed batch of summary emails (issue 13: one by one, 100 of them
 * took ~1.4 s in the 10,000-attendee replay). One attendee's summary is the same as alone.
 */
export async function loadConnectionSummaries(db: Db, eventId: string, attendeeIds: string[]): Promise<Map<string, ConnectionSummary>> {
  const ids = [...new Set(attendeeIds)];
  const out = new Map<string, ConnectionSummary>();
  if (ids.length === 0) return out;
  const [mineAll, ratingsAll, agenda, matches] = await Promise.all([
    outcomesOf(db, ids, ["attended", "scanned_in", "visited", "accepted", "met"]),
    db.select().from(ratings).where(and(inArray(ratings.attendeeId, ids), inArray(ratings.subject, ["session", "speaker"]))),
    db
      .select({ item: eventAgendaItems, speaker: eventSpeakers.name })
      .from(eventAgendaItems)
      .leftJoin(eventSpeakers, eq(eventSpeakers.id, eventAgendaItems.speakerId))
      .where(eq(eventAgendaItems.eventId, eventId)),
    db
      .select()
      .from(peerMatches)
      .where(
        and(
          eq(peerMatches.eventId, eventId),
          inArray(peerMatches.status, ["accepted", "met"]),
          or(inArray(peerMatches.attendeeAId, ids), inArray(peerMatches.attendeeBId, ids)),
        ),
      ),
  ]);
  const mineBy = groupBy(mineAll, (o) => o.attendeeId);
  const ratingsBy = groupBy(ratingsAll, (r) => r.attendeeId);
  const visitedAll = visitedSponsorIds(mineAll);
  const otherIds = [...new Set(matches.flatMap((m) => [m.attendeeAId, m.attendeeBId]))];
  const [sponsorRows, theirsAll, others] = await Promise.all([
    visitedAll.length ? db.select().from(eventSponsors).where(inArray(eventSponsors.id, visitedAll)) : [],
    outcomesOf(db, otherIds, ["accepted", "met"]),
    otherIds.length
      ? db
          .select({ attendeeId: eventAttendees.id, c: contractors })
          .from(eventAttendees)
          .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
          .where(inArray(eventAttendees.id, otherIds))
      : [],
  ]);
  const sponsorById = new Map(sponsorRows.map((s) => [s.id, s]));
  const theirsBy = groupBy(theirsAll, (o) => o.attendeeId);
  const contractorOf = new Map(others.map((o) => [o.attendeeId, o.c]));
  const sortedAgenda = [...agenda].sort((a, b) => a.item.startsAt.getTime() - b.item.startsAt.getTime());

  for (const attendeeId of ids) {
    const mine = mineBy.get(attendeeId) ?? [];
    const myRatings = ratingsBy.get(attendeeId) ?? [];
    const attended = new Set(mine.filter((o) => o.outcome === "attended" || o.outcome === "scanned_in").map((o) => o.targetId));
    const scoreOf = (itemId: string, speakerId: string | null) =>
      myRatings.find((r) => (r.subject === "session" && r.subjectId === itemId) || (r.subject === "speaker" && speakerId && r.subjectId === speakerId))?.score ?? null;
    const sessions = sortedAgenda
      .filter(({ item }) => attended.has(item.id) || scoreOf(item.id, item.speakerId) !== null)
      .map(({ item, speaker }) => ({
        title: item.title,
        startsAt: item.startsAt.toISOString(),
        room: item.room,
        speaker,
        rating: scoreOf(item.id, item.speakerId),
      }));

    const sponsors = visitedSponsorIds(mine).flatMap((id) => {
      const s = sponsorById.get(id);
      return s ? [{ name: s.name, boothNumber: s.boothNumber }] : [];
    });

    const peers: SummaryPeer[] = [];
    for (const m of matches) {
      if (m.attendeeAId !== attendeeId && m.attendeeBId !== attendeeId) continue;
      const otherId = m.attendeeAId === attendeeId ? m.attendeeBId : m.attendeeAId;
      const iSaidYes = mine.some((o) => (o.outcome === "accepted" || o.outcome === "met") && o.targetId === otherId);
      const theySaidYes = (theirsBy.get(otherId) ?? []).some((o) => o.targetId === attendeeId);
      // A pair only one side agreed to is not a connection of the other.
      if (!iSaidYes && !theySaidYes && m.status !== "met") continue;
      const c = contractorOf.get(otherId);
      if (!c) continue;
      peers.push({
        name: [c.firstName, c.lastName].filter(Boolean).join(" ") || "A fellow attendee",
        company: c.companyName,
        email: theySaidYes ? c.email : null,
        phone: theySaidYes ? c.phone : null,
        shared: theySaidYes,
      });
    }
    out.set(attendeeId, { sessions, sponsors, peers });
  }
  return out;
}

/** The sponsors these outcomes visited, once each, in the order first visited. */
function visitedSponsorIds(outcomes: Array<{ outcome: string | null; targetId: string | null }>): string[] {
  return [...new Set(outcomes.filter((o) => o.outcome === "visited").map((o) => o.targetId))].filter(isUuid);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(s: string | null): s is string {
  return Boolean(s && UUID.test(s));
}
