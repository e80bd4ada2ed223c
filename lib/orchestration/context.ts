import { and, eq, inArray, isNotNull, isNull, ne, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  contractors, eventAgendaItems, eventAttendees, eventSpeakers, eventSponsors, events, peerMatches,
  type Contractor, type Attendee,
} from "@/db/schema";
import type { MatchProfile, SessionCandidate, SponsorCandidate } from "@/lib/matching";
import { pairKey } from "@/lib/matching";
import { activeWeights, organizerKey } from "@/lib/learning/store";

export function toMatchProfile(a: Pick<Attendee, "id">, c: Contractor): MatchProfile {
  return {
    attendeeId: a.id,
    contractorId: c.id,
    companyName: c.companyName,
    businessType: c.businessType,
    serviceArea: c.serviceArea,
    revenueTier: c.revenueTier,
    teamSize: c.teamSize,
    focusAreas: c.focusAreas,
    preferences: c.preferences,
  };
}

/** The agenda (with speakers) as the matching engine sees it. */
export async function loadSessions(db: Db, eventId: string): Promise<SessionCandidate[]> {
  const rows = await db
    .select({ item: eventAgendaItems, speaker: eventSpeakers })
    .from(eventAgendaItems)
    .leftJoin(eventSpeakers, eq(eventSpeakers.id, eventAgendaItems.speakerId))
    .where(and(eq(eventAgendaItems.eventId, eventId), isNull(eventAgendaItems.cancelledAt)));
  return rows.map(({ item, speaker }) => ({
    id: item.id,
    type: item.type,
    title: item.title,
    room: item.room,
    startsAt: item.startsAt,
    endsAt: item.endsAt,
    topics: item.topics,
    speaker: speaker
      ? { id: speaker.id, name: speaker.name, company: speaker.company, focusAreas: speaker.focusAreas, pcrScore: speaker.pcrScore }
      : null,
  }));
}

export async function loadSponsors(db: Db, eventId: string): Promise<SponsorCandidate[]> {
  const rows = await db
    .select()
    .from(eventSponsors)
    .where(and(eq(eventSponsors.eventId, eventId), isNull(eventSponsors.removedAt)));
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    boothNumber: s.boothNumber,
    offerings: s.offerings,
    focusAreas: s.focusAreas,
    targetRevenueTiers: s.targetRevenueTiers,
    specialOffer: s.specialOffer,
    talkingPoints: s.talkingPoints,
    pcrScore: s.pcrScore,
  }));
}

/** Everyone checked in (not cancelled) with their contact, as peers. */
export async function loadCheckedInPool(db: Db, eventId: string) {
  const rows = await db
    .select({ attendee: eventAttendees, contractor: contractors })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .where(and(eq(eventAttendees.eventId, eventId), isNotNull(eventAttendees.checkInTime), isNull(eventAttendees.cancelledAt)));
  return rows;
}

/** Existing pairs and how many peers each attendee already has (SPEC: nobody more than 3). */
export async function loadPeerState(db: Db, eventId: string, onlyFor?: string[]) {
  const rows = await db
    .select({ a: peerMatches.attendeeAId, b: peerMatches.attendeeBId })
    .from(peerMatches)
    .where(
      and(
        eq(peerMatches.eventId, eventId),
        onlyFor ? or(inArray(peerMatches.attendeeAId, onlyFor), inArray(peerMatches.attendeeBId, onlyFor)) : undefined,
      ),
    );
  const counts = new Map<string, number>();
  const pairs = new Set<string>();
  for (const r of rows) {
    pairs.add(pairKey(r.a, r.b));
    counts.set(r.a, (counts.get(r.a) ?? 0) + 1);
    counts.set(r.b, (counts.get(r.b) ?? 0) + 1);
  }
  return { counts, pairs };
}

/** Attendees of the event who already have `max` peers (they cannot take another). */
function fullAttendees(db: Db, eventId: string, max: number) {
  const ends = sql`(select ${peerMatches.attendeeAId} as id from ${peerMatches} where ${peerMatches.eventId} = ${eventId}
    union all select ${peerMatches.attendeeBId} as id from ${peerMatches} where ${peerMatches.eventId} = ${eventId}) ends`;
  return db.select({ id: sql<string>`ends.id` }).from(ends).groupBy(sql`ends.id`).having(sql`count(*) >= ${max}`);
}

/**
 * Everything the plan for one checked-in attendee needs. The peer pool is only
 * loaded after the batch (before it, peers come from the batch), and only people
 * with room for another peer: after lunch that is a handful, not the whole event.
 */
export async function loadPlanContext(db: Db, attendeeId: string, maxPeers = 3) {
  const [row] = await db
    .select({ attendee: eventAttendees, contractor: contractors, event: events })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .innerJoin(events, eq(events.id, eventAttendees.eventId))
    .where(eq(eventAttendees.id, attendeeId));
  if (!row) return null;
  const eventId = row.event.id;
  const [sessions, sponsors, pool, peerState, weights] = await Promise.all([
    loadSessions(db, eventId),
    loadSponsors(db, eventId),
    row.event.peerBatchRanAt
      ? db
          .select({ attendee: eventAttendees, contractor: contractors })
          .from(eventAttendees)
          .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
          .where(
            and(
              eq(eventAttendees.eventId, eventId),
              isNotNull(eventAttendees.checkInTime),
              isNull(eventAttendees.cancelledAt),
              ne(eventAttendees.id, attendeeId),
              notInArray(eventAttendees.id, fullAttendees(db, eventId, maxPeers)),
            ),
          )
      : Promise.resolve([]),
    loadPeerState(db, eventId, [attendeeId]),
    // The organizer's learned weights (lib/learning); today's constants when none are active.
    activeWeights(db, organizerKey(row.event)),
  ]);
  return { ...row, sessions, sponsors, pool, peerState, weights };
}

export type PlanContext = NonNullable<Awaited<ReturnType<typeof loadPlanContext>>>;
