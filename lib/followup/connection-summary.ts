import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { aiLearningEvents, contractors, eventAgendaItems, eventAttendees, eventSpeakers, eventSponsors, peerMatches, ratings } from "@/db/schema";

export type SummarySession = { title: string; startsAt: string; room: string | null; speaker: string | null; rating: number | null };
export type SummarySponsor = { name: string; boothNumber: string | null };
export type SummaryPeer = { name: string; company: string | null; email: string | null; phone: string | null; shared: boolean };
export type ConnectionSummary = { sessions: SummarySession[]; sponsors: SummarySponsor[]; peers: SummaryPeer[] };

/** Outcomes recorded against this attendee (lib/inbound/engagement.ts, the session scans). */
async function outcomesOf(db: Db, attendeeId: string, kinds: string[]) {
  return db
    .select({ targetId: sql<string>`${aiLearningEvents.context}->>'targetId'`, outcome: aiLearningEvents.outcome })
    .from(aiLearningEvents)
    .where(and(sql`${aiLearningEvents.context}->>'attendeeId' = ${attendeeId}`, inArray(aiLearningEvents.outcome, kinds)));
}

/**
 * SPEC §3 connection_summary: what this person did at the event, read at the moment of
 * sending: the sessions they attended or rated, the sponsors they visited, the peers they
 * met. A peer's email and phone appear only when that peer said yes to meeting this
 * person (their own YES or "met"), never because this person did (decision 0181).
 */
export async function loadConnectionSummary(db: Db, eventId: string, attendeeId: string): Promise<ConnectionSummary> {
  const [mine, myRatings] = await Promise.all([
    outcomesOf(db, attendeeId, ["attended", "scanned_in", "visited", "accepted", "met"]),
    db.select().from(ratings).where(and(eq(ratings.attendeeId, attendeeId), inArray(ratings.subject, ["session", "speaker"]))),
  ]);
  const agenda = await db
    .select({ item: eventAgendaItems, speaker: eventSpeakers.name })
    .from(eventAgendaItems)
    .leftJoin(eventSpeakers, eq(eventSpeakers.id, eventAgendaItems.speakerId))
    .where(eq(eventAgendaItems.eventId, eventId));
  const attended = new Set(mine.filter((o) => o.outcome === "attended" || o.outcome === "scanned_in").map((o) => o.targetId));
  const scoreOf = (itemId: string, speakerId: string | null) =>
    myRatings.find((r) => (r.subject === "session" && r.subjectId === itemId) || (r.subject === "speaker" && speakerId && r.subjectId === speakerId))?.score ?? null;
  const sessions = agenda
    .filter(({ item }) => attended.has(item.id) || scoreOf(item.id, item.speakerId) !== null)
    .sort((a, b) => a.item.startsAt.getTime() - b.item.startsAt.getTime())
    .map(({ item, speaker }) => ({
      title: item.title,
      startsAt: item.startsAt.toISOString(),
      room: item.room,
      speaker,
      rating: scoreOf(item.id, item.speakerId),
    }));

  const visitedIds = [...new Set(mine.filter((o) => o.outcome === "visited").map((o) => o.targetId))].filter(isUuid);
  const sponsors = visitedIds.length
    ? (await db.select().from(eventSponsors).where(inArray(eventSponsors.id, visitedIds))).map((s) => ({ name: s.name, boothNumber: s.boothNumber }))
    : [];

  const matches = await db
    .select()
    .from(peerMatches)
    .where(
      and(
        eq(peerMatches.eventId, eventId),
        inArray(peerMatches.status, ["accepted", "met"]),
        or(eq(peerMatches.attendeeAId, attendeeId), eq(peerMatches.attendeeBId, attendeeId)),
      ),
    );
  const peers: SummaryPeer[] = [];
  for (const m of matches) {
    const otherId = m.attendeeAId === attendeeId ? m.attendeeBId : m.attendeeAId;
    const iSaidYes = mine.some((o) => (o.outcome === "accepted" || o.outcome === "met") && o.targetId === otherId);
    const theirs = await outcomesOf(db, otherId, ["accepted", "met"]);
    const theySaidYes = theirs.some((o) => o.targetId === attendeeId);
    // A pair only one side agreed to is not a connection of the other.
    if (!iSaidYes && !theySaidYes && m.status !== "met") continue;
    const [other] = await db
      .select({ c: contractors })
      .from(eventAttendees)
      .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
      .where(eq(eventAttendees.id, otherId));
    if (!other) continue;
    const c = other.c;
    peers.push({
      name: [c.firstName, c.lastName].filter(Boolean).join(" ") || "A fellow attendee",
      company: c.companyName,
      email: theySaidYes ? c.email : null,
      phone: theySaidYes ? c.phone : null,
      shared: theySaidYes,
    });
  }
  return { sessions, sponsors, peers };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(s: string | null): s is string {
  return Boolean(s && UUID.test(s));
}
