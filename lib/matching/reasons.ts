/**
 * The machine-readable reasons behind every recommendation (SPEC §5.2). The ranking
 * produces them; templates and the model turn them into sentences; the agenda page
 * and ai_learning_events store them. Codes are a contract: add, never rename.
 */
export const REASON_CODES = {
  // sessions / speakers
  topic_overlap: "the session covers focus areas of the attendee",
  speaker_focus_overlap: "the speaker's focus areas match the attendee's",
  business_type_fit: "the session suits the attendee's business type",
  speaker_pcr: "the speaker is highly rated (PCR score)",
  preference_match: "matches a stated preference",
  // sponsors
  offering_overlap: "the sponsor offers something in the attendee's focus areas",
  focus_overlap: "the sponsor's focus areas match the attendee's",
  revenue_tier_target: "the sponsor targets the attendee's revenue tier",
  sponsor_pcr: "the sponsor is highly rated (PCR score)",
  special_offer: "the sponsor has a special offer at the event",
  // peers
  shared_focus: "both work on the same focus areas",
  complementary_business: "their business types complement each other",
  similar_size: "their companies are a similar size",
  same_revenue_tier: "they are in the same revenue tier",
} as const;

export type ReasonCode = keyof typeof REASON_CODES;

export type Reason = {
  code: ReasonCode;
  /** This reason's contribution to the score. */
  weight: number;
  /** The matching values, e.g. the shared focus areas. */
  values?: string[];
  /** Free detail, e.g. "4.7" for a PCR score. */
  detail?: string;
};

export type RecommendationKind = "speaker" | "sponsor" | "peer";

export type RankedPick = {
  kind: RecommendationKind;
  /** Agenda item id (speaker kind), sponsor id, or the peer's attendee id. */
  targetId: string;
  rank: number;
  score: number;
  reasons: Reason[];
};
