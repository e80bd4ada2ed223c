/**
 * The features of the existing scores (lib/matching), read back from a
 * recommendation's stored reasons: each is the number its weight multiplies
 * (a count of matches, PCR/5, a size ratio, or 1). score = Σ weight × feature, so a
 * fit on these features is a fit of the very weights the ranking uses.
 */
import type { RecommendationKind } from "@/db/schema";
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights } from "@/lib/matching/weights";

type StoredReason = { code: string; weight: number; values?: string[]; detail?: string };

/** The learned weights per kind, in the order of a feature vector. minSizeRatio is a threshold, not a weight. */
export const FEATURES = {
  speaker: ["topicOverlap", "speakerFocusOverlap", "businessTypeFit", "speakerPcr", "preferredTopic", "preferredFormat"],
  sponsor: ["offeringOverlap", "focusOverlap", "revenueTierTarget", "sponsorPcr", "specialOffer"],
  peer: ["sharedFocus", "complementaryTrades", "sameAreaOtherTrade", "similarSize", "sameRevenueTier"],
} as const satisfies Record<RecommendationKind, readonly string[]>;

/** What each weight rewards, as the console shows it (the identifier stays beside it). */
export const FEATURE_LABEL: Record<string, string> = {
  topicOverlap: "Session topic matches a focus area (each)",
  speakerFocusOverlap: "Speaker shares a focus area (each)",
  businessTypeFit: "Aimed at their business type",
  speakerPcr: "Speaker's rating (PCR ÷ 5)",
  preferredTopic: "A topic they asked for (each)",
  preferredFormat: "The format they prefer",
  offeringOverlap: "Offering matches a focus area (each)",
  focusOverlap: "Sponsor shares a focus area (each)",
  revenueTierTarget: "Targets their revenue tier",
  sponsorPcr: "Sponsor's rating (PCR ÷ 5)",
  specialOffer: "Has a special offer",
  sharedFocus: "Shared focus area (each)",
  complementaryTrades: "Complementary trades",
  sameAreaOtherTrade: "Another trade in the same area",
  similarSize: "Similar team size (ratio)",
  sameRevenueTier: "Same revenue tier",
};

/** Peer weights are hundredths of a point; the fit works in points. */
export const UNIT: Record<RecommendationKind, number> = { speaker: 1, sponsor: 1, peer: 100 };

export function weightSection(kind: RecommendationKind): "session" | "sponsor" | "peer" {
  return kind === "speaker" ? "session" : kind;
}

/** Defaults of one kind as a vector in points. */
export function defaultVector(kind: RecommendationKind): number[] {
  return vectorOf(kind, DEFAULT_MATCH_WEIGHTS[weightSection(kind)] as Record<string, number>);
}

export function vectorOf(kind: RecommendationKind, w: Record<string, number>): number[] {
  return FEATURES[kind].map((k) => (w[k] ?? 0) / UNIT[kind]);
}

/** A vector (points) back to the stored weights of its kind (peers rounded to whole hundredths). */
export function weightsOf(kind: RecommendationKind, v: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  FEATURES[kind].forEach((k, i) => {
    out[k] = kind === "peer" ? Math.round(v[i] * UNIT.peer) : Math.round(v[i] * 1000) / 1000;
  });
  return out;
}

/** Today's weights with `learned` laid over the kinds it has. */
export function withLearned(learned: Partial<Record<RecommendationKind, Record<string, number>>>): MatchWeights {
  const d = DEFAULT_MATCH_WEIGHTS;
  return {
    session: { ...d.session, ...(learned.speaker ?? {}) },
    sponsor: { ...d.sponsor, ...(learned.sponsor ?? {}) },
    peer: { ...d.peer, ...(learned.peer ?? {}), minSizeRatio: d.peer.minSizeRatio },
  };
}

const count = (r: StoredReason) => (Array.isArray(r.values) && r.values.length > 0 ? r.values.length : 1);
const pcr = (r: StoredReason) => {
  const v = Number(r.detail);
  return Number.isFinite(v) && v > 0 ? Math.min(v, 5) / 5 : 0;
};
const sizeRatio = (r: StoredReason) => {
  const m = /(\d+(?:\.\d+)?)\D+(\d+(?:\.\d+)?)/.exec(r.detail ?? "");
  if (!m) return 0;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a > 0 && b > 0 ? Math.min(a, b) / Math.max(a, b) : 0;
};

/** The feature vector of one recommendation from its reasons (see lib/matching/sessions.ts, sponsors.ts, peer-score.ts). */
export function featuresOf(kind: RecommendationKind, reasons: StoredReason[]): number[] {
  const names = FEATURES[kind] as readonly string[];
  const x = new Array<number>(names.length).fill(0);
  const add = (name: string, v: number) => {
    const i = names.indexOf(name);
    if (i >= 0) x[i] += v;
  };
  for (const r of reasons) {
    switch (r.code) {
      case "topic_overlap": add("topicOverlap", count(r)); break;
      case "speaker_focus_overlap": add("speakerFocusOverlap", count(r)); break;
      case "business_type_fit": add("businessTypeFit", 1); break;
      case "speaker_pcr": add("speakerPcr", pcr(r)); break;
      case "preference_match": add(r.detail === "format" ? "preferredFormat" : "preferredTopic", r.detail === "format" ? 1 : count(r)); break;
      case "offering_overlap": add("offeringOverlap", count(r)); break;
      case "focus_overlap": add("focusOverlap", count(r)); break;
      case "revenue_tier_target": add("revenueTierTarget", 1); break;
      case "sponsor_pcr": add("sponsorPcr", pcr(r)); break;
      case "special_offer": add("specialOffer", 1); break;
      case "shared_focus": add("sharedFocus", count(r)); break;
      case "complementary_business": add(r.detail ? "sameAreaOtherTrade" : "complementaryTrades", 1); break;
      case "similar_size": add("similarSize", sizeRatio(r)); break;
      case "same_revenue_tier": add("sameRevenueTier", 1); break;
    }
  }
  return x;
}
