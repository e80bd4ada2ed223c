/** The deterministic matching engine (SPEC §5.2–§5.4): pure functions, no db, no clock. */
export * from "./types";
export * from "./reasons";
export { rankSessions } from "./sessions";
export { rankSponsors, sponsorTalkingPoint } from "./sponsors";
export { peerPairScore, pairKey } from "./peer-score";
export { matchPeersBatch, matchLateArrival, naiveAllPairs } from "./peers";
export { assignSponsorSlots, peerIntroductionTime, peerBatchTime, peerSlot } from "./slots";
export { tradeRelation } from "./trades";
export { DEFAULT_MATCH_WEIGHTS, type MatchWeights, type PeerWeights, type SessionWeights, type SponsorWeights } from "./weights";
