import type { PeerPick, PersonalizeInput, SessionPick, SponsorPick, AttendeeProfile } from "@/lib/ai/types";
import {
  assignSponsorSlots, matchLateArrival, peerIntroductionTime, rankSessions, rankSponsors, sponsorTalkingPoint,
  type RankedPick,
} from "@/lib/matching";
import { toMatchProfile, type PlanContext } from "./context";
import { ratingRequestAt, sessionAlertAt } from "./messages";

export const MAX_PEERS = 3;

/**
 * The deterministic half of a plan, JSON-safe (it crosses Inngest steps): who is
 * recommended, why (reasons), when each message goes, and the inputs the sentence
 * writer needs. A model never changes any of it.
 */
export type DeterministicPlan = {
  attendeeId: string;
  eventId: string;
  sessions: Array<RankedPick & { alertAt: string; ratingAt: string }>;
  sponsors: Array<RankedPick & { talkingPoint: string; sendAt: string | null; slotId?: string | null }>;
  /** Late arrival (after the batch): pairs introduced at once. Before the batch: empty. */
  peers: Array<RankedPick & { pairScore: number }>;
  peerIntroAt: string | null;
  peerBatchRan: boolean;
  writer: {
    sessions: PersonalizeInput<SessionPick>;
    sponsors: PersonalizeInput<SponsorPick>;
    peers: PersonalizeInput<PeerPick>;
    /** What each new peer is told about this attendee, one input per entry of `peers`. */
    counterparts: PersonalizeInput<PeerPick>[];
  };
};

export function rankPlan(ctx: PlanContext, now: Date): DeterministicPlan {
  const profile = toMatchProfile(ctx.attendee, ctx.contractor);
  // The only way learning changes a pick: the organizer's weights (lib/learning, decision 0185).
  const sessions = rankSessions(profile, ctx.sessions, now, { weights: ctx.weights.session });
  const sponsorPicks = rankSponsors(profile, ctx.sponsors, { weights: ctx.weights.sponsor });
  const slots = assignSponsorSlots(sponsorPicks, ctx.sessions, now);
  const peerBatchRan = Boolean(ctx.event.peerBatchRanAt);
  const pool = ctx.pool.filter((p) => p.attendee.id !== ctx.attendee.id);
  const latePairs = peerBatchRan
    ? matchLateArrival(profile, pool.map((p) => toMatchProfile(p.attendee, p.contractor)), ctx.peerState.counts, ctx.peerState.pairs, {
        maxPerPerson: MAX_PEERS,
        weights: ctx.weights.peer,
      })
    : [];
  const byId = new Map(ctx.sessions.map((s) => [s.id, s]));
  const sponsorsById = new Map(ctx.sponsors.map((s) => [s.id, s]));
  const poolById = new Map(pool.map((p) => [p.attendee.id, p]));

  const sessionPlan = sessions.map((pick) => {
    const s = byId.get(pick.targetId)!;
    return {
      ...pick,
      alertAt: sessionAlertAt(s.startsAt, now).toISOString(),
      ratingAt: ratingRequestAt(s.endsAt).toISOString(),
    };
  });
  const sponsorPlan = sponsorPicks.map((pick) => {
    const sponsor = sponsorsById.get(pick.targetId)!;
    const slot = slots.find((x) => x.sponsorId === pick.targetId);
    return {
      ...pick,
      talkingPoint: sponsorTalkingPoint(profile, sponsor, pick.reasons),
      sendAt: slot?.sendAt ? slot.sendAt.toISOString() : null,
      slotId: slot?.slotId ?? null,
    };
  });
  const peerPlan = latePairs.map((pair, i) => ({
    kind: "peer" as const,
    targetId: pair.a === ctx.attendee.id ? pair.b : pair.a,
    rank: i + 1,
    score: pair.score,
    reasons: pair.reasons,
    pairScore: pair.score,
  }));
  const intro = peerIntroductionTime(ctx.sessions);

  const attendee = writerProfile(ctx.contractor);
  const base = { attendee, eventName: ctx.event.name, timeZone: ctx.event.timezone };
  return {
    attendeeId: ctx.attendee.id,
    eventId: ctx.event.id,
    sessions: sessionPlan,
    sponsors: sponsorPlan,
    peers: peerPlan,
    peerIntroAt: intro ? intro.toISOString() : null,
    peerBatchRan,
    writer: {
      sessions: {
        ...base,
        picks: sessionPlan.map((p) => {
          const s = byId.get(p.targetId)!;
          return {
            targetId: s.id, title: s.title, startsAt: s.startsAt.toISOString(), room: s.room,
            speakerName: s.speaker?.name ?? null, speakerCompany: s.speaker?.company ?? null, topics: s.topics, reasons: p.reasons,
          };
        }),
      },
      sponsors: {
        ...base,
        picks: sponsorPlan.map((p) => {
          const s = sponsorsById.get(p.targetId)!;
          return {
            targetId: s.id, name: s.name, boothNumber: s.boothNumber, offerings: s.offerings,
            specialOffer: s.specialOffer, talkingPoint: p.talkingPoint, reasons: p.reasons,
          };
        }),
      },
      peers: {
        ...base,
        picks: peerPlan.map((p) => peerPickFor(poolById.get(p.targetId)!.contractor, p.targetId, p.reasons)),
      },
      counterparts: peerPlan.map((p) => ({
        ...base,
        attendee: writerProfile(poolById.get(p.targetId)!.contractor),
        picks: [peerPickFor(ctx.contractor, ctx.attendee.id, p.reasons)],
      })),
    },
  };
}

export function writerProfile(c: PlanContext["contractor"]): AttendeeProfile {
  return {
    firstName: c.firstName, companyName: c.companyName, businessType: c.businessType, serviceArea: c.serviceArea,
    revenueTier: c.revenueTier, teamSize: c.teamSize, focusAreas: c.focusAreas, language: c.language === "es" ? "es" : "en",
  };
}

export function peerPickFor(c: PlanContext["contractor"], targetId: string, reasons: RankedPick["reasons"]): PeerPick {
  return {
    targetId, firstName: c.firstName, lastName: c.lastName, companyName: c.companyName, businessType: c.businessType,
    serviceArea: c.serviceArea, focusAreas: c.focusAreas, reasons,
  };
}
