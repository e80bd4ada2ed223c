/**
 * The score of one pair of attendees (SPEC §5.2 peers), with its reasons. The batch
 * matcher computes the same number from integer-encoded profiles (peer-encode.ts);
 * a test holds the two to agreement.
 */
import type { Reason } from "./reasons";
import { distinctTerms, normalizeCompany, normalizeTerm } from "./text";
import { relateTrades, tradesOf } from "./trades";
import type { MatchProfile } from "./types";
import { PEER_WEIGHTS as W } from "./weights";

/** A profile's comparison keys, computed once per profile rather than once per pair. */
export type PreparedPeer = {
  profile: MatchProfile;
  company: string;
  businessType: string;
  trades: string[];
  area: string;
  tier: string;
  /** 0 when unknown. */
  size: number;
  /** Normalized focus areas, and the attendee's spelling of each (same order). */
  focusKeys: string[];
  focusTerms: string[];
  focusSet: Set<string>;
};

export function preparePeer(profile: MatchProfile): PreparedPeer {
  const focus = distinctTerms(profile.focusAreas ?? []);
  return {
    profile,
    company: normalizeCompany(profile.companyName),
    businessType: normalizeTerm(profile.businessType),
    trades: tradesOf(profile.businessType),
    area: normalizeTerm(profile.serviceArea),
    tier: normalizeTerm(profile.revenueTier),
    size: profile.teamSize != null && profile.teamSize > 0 ? profile.teamSize : 0,
    focusKeys: focus.map((t) => t.key),
    focusTerms: focus.map((t) => t.term),
    focusSet: new Set(focus.map((t) => t.key)),
  };
}

/** Similar size, in hundredths: the size ratio from 0.5 up, else nothing. Shared with the batch encoder. */
export function sizePoints(a: number, b: number): number {
  if (a <= 0 || b <= 0) return 0;
  const ratio = Math.min(a, b) / Math.max(a, b);
  return ratio >= W.minSizeRatio ? Math.round(W.similarSize * ratio) : 0;
}

/**
 * The one scoring rule, in hundredths; -1 when the pair is forbidden (self, same
 * company, competitors = same trade in the same service area). Reasons are written
 * to `reasons` when given, so ranking many pairs allocates nothing.
 */
function scorePair(a: PreparedPeer, b: PreparedPeer, reasons: Reason[] | null): number {
  if (a.profile.attendeeId === b.profile.attendeeId) return -1;
  if (a.company !== "" && a.company === b.company) return -1;
  const sameArea = a.area !== "" && a.area === b.area;
  const relation = relateTrades(a.trades, b.trades, a.businessType, b.businessType);
  if (sameArea && relation === "same") return -1;

  let points = 0;
  const add = (p: number, r: () => Omit<Reason, "weight">) => {
    if (p <= 0) return;
    points += p;
    reasons?.push({ ...r(), weight: p / 100 });
  };
  let shared = 0;
  for (const k of a.focusKeys) if (b.focusSet.has(k)) shared++;
  add(W.sharedFocus * shared, () => ({ code: "shared_focus", values: a.focusTerms.filter((_, i) => b.focusSet.has(a.focusKeys[i])) }));
  const types = () => [a.profile.businessType!, b.profile.businessType!];
  if (relation === "complementary") add(W.complementaryTrades, () => ({ code: "complementary_business", values: types() }));
  else if (relation === "different" && sameArea) {
    add(W.sameAreaOtherTrade, () => ({ code: "complementary_business", values: types(), detail: "different trades, same service area" }));
  }
  add(sizePoints(a.size, b.size), () => ({ code: "similar_size", detail: `team sizes ${a.size} and ${b.size}` }));
  if (a.tier !== "" && a.tier === b.tier) add(W.sameRevenueTier, () => ({ code: "same_revenue_tier", values: [a.profile.revenueTier!] }));
  return points;
}

/** Points only (hundredths), -1 when forbidden: for ranking many pairs. */
export function pairPoints(a: PreparedPeer, b: PreparedPeer): number {
  return scorePair(a, b, null);
}

/** Points and reasons; null when forbidden. */
export function scorePreparedPair(a: PreparedPeer, b: PreparedPeer): { points: number; reasons: Reason[] } | null {
  const reasons: Reason[] = [];
  const points = scorePair(a, b, reasons);
  return points < 0 ? null : { points, reasons };
}

/** SPEC §5.2: null when the two may never be matched; score 0 means "no reason to meet". */
export function peerPairScore(a: MatchProfile, b: MatchProfile): { score: number; reasons: Reason[] } | null {
  const r = scorePreparedPair(preparePeer(a), preparePeer(b));
  return r && { score: r.points / 100, reasons: r.reasons };
}

/** The key of an unordered pair, as callers build `existingPairs`. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
