/**
 * The score of one pair of attendees (SPEC §5.2 peers), with its reasons. The batch
 * matcher computes the same number from integer-encoded profiles (peer-encode.ts);
 * a test holds the two to agreement.
 */
import type { Reason } from "./reasons";
import { normalizeCompany, normalizeTerm } from "./text";
import { relateTrades, tradesOf } from "./trades";
import type { MatchProfile } from "./types";
import { PEER_WEIGHTS, type PeerWeights } from "./weights";

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

/**
 * Normalizations already done, by raw string: business types, areas, tiers and focus
 * areas repeat across a pool, so preparing 2,000 profiles does ~50 normalizations, not 12,000.
 */
export type PrepareMemo = { terms: Map<string, string>; trades: Map<string, string[]> };

export function prepareMemo(): PrepareMemo {
  return { terms: new Map(), trades: new Map() };
}

function term(memo: PrepareMemo, raw: string | null | undefined): string {
  if (!raw) return "";
  let key = memo.terms.get(raw);
  if (key === undefined) memo.terms.set(raw, (key = normalizeTerm(raw)));
  return key;
}

export function preparePeer(profile: MatchProfile, memo: PrepareMemo = prepareMemo()): PreparedPeer {
  const focusKeys: string[] = [];
  const focusTerms: string[] = [];
  const focusSet = new Set<string>();
  for (const raw of profile.focusAreas ?? []) {
    const key = term(memo, raw);
    if (key === "" || focusSet.has(key)) continue;
    focusSet.add(key);
    focusKeys.push(key);
    focusTerms.push(raw.trim());
  }
  const bt = profile.businessType ?? "";
  let trades = memo.trades.get(bt);
  if (trades === undefined) memo.trades.set(bt, (trades = tradesOf(bt)));
  return {
    profile,
    company: normalizeCompany(profile.companyName),
    businessType: term(memo, bt),
    trades,
    area: term(memo, profile.serviceArea),
    tier: term(memo, profile.revenueTier),
    size: profile.teamSize != null && profile.teamSize > 0 ? profile.teamSize : 0,
    focusKeys,
    focusTerms,
    focusSet,
  };
}

/** Similar size, in hundredths: the size ratio from 0.5 up, else nothing. Shared with the batch encoder. */
export function sizePoints(a: number, b: number, W: PeerWeights = PEER_WEIGHTS): number {
  if (a <= 0 || b <= 0) return 0;
  const ratio = Math.min(a, b) / Math.max(a, b);
  return ratio >= W.minSizeRatio ? Math.round(W.similarSize * ratio) : 0;
}

/**
 * The one scoring rule, in hundredths; -1 when the pair is forbidden (self, same
 * company, competitors = same trade in the same service area). Reasons are written
 * to `reasons` when given, so ranking many pairs allocates nothing. (No closures:
 * tsx's keepNames would wrap each one on every call.)
 */
function scorePair(a: PreparedPeer, b: PreparedPeer, reasons: Reason[] | null, W: PeerWeights): number {
  if (a.profile.attendeeId === b.profile.attendeeId) return -1;
  if (a.company !== "" && a.company === b.company) return -1;
  const sameArea = a.area !== "" && a.area === b.area;
  const relation = relateTrades(a.trades, b.trades, a.businessType, b.businessType);
  if (sameArea && relation === "same") return -1;

  let shared = 0;
  for (const k of a.focusKeys) if (b.focusSet.has(k)) shared++;
  const focus = W.sharedFocus * shared;
  const trade =
    relation === "complementary" ? W.complementaryTrades : relation === "different" && sameArea ? W.sameAreaOtherTrade : 0;
  const size = sizePoints(a.size, b.size, W);
  const tier = a.tier !== "" && a.tier === b.tier ? W.sameRevenueTier : 0;

  if (reasons) {
    if (focus > 0) reasons.push({ code: "shared_focus", weight: focus / 100, values: a.focusTerms.filter((_, i) => b.focusSet.has(a.focusKeys[i])) });
    const types = [a.profile.businessType ?? "", b.profile.businessType ?? ""];
    if (relation === "complementary" && trade > 0) reasons.push({ code: "complementary_business", weight: trade / 100, values: types });
    else if (trade > 0) reasons.push({ code: "complementary_business", weight: trade / 100, values: types, detail: "different trades, same service area" });
    if (size > 0) reasons.push({ code: "similar_size", weight: size / 100, detail: `team sizes ${a.size} and ${b.size}` });
    if (tier > 0) reasons.push({ code: "same_revenue_tier", weight: tier / 100, values: [a.profile.revenueTier ?? ""] });
  }
  return focus + trade + size + tier;
}

/** Points only (hundredths), -1 when forbidden: for ranking many pairs. */
export function pairPoints(a: PreparedPeer, b: PreparedPeer, W: PeerWeights = PEER_WEIGHTS): number {
  return scorePair(a, b, null, W);
}

/** Points and reasons; null when forbidden. */
export function scorePreparedPair(a: PreparedPeer, b: PreparedPeer, W: PeerWeights = PEER_WEIGHTS): { points: number; reasons: Reason[] } | null {
  const reasons: Reason[] = [];
  const points = scorePair(a, b, reasons, W);
  return points < 0 ? null : { points, reasons };
}

/** SPEC §5.2: null when the two may never be matched; score 0 means "no reason to meet". */
export function peerPairScore(a: MatchProfile, b: MatchProfile, W: PeerWeights = PEER_WEIGHTS): { score: number; reasons: Reason[] } | null {
  const r = scorePreparedPair(preparePeer(a), preparePeer(b), W);
  return r && { score: r.points / 100, reasons: r.reasons };
}

/** The key of an unordered pair, as callers build `existingPairs`. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
