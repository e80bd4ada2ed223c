/**
 * Term normalization, so "Customer Experience", "customer-experience" and
 * "customer experiences" compare equal. Deliberately simple and deterministic:
 * every rule here changes who is matched, and must stay explainable.
 */

/** "Sales" and "sale", "Utilities" and "utility" are one word for matching. */
function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

const ASCII = /^[\x00-\x7f]*$/;
const ASCII_SEPARATORS = /[^a-z0-9]+/;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** Lower-case words of `s`, punctuation dropped, "&" read as "and", each word singular. */
export function words(s: string | null | undefined): string[] {
  if (!s) return [];
  const lower = s.toLowerCase().replace(/&/g, " and ");
  // The Unicode-aware split is several times slower; most input is plain ASCII.
  const parts = lower.split(ASCII.test(lower) ? ASCII_SEPARATORS : SEPARATORS);
  const out: string[] = [];
  for (const p of parts) if (p) out.push(singular(p));
  return out;
}

/** The comparison key of a term: "" for an empty or missing one. */
export function normalizeTerm(s: string | null | undefined): string {
  return words(s).join(" ");
}

/** Does `phrase` appear, as whole words in order, inside `text`? ("financing" ⊂ "Customer financing") */
export function containsPhrase(text: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0 || phrase.length > text.length) return false;
  outer: for (let i = 0; i + phrase.length <= text.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (text[i + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

/** The distinct non-empty terms of a list, first spelling kept, in input order. */
export function distinctTerms(list: readonly (string | null | undefined)[]): Array<{ term: string; key: string; words: string[] }> {
  const seen = new Set<string>();
  const out: Array<{ term: string; key: string; words: string[] }> = [];
  for (const term of list) {
    const w = words(term);
    const key = w.join(" ");
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ term: term!.trim(), key, words: w });
  }
  return out;
}

const LEGAL_SUFFIXES = new Set(["llc", "inc", "co", "corp", "corporation", "company", "ltd", "lp", "llp", "pllc"]);

/** "Ortega Plumbing Co." and "ortega plumbing" are the same company. */
export function normalizeCompany(name: string | null | undefined): string {
  const w = words(name);
  while (w.length > 1 && LEGAL_SUFFIXES.has(w[w.length - 1])) w.pop();
  if (w.length > 1 && w[0] === "the") w.shift();
  return w.join(" ");
}

/** A preference value read as a list of strings (a lone string counts as one). */
export function stringList(v: unknown): string[] {
  if (typeof v === "string") return v.trim() ? [v] : [];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string" && x.trim() !== "");
  return [];
}

/** Weights are kept to hundredths so scores add up exactly and ties are real ties. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
