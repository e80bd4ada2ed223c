/**
 * Every weight of the deterministic ranking in one place (SPEC §5.2), so a reason's
 * weight can be traced to a line here. Focus-area overlap dominates; PCR is modest
 * (at most 1 point for a 5.0) so a well-rated but off-topic speaker never beats a
 * relevant one, yet breaks ties between equally relevant ones.
 */
export const SESSION_WEIGHTS = {
  /** Per attendee focus area found in the session topics (or title). */
  topicOverlap: 3,
  /** Per attendee focus area among the speaker's focus areas. */
  speakerFocusOverlap: 1.5,
  /** The business type named in the title or topics. */
  businessTypeFit: 2,
  /** Times PCR/5 (PCR is 0–5). */
  speakerPcr: 1,
  /** Per stated preferred topic found; a matching preferred format counts once. */
  preferredTopic: 2,
  preferredFormat: 1,
} as const;

export const SPONSOR_WEIGHTS = {
  /** Per attendee focus area found in an offering. */
  offeringOverlap: 3,
  /** Per attendee focus area among the sponsor's focus areas. */
  focusOverlap: 1.5,
  revenueTierTarget: 2,
  /** Times PCR/5. */
  sponsorPcr: 1,
  specialOffer: 0.5,
} as const;

/**
 * Peer weights in hundredths: the batch matcher scores 10,000 people in integers,
 * and the explained scorer must give the very same number.
 */
export const PEER_WEIGHTS = {
  sharedFocus: 200,
  complementaryTrades: 250,
  /** Different trades serving the same area: they meet the same customers without competing. */
  sameAreaOtherTrade: 100,
  /** Times the team-size ratio (smaller/larger), only from a ratio of 0.5 up. */
  similarSize: 100,
  minSizeRatio: 0.5,
  sameRevenueTier: 100,
} as const;

/** The most a pair can score apart from shared focus areas (the batch matcher's bound). */
export const PEER_MAX_WITHOUT_FOCUS =
  PEER_WEIGHTS.complementaryTrades + PEER_WEIGHTS.similarSize + PEER_WEIGHTS.sameRevenueTier;

type Mutable<T> = { -readonly [K in keyof T]: number };
export type SessionWeights = Mutable<typeof SESSION_WEIGHTS>;
export type SponsorWeights = Mutable<typeof SPONSOR_WEIGHTS>;
/** Hundredths, integers (the batch matcher's arithmetic); minSizeRatio is a threshold, never learned. */
export type PeerWeights = Mutable<typeof PEER_WEIGHTS>;

/**
 * The weights one ranking uses: today's constants unless the organizer's matcher has
 * learned others (lib/learning, decision 0185). Only these numbers can change who is picked.
 */
export type MatchWeights = { session: SessionWeights; sponsor: SponsorWeights; peer: PeerWeights };

export const DEFAULT_MATCH_WEIGHTS: MatchWeights = Object.freeze({
  session: Object.freeze({ ...SESSION_WEIGHTS }),
  sponsor: Object.freeze({ ...SPONSOR_WEIGHTS }),
  peer: Object.freeze({ ...PEER_WEIGHTS }),
}) as MatchWeights;

/** The most a pair can score apart from shared focus areas, for any peer weights. */
export function peerMaxWithoutFocus(w: PeerWeights): number {
  return Math.max(w.complementaryTrades, w.sameAreaOtherTrade) + w.similarSize + w.sameRevenueTier;
}
