import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, eventSpeakers, eventSponsors, recommendations, type Attendee, type Contractor, type Event } from "@/db/schema";
import { getAgenda } from "@/lib/events/queries";
import { attendeeLinks } from "@/lib/messaging/links";
import { formatTime } from "@/lib/messaging/templates/format";

/**
 * Everything the concierge may say, for one attendee (lib/concierge answers only from
 * this: SPEC §6 "never invents times or rooms"). Times are pre-formatted in the event's
 * zone so the model copies them instead of converting.
 */
export type AgendaFact = { id: string; type: string; title: string; room: string | null; start: string; end: string; startsAt: Date; endsAt: Date; speaker: string | null };
export type SponsorFact = { id: string; name: string; booth: string | null; offer: string | null; offerings: string[] };
export type PeerFact = { name: string; company: string | null; commonGround: string | null };

export type ConciergeFacts = {
  event: { name: string; venue: string | null; address: string | null; timezone: string; wifi: string | null; organizer: string; organizerPhone: string | null; organizerEmail: string | null; start: string; end: string };
  agenda: AgendaFact[];
  sponsors: SponsorFact[];
  plan: { sessions: AgendaFact[]; sponsors: SponsorFact[]; peers: PeerFact[] };
  agendaLink: string;
  attendeeName: string | null;
  now: Date;
};

export async function loadConciergeFacts(db: Db, who: { event: Event; attendee: Attendee; contractor: Contractor }, at: Date): Promise<ConciergeFacts> {
  const { event, attendee } = who;
  const zone = event.timezone;
  const [agendaRows, speakers, sponsorRows, recs] = await Promise.all([
    getAgenda(db, event.id),
    db.select().from(eventSpeakers).where(eq(eventSpeakers.eventId, event.id)),
    db.select().from(eventSponsors).where(and(eq(eventSponsors.eventId, event.id), isNull(eventSponsors.removedAt))).orderBy(asc(eventSponsors.sortOrder)),
    db.select().from(recommendations).where(eq(recommendations.attendeeId, attendee.id)).orderBy(asc(recommendations.rank)),
  ]);
  const speakerName = new Map(speakers.map((s) => [s.id, s.name]));
  const agenda: AgendaFact[] = agendaRows.map((a) => ({
    id: a.id, type: a.type, title: a.title, room: a.room, startsAt: a.startsAt, endsAt: a.endsAt,
    start: formatTime(a.startsAt, zone), end: formatTime(a.endsAt, zone), speaker: a.speakerId ? (speakerName.get(a.speakerId) ?? null) : null,
  }));
  const sponsors: SponsorFact[] = sponsorRows.map((s) => ({ id: s.id, name: s.name, booth: s.boothNumber, offer: s.specialOffer, offerings: s.offerings }));
  const peerIds = recs.filter((r) => r.kind === "peer").map((r) => r.targetId);
  const peerRows = peerIds.length
    ? await db
        .select({ id: eventAttendees.id, firstName: contractors.firstName, lastName: contractors.lastName, company: contractors.companyName })
        .from(eventAttendees)
        .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
        .where(inArray(eventAttendees.id, peerIds))
    : [];
  const peers = recs
    .filter((r) => r.kind === "peer")
    .map((r) => {
      const p = peerRows.find((x) => x.id === r.targetId);
      return p ? { name: [p.firstName, p.lastName].filter(Boolean).join(" "), company: p.company, commonGround: r.talkingPoint } : null;
    })
    .filter((p): p is PeerFact => p !== null);
  const byId = <T extends { id: string }>(list: T[], ids: string[]) => ids.map((id) => list.find((x) => x.id === id)).filter((x): x is T => Boolean(x));
  return {
    event: {
      name: event.name, venue: event.venue, address: event.address, timezone: zone, wifi: event.wifiInfo,
      organizer: event.organizerName ?? event.name, organizerPhone: event.organizerPhone, organizerEmail: event.organizerEmail,
      start: formatTime(event.startsAt, zone), end: formatTime(event.endsAt, zone),
    },
    agenda,
    sponsors,
    plan: {
      sessions: byId(agenda, recs.filter((r) => r.kind === "speaker").map((r) => r.targetId)),
      sponsors: byId(sponsors, recs.filter((r) => r.kind === "sponsor").map((r) => r.targetId)),
      peers,
    },
    agendaLink: attendeeLinks(event, attendee).agenda,
    attendeeName: who.contractor.firstName,
    now: at,
  };
}

/** The item on now and the next one to start (breaks included: "when is the break" is a fair question). */
export function nowAndNext(facts: ConciergeFacts): { now: AgendaFact[]; next: AgendaFact | null } {
  const t = facts.now.getTime();
  const current = facts.agenda.filter((a) => a.startsAt.getTime() <= t && a.endsAt.getTime() > t);
  const next = facts.agenda.find((a) => a.startsAt.getTime() > t) ?? null;
  return { now: current, next };
}
