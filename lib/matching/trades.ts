/**
 * Which trades complement each other (SPEC §5.2 "complementary business types"):
 * they serve the same homeowners at adjacent moments of a job, so they refer work
 * to each other without competing. A small, reviewable table; a business type maps
 * to a trade when it contains one of the trade's words ("Pool construction" → pool).
 */
import { containsPhrase, normalizeTerm, words } from "./text";

const TRADE_WORDS: Record<string, string[]> = {
  roofing: ["roofing", "roofer", "roof"],
  solar: ["solar"],
  gutters: ["gutter"],
  restoration: ["restoration"],
  plumbing: ["plumbing", "plumber"],
  hvac: ["hvac", "heating", "air conditioning"],
  electrical: ["electrical", "electrician", "electric"],
  remodeling: ["remodeling", "remodel", "renovation"],
  flooring: ["flooring"],
  painting: ["painting", "painter"],
  windows: ["window"],
  landscaping: ["landscaping", "landscape", "lawn"],
  pool: ["pool"],
  fencing: ["fencing", "fence"],
  concrete: ["concrete", "hardscape"],
};

const COMPLEMENTARY: Array<[string, string]> = [
  ["roofing", "solar"],
  ["roofing", "gutters"],
  ["roofing", "restoration"],
  ["plumbing", "hvac"],
  ["hvac", "electrical"],
  ["electrical", "solar"],
  ["remodeling", "electrical"],
  ["remodeling", "flooring"],
  ["remodeling", "painting"],
  ["remodeling", "windows"],
  ["landscaping", "pool"],
  ["landscaping", "fencing"],
  ["landscaping", "concrete"],
];

/** Each trade's words, split once rather than per profile. */
const TRADE_PHRASES = Object.entries(TRADE_WORDS).map(([trade, list]) => ({ trade, phrases: list.map((k) => words(k)) }));

/** Trade → the trades it complements, both ways round. */
const COMPLEMENTS = new Map<string, Set<string>>();
for (const [a, b] of COMPLEMENTARY) {
  for (const [x, y] of [[a, b], [b, a]]) COMPLEMENTS.set(x, (COMPLEMENTS.get(x) ?? new Set()).add(y));
}

/** The trades a business type names; its own normalized form when it names none of the table's. */
export function tradesOf(businessType: string | null | undefined): string[] {
  const w = words(businessType);
  if (w.length === 0) return [];
  const found = TRADE_PHRASES.filter((t) => t.phrases.some((ph) => containsPhrase(w, ph))).map((t) => t.trade);
  return found.length > 0 ? found : [w.join(" ")];
}

/**
 * How two business types relate: "same" (one trade in common, or the same words:
 * competitors when they also share a service area), "complementary", "different",
 * or "unknown" when either is missing.
 */
export type TradeRelation = "same" | "complementary" | "different" | "unknown";

export function tradeRelation(a: string | null | undefined, b: string | null | undefined): TradeRelation {
  return relateTrades(tradesOf(a), tradesOf(b), normalizeTerm(a), normalizeTerm(b));
}

/** tradeRelation on precomputed parts, for scorers that compare one profile many times. */
export function relateTrades(ta: string[], tb: string[], keyA: string, keyB: string): TradeRelation {
  if (ta.length === 0 || tb.length === 0) return "unknown";
  if (keyA === keyB || ta.some((t) => tb.includes(t))) return "same";
  return ta.some((x) => tb.some((y) => COMPLEMENTS.get(x)?.has(y))) ? "complementary" : "different";
}
