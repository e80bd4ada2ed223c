/**
 * Sponsors to visit, top 3 (SPEC §5.2): focus areas against offerings and the
 * sponsor's focus areas, revenue tier among the sponsor's targets, PCR, a special
 * offer. Each pick gets a talking point, chosen deterministically.
 */
import type { RankedPick, Reason } from "./reasons";
import { containsPhrase, distinctTerms, normalizeTerm, round2, words } from "./text";
import type { MatchProfile, RankOptions, SponsorCandidate } from "./types";
import { SPONSOR_WEIGHTS, type SponsorWeights } from "./weights";

type Scored = { s: SponsorCandidate; score: number; reasons: Reason[] };

/** The offerings that contain one of `focus` as whole words. */
function matchedOfferings(focus: string[], sponsor: SponsorCandidate): string[] {
  const phrases = distinctTerms(focus).map((t) => t.words);
  return sponsor.offerings.filter((o) => phrases.some((ph) => containsPhrase(words(o), ph)));
}

function scoreSponsor(profile: MatchProfile, s: SponsorCandidate, W: SponsorWeights): Scored {
  const focus = distinctTerms(profile.focusAreas ?? []);
  const reasons: Reason[] = [];
  const add = (r: Reason) => r.weight > 0 && reasons.push({ ...r, weight: round2(r.weight) });

  const offerings = s.offerings.map(words);
  const inOfferings = focus.filter((f) => offerings.some((o) => containsPhrase(o, f.words))).map((f) => f.term);
  add({
    code: "offering_overlap",
    weight: W.offeringOverlap * inOfferings.length,
    values: inOfferings,
    detail: matchedOfferings(inOfferings, s).join("; "),
  });
  const areas = s.focusAreas.map(words);
  const inAreas = focus.filter((f) => areas.some((a) => containsPhrase(a, f.words))).map((f) => f.term);
  add({ code: "focus_overlap", weight: W.focusOverlap * inAreas.length, values: inAreas });
  const tier = normalizeTerm(profile.revenueTier);
  if (tier && s.targetRevenueTiers.some((t) => normalizeTerm(t) === tier)) {
    add({ code: "revenue_tier_target", weight: W.revenueTierTarget, values: [profile.revenueTier!.trim()] });
  }
  if (s.pcrScore != null && s.pcrScore > 0) {
    add({ code: "sponsor_pcr", weight: (W.sponsorPcr * Math.min(s.pcrScore, 5)) / 5, detail: String(s.pcrScore) });
  }
  if (s.specialOffer?.trim()) add({ code: "special_offer", weight: W.specialOffer, detail: s.specialOffer.trim() });
  return { s, score: round2(reasons.reduce((sum, r) => sum + r.weight, 0)), reasons };
}

export function rankSponsors(profile: MatchProfile, sponsors: SponsorCandidate[], opts: RankOptions & { weights?: SponsorWeights } = {}): RankedPick[] {
  const W = opts.weights ?? SPONSOR_WEIGHTS;
  return sponsors
    .filter((s) => !s.removed)
    .map((s) => scoreSponsor(profile, s, W))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0))
    .slice(0, opts.limit ?? 3)
    .map((x, i) => ({ kind: "sponsor", targetId: x.s.id, rank: i + 1, score: x.score, reasons: x.reasons }));
}

const STOPWORDS = new Set(["the", "and", "for", "with", "your", "you", "ask", "how", "about", "from", "that", "this", "our", "are", "can"]);

function keywords(texts: string[]): Set<string> {
  return new Set(texts.flatMap(words).filter((w) => w.length >= 3 && !STOPWORDS.has(w)));
}

/** "Local SEO" → "local SEO", but "SEO audits" stays. */
function inSentence(phrase: string): string {
  const first = phrase.split(/\s+/)[0] ?? "";
  return first === first.toUpperCase() ? phrase : phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

/**
 * The sponsor's talking point sharing most words with what matched (the attendee's
 * matched focus areas and offerings; all focus areas when nothing matched); ties go
 * to the sponsor's own order. None shares a word: one built from the matched
 * offering, else the sponsor's first point, its offer, or a plain invitation.
 */
export function sponsorTalkingPoint(profile: MatchProfile, sponsor: SponsorCandidate, reasons: Reason[]): string {
  const matchedFocus = reasons.filter((r) => r.code === "offering_overlap" || r.code === "focus_overlap").flatMap((r) => r.values ?? []);
  const offerings = matchedOfferings(matchedFocus, sponsor);
  const wanted = keywords([...(matchedFocus.length ? matchedFocus : profile.focusAreas ?? []), ...offerings]);
  let best: string | null = null;
  let bestHits = 0;
  for (const point of sponsor.talkingPoints) {
    const hits = [...keywords([point])].filter((w) => wanted.has(w)).length;
    if (hits > bestHits) [best, bestHits] = [point, hits];
  }
  if (best) return best;
  const booth = sponsor.boothNumber ? ` at booth ${sponsor.boothNumber}` : "";
  if (offerings.length > 0) return `Ask about ${inSentence(offerings[0])}${booth}`;
  if (sponsor.talkingPoints.length > 0) return sponsor.talkingPoints[0];
  if (sponsor.specialOffer?.trim()) return `Ask about their offer${booth}: ${sponsor.specialOffer.trim()}`;
  return `Stop by ${sponsor.name}${booth}`;
}
