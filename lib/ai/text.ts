import { DateTime } from "luxon";
import type { Reason, ReasonCode } from "@/lib/matching/reasons";

/** Trimmed, non-empty, de-duplicated (case-insensitively), so sentences never show "" or "x and x". */
export function cleanList(values: readonly (string | null | undefined)[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values ?? []) {
    const t = v?.trim();
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
export const countWord = (n: number) => NUMBER_WORDS[n] ?? String(n);

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "a roofing", "an HVAC" (acronyms go by the letter's sound), "a uniform". */
export function aOrAn(word: string): string {
  if (word.length > 1 && word === word.toUpperCase()) return /^[AEFHILMNORSX]/.test(word) ? "an" : "a";
  return /^[aeiou]/i.test(word) && !/^(uni|use|eu)/i.test(word) ? "an" : "a";
}

/**
 * Lower-cases the first word of a sentence-case phrase ("Equipment financing" → "equipment
 * financing") so it reads mid-sentence, but leaves names alone ("Google Local Services Ads",
 * "SEO audit"): a capital on the next word, or an all-caps first word, means a name.
 */
export function midSentence(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  const [first, next] = words;
  if (!first || (first.length > 1 && first === first.toUpperCase())) return phrase.trim();
  if (next && /^[A-Z]/.test(next)) return phrase.trim();
  return [first.charAt(0).toLowerCase() + first.slice(1), ...words.slice(1)].join(" ");
}

const ACRONYMS: Record<string, string> = { hvac: "HVAC" };
/** "roofing", "HVAC", "general contracting" as written mid-sentence. */
export function businessLabel(type: string | null | undefined): string | null {
  const t = type?.trim().toLowerCase();
  return t ? (ACRONYMS[t] ?? t) : null;
}

const TIER_PHRASES: Record<string, string> = {
  under_500k: "doing under $500K a year",
  "500k_1m": "in the $500K–1M range",
  "1m_5m": "in the $1M–5M range",
  "5m_plus": "doing over $5M a year",
};

/** "in the $1M–5M range" for a revenue-tier code; null when we can't say it naturally. */
export function tierPhrase(tier: string | null | undefined): string | null {
  if (!tier) return null;
  const known = TIER_PHRASES[tier.trim().toLowerCase()];
  if (known) return known;
  const range = /^(\d+[km])_(\d+[km])$/i.exec(tier.trim());
  return range ? `in the $${range[1].toUpperCase()}–${range[2].toUpperCase()} range` : null;
}

/** The reason with this code, if the ranking gave one. */
export function reasonOf(reasons: Reason[], code: ReasonCode): Reason | undefined {
  return reasons.find((r) => r.code === code);
}

export const valuesOf = (reasons: Reason[], code: ReasonCode) => cleanList(reasonOf(reasons, code)?.values);

/** Collapses whitespace and cuts at a word boundary with "…" so the result is at most `max` characters. */
export function truncateOnWord(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  const head = space > max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.—–-]+$/, "")}…`;
}

// "10:30", "10:30 AM", "3pm", "9 a.m." — a clock time in any of the ways a model writes one.
const CLOCK_TIME = /\b(\d{1,2})(?::([0-5]\d))?\s*([ap])\.?\s?m\b\.?|\b(\d{1,2}):([0-5]\d)\b/gi;

/**
 * True when the text names a clock time other than the session's own start (in the event's zone).
 * Without a zone any time counts as invented: we would rather use the template than risk it.
 */
export function mentionsForeignTime(text: string, ownStartIso?: string, timeZone?: string): boolean {
  let own: number | null = null;
  if (ownStartIso && timeZone) {
    const local = DateTime.fromISO(ownStartIso, { zone: timeZone });
    if (local.isValid) own = local.hour * 60 + local.minute;
  }
  for (const m of text.matchAll(CLOCK_TIME)) {
    const hour = Number(m[1] ?? m[4]);
    const minute = Number(m[2] ?? m[5] ?? 0);
    if (own === null) return true;
    const suffix = m[3]?.toLowerCase();
    const h24 = suffix ? (hour % 12) + (suffix === "p" ? 12 : 0) : hour;
    // Without AM/PM, "2:00" may mean 14:00: compare on a 12-hour dial.
    const matches = suffix
      ? h24 * 60 + minute === own
      : (h24 % 12) * 60 + minute === own % 720;
    if (!matches) return true;
  }
  return false;
}
