/**
 * The matching engine's inputs and outputs: plain objects, so the engine stays pure
 * (no db, no clock). lib/checkin maps rows to these; `now` is always a parameter.
 */
import type { Reason } from "./reasons";
import type { PeerWeights } from "./weights";

/** What is known about an attendee. Any field may be missing: a profile incomplete at check-in still gets a plan. */
export type MatchProfile = {
  attendeeId: string;
  contractorId: string;
  companyName: string | null;
  businessType: string | null;
  serviceArea: string | null;
  revenueTier: string | null;
  teamSize: number | null;
  focusAreas: string[];
  /** Free JSON from the profile; read: topics, avoid_topics, session_format (string or string[]). */
  preferences: Record<string, unknown>;
};

export type AgendaType = "session" | "keynote" | "panel" | "break" | "lunch" | "networking";

export type SessionCandidate = {
  id: string;
  type: AgendaType;
  title: string;
  room: string | null;
  startsAt: Date;
  endsAt: Date;
  topics: string[];
  cancelled?: boolean;
  speaker?: {
    id: string;
    name: string;
    company: string | null;
    focusAreas: string[];
    pcrScore: number | null;
  } | null;
};

export type SponsorCandidate = {
  id: string;
  name: string;
  boothNumber: string | null;
  offerings: string[];
  focusAreas: string[];
  targetRevenueTiers: string[];
  specialOffer: string | null;
  talkingPoints: string[];
  pcrScore: number | null;
  removed?: boolean;
};

/** A mutual peer match; `a < b` by attendeeId (code-unit order). */
export type PeerPair = { a: string; b: string; score: number; reasons: Reason[] };

export type PeerOptions = {
  /** Nobody is introduced to more than this many peers (SPEC §5.4: 3). */
  maxPerPerson: number;
  /** Candidates kept per person before the greedy step (batch only). */
  candidatesPerPerson?: number;
  /** The organizer's learned peer weights (hundredths); today's constants when absent. */
  weights?: PeerWeights;
};

export type RankOptions = { limit?: number };

/** A sponsor's message time, or `slotId: null` when it only appears on the agenda page. */
export type SponsorSlot =
  | { sponsorId: string; slotId: string; sendAt: Date }
  | { sponsorId: string; slotId: null; sendAt: null };
