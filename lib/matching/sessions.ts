/**
 * Sessions to hear, top 3 (SPEC §5.2): focus areas against topics and the speaker,
 * business-type fit, speaker PCR and stated preferences; only talks that have not
 * started, never two that overlap in time.
 */
import type { RankedPick, Reason } from "./reasons";
import { containsPhrase, distinctTerms, round2, stringList, words } from "./text";
import type { MatchProfile, RankOptions, SessionCandidate } from "./types";
import { SESSION_WEIGHTS, type SessionWeights } from "./weights";

const TALK_TYPES = new Set(["session", "keynote", "panel"]);

type Terms = ReturnType<typeof distinctTerms>;
type Scored = { s: SessionCandidate; score: number; reasons: Reason[] };

function profileTerms(p: MatchProfile) {
  return {
    focus: distinctTerms(p.focusAreas ?? []),
    businessType: words(p.businessType),
    businessTypeLabel: p.businessType?.trim() ?? "",
    preferred: distinctTerms(stringList(p.preferences?.topics)),
    avoided: distinctTerms(stringList(p.preferences?.avoid_topics)),
    formats: distinctTerms([...stringList(p.preferences?.session_format), ...stringList(p.preferences?.format)]),
  };
}

/** The terms of `list` found (as whole words) in any of `texts`. */
function found(list: Terms, texts: string[][]): string[] {
  return list.filter((t) => texts.some((x) => containsPhrase(x, t.words))).map((t) => t.term);
}

function scoreSession(p: ReturnType<typeof profileTerms>, s: SessionCandidate, W: SessionWeights): Scored | null {
  // Topics first; the title counts too, since organizers often leave topics thin.
  const texts = [...s.topics.map(words), words(s.title)];
  if (found(p.avoided, texts).length > 0) return null;
  const reasons: Reason[] = [];
  const add = (r: Reason) => r.weight > 0 && reasons.push({ ...r, weight: round2(r.weight) });

  const topics = found(p.focus, texts);
  add({ code: "topic_overlap", weight: W.topicOverlap * topics.length, values: topics });
  const speakerAreas = (s.speaker?.focusAreas ?? []).map(words);
  const speakerMatch = found(p.focus, speakerAreas);
  add({ code: "speaker_focus_overlap", weight: W.speakerFocusOverlap * speakerMatch.length, values: speakerMatch });
  if (texts.some((x) => containsPhrase(x, p.businessType))) {
    add({ code: "business_type_fit", weight: W.businessTypeFit, values: [p.businessTypeLabel] });
  }
  const pcr = s.speaker?.pcrScore;
  if (pcr != null && pcr > 0) add({ code: "speaker_pcr", weight: (W.speakerPcr * Math.min(pcr, 5)) / 5, detail: String(pcr) });
  const preferred = found(p.preferred, texts);
  add({ code: "preference_match", weight: W.preferredTopic * preferred.length, values: preferred, detail: "topics" });
  const typeWords = [[s.type], ...texts];
  const format = found(p.formats, typeWords);
  if (format.length > 0) add({ code: "preference_match", weight: W.preferredFormat, values: format, detail: "format" });

  const score = round2(reasons.reduce((sum, r) => sum + r.weight, 0));
  return { s, score, reasons };
}

function overlaps(a: SessionCandidate, b: SessionCandidate): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** How many mutually compatible talks `fixed` can grow to (earliest-end-first is optimal for a count). */
function maxCompatible(fixed: SessionCandidate[], all: SessionCandidate[]): number {
  const free = all
    .filter((s) => !fixed.includes(s) && !fixed.some((f) => overlaps(f, s)))
    .sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime());
  let count = fixed.length;
  let lastEnd = -Infinity;
  for (const s of free) {
    if (s.startsAt.getTime() >= lastEnd) {
      count++;
      lastEnd = s.endsAt.getTime();
    }
  }
  return count;
}

function byScoreThenStart(a: Scored, b: Scored): number {
  return b.score - a.score || a.s.startsAt.getTime() - b.s.startsAt.getTime() || (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0);
}

export function rankSessions(
  profile: MatchProfile,
  sessions: SessionCandidate[],
  now: Date,
  opts: RankOptions & { weights?: SessionWeights } = {},
): RankedPick[] {
  const limit = opts.limit ?? 3;
  const W = opts.weights ?? SESSION_WEIGHTS;
  const terms = profileTerms(profile);
  const scored = sessions
    .filter((s) => TALK_TYPES.has(s.type) && !s.cancelled && s.startsAt.getTime() > now.getTime())
    .map((s) => scoreSession(terms, s, W))
    .filter((x): x is Scored => x !== null && x.score > 0)
    .sort(byScoreThenStart);
  const pool = scored.map((x) => x.s);
  // Greedy by score, but a pick that would leave fewer compatible talks than exist
  // is skipped: the attendee gets 3 whenever 3 non-overlapping talks exist.
  const target = Math.min(limit, maxCompatible([], pool));
  const chosen: Scored[] = [];
  for (const x of scored) {
    if (chosen.length === target) break;
    const sessionsSoFar = chosen.map((c) => c.s);
    if (sessionsSoFar.some((c) => overlaps(c, x.s))) continue;
    if (maxCompatible([...sessionsSoFar, x.s], pool) < target) continue;
    chosen.push(x);
  }
  return chosen.map((x, i) => ({ kind: "speaker", targetId: x.s.id, rank: i + 1, score: x.score, reasons: x.reasons }));
}
