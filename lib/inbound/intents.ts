/**
 * What an inbound SMS means (SPEC §6), as a pure function of its text and of what the
 * person was last asked. The order of precedence is the spec's: an opt-out wins over
 * everything; then YES/NO, a rating, booth numbers, "here"; anything left is a question
 * for the concierge. One text may carry two intents ("yes! and where is lunch?").
 */
export type Intent =
  | { kind: "opt_out" }
  | { kind: "opt_in" }
  | { kind: "help" }
  | { kind: "yes" }
  | { kind: "no" }
  /** `member`: which talk of a bundled request ("A4 B5": 0 and 1); absent for a single request. */
  | { kind: "rating"; score: number; comment?: string; member?: number }
  | { kind: "booths"; booths: string[] }
  | { kind: "here" }
  | { kind: "question"; text: string };

/** What the person's latest open prompt asked for; a bare number means a booth only after a batch check. */
export type Expecting = "intro" | "attendance" | "rating" | "booths" | "alert" | null;

const OPT_OUT_WORDS = new Set(["stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout", "alto", "parar", "baja"]);
const OPT_IN_WORDS = new Set(["start", "unstop", "resume", "subscribe"]);
const HELP_WORDS = new Set(["help", "info", "ayuda"]);
/** Words that may surround a keyword without changing it ("STOP please", "stop now!!"). */
const FILLER = new Set(["please", "pls", "plz", "now", "it", "all", "thanks", "thank", "you", "me", "ok", "por", "favor", "already"]);

const NATURAL_OPT_OUT = [
  /\b(stop|quit|cease|end)\s+(texting|messaging|sending|contacting|txting|spamming|these|the\s+texts|all\s+texts|sms)\b/,
  /\b(unsubscribe|opt\s*-?\s*out)\b/,
  /\bremove\s+me\b/,
  /\b(don'?t|do\s+not|never)\s+(text|message|sms|contact)\s+me\b/,
  /\bno\s+more\s+(texts|messages|sms)\b/,
  /\bleave\s+me\s+alone\b/,
  /\bdeja\s+de\s+(enviar|escribir)/,
];

const EMOJI_YES = /^(👍|✅|👌|🙌|💯|✔️?)+$/u;
const EMOJI_NO = /^(👎|❌|🙅(‍[♂♀]️)?)+$/u;
const EMOJI_STOP = /^(🛑|⛔)+$/u;

const YES_LEAD = leading([
  "yes", "yes please", "yess", "yesss", "yeah", "yea", "yep", "yup", "ya", "y", "sure", "sure thing", "ok", "okay", "k", "absolutely", "definitely", "of course", "count me in", "i'm in", "im in", "sounds good", "sounds great", "let's do it", "lets do it", "let's meet", "lets meet", "would love to", "i'd love to", "love to", "si", "sí", "claro", "claro que sí", "claro que si", "dale", "yes i did", "i did", "we did", "yes we met", "we met", "met"
]);
const NO_LEAD = leading([
  "no", "nope", "nah", "no thanks", "no thank you", "not interested", "not now", "pass", "i'll pass", "maybe later", "not really", "i didn't", "didn't", "we didn't", "haven't", "no gracias", "didn't get the chance", "didn't get a chance"
]);
const HERE = leading([
  "here", "i'm here", "im here", "i am here", "in the room", "made it", "present", "sitting down", "seated", "aquí", "aqui", "got here", "just arrived", "arrived", "in my seat", "estoy aquí", "estoy aqui"
]);

/** A phrase at the start of a text, longest first, ending at a non-letter (\\b is ASCII-only: "sí"). */
function leading(phrases: string[]): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^(?:${sorted.join("|")})(?=$|[^\\p{L}\\p{N}'])`, "u");
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5 };

/** Lower case, curly quotes straightened, whitespace folded. */
export function normalize(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
}

/** The words of a text without punctuation or emoji. */
function words(t: string): string[] {
  return t.replace(/[^\p{L}\p{N}' ]+/gu, " ").split(" ").filter(Boolean);
}

/** A message made of one keyword from `set` and nothing but filler words. */
function isKeyword(t: string, set: Set<string>): boolean {
  const w = words(t).map((x) => x.replace(/'/g, ""));
  const joined = w.join("");
  if (set.has(joined)) return true;
  const hits = w.filter((x) => set.has(x));
  return hits.length === 1 && w.every((x) => set.has(x) || FILLER.has(x));
}

export function isOptOut(text: string): boolean {
  const t = normalize(text);
  if (EMOJI_STOP.test(t.replace(/\s/g, ""))) return true;
  if (isKeyword(t, OPT_OUT_WORDS) || /^opt\s*-?\s*out\W*$/.test(t)) return true;
  // "stop by booth 12?" is a question; "please stop texting me" is not.
  return NATURAL_OPT_OUT.some((r) => r.test(t));
}

/** Parses a 1–5 rating at the start of a text; the rest, if any, is the comment. */
export function parseRating(text: string): { score: number; comment?: string } | null {
  const t = normalize(text);
  const stars = [...t.matchAll(/⭐|★/gu)].length;
  if (stars >= 1 && stars <= 5 && words(t).length === 0) return { score: stars };
  const num = "([1-5]|one|two|three|four|five|uno|dos|tres|cuatro|cinco)";
  const patterns = [
    new RegExp(`^${num}(?:\\s*(?:/|out of|of)\\s*5|\\s*stars?|\\s*⭐+)?(?=$|[\\s.,!:;–—-])(.*)$`, "u"),
    new RegExp(`^(?:i'?d|i would|i'?ll|i will)?\\s*(?:give|rate)\\s+(?:it|him|her|them|the (?:talk|session|event))?\\s*(?:a|an)?\\s*(?:solid|strong)?\\s*${num}(?:\\s*(?:/|out of)\\s*5|\\s*stars?)?(?=$|[\\s.,!:;–—-])(.*)$`, "u"),
    new RegExp(`^(?:a|an)?\\s*(?:solid|strong)\\s+${num}(?:\\s*(?:/|out of)\\s*5)?(?=$|[\\s.,!:;–—-])(.*)$`, "u"),
    new RegExp(`^(?:rating|score)\\s*:?\\s*${num}(?:\\s*(?:/|out of)\\s*5)?(?=$|[\\s.,!:;–—-])(.*)$`, "u"),
  ];
  for (const p of patterns) {
    const m = t.match(p);
    if (!m) continue;
    const score = /^\d$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1]];
    if (!score) continue;
    const comment = commentFrom(text, m[2] ?? "");
    return comment ? { score, comment } : { score };
  }
  return null;
}

/** The comment as the person wrote it (original case), without the leading dash or "stars". */
function commentFrom(original: string, normalizedRest: string): string | undefined {
  const rest = normalizedRest.replace(/^[\s.,!:;–—-]+/, "").replace(/^stars?\b/, "").replace(/^[\s.,!:;–—-]+/, "").trim();
  if (!rest || !/\p{L}/u.test(rest)) return undefined;
  const flat = original.replace(/\s+/g, " ").trim();
  const at = flat.toLowerCase().lastIndexOf(rest);
  return (at >= 0 ? flat.slice(at, at + rest.length) : rest).slice(0, 500);
}

/**
 * The answer to a bundled rating request ("rate the last two talks: reply A4 B5"):
 * letter–score pairs in any order and spacing ("a 4, b=5", "A: 4 and B: 5"), or, for
 * a bundle of `size`, exactly that many bare scores in order ("4 5", "4 and 5").
 * Anything after the pairs is the comment of the last one. Null when it is not that shape.
 */
export function parseBundleRatings(text: string, size: number): Array<{ member: number; score: number; comment?: string }> | null {
  const t = normalize(text);
  if (size < 2) return null;
  // Any of A–E is read (a "C3" to a two-talk text is answered "there was no talk C").
  const letters = "abcde";
  const sep = "\\s*(?:(?:[,;&+/]|and|y)\\s*)?";
  const pair = `([${letters}])\\s*[:=.)-]?\\s*([1-5])(?:\\s*/\\s*5)?`;
  const byLetter = t.match(new RegExp(`^${pair}(?:${sep}${pair})*(?=$|[\\s.,!:;–—-])`, "u"));
  let found: Array<{ member: number; score: number }> = [];
  let consumed = 0;
  if (byLetter) {
    consumed = byLetter[0].length;
    found = [...byLetter[0].matchAll(new RegExp(pair, "gu"))].map((m) => ({ member: letters.indexOf(m[1]), score: Number(m[2]) }));
  } else {
    // Bare scores need a separator ("4 5", "4, 5"; "45" is not two scores).
    const bare = t.match(new RegExp(`^[1-5](?:(?:\\s*(?:[,;&+/]|and|y)\\s*|\\s+)[1-5]){${size - 1}}(?=$|[\\s.,!:;–—-])`, "u"));
    if (!bare) return null;
    consumed = bare[0].length;
    found = [...bare[0].matchAll(/[1-5]/g)].map((m, i) => ({ member: i, score: Number(m[0]) }));
  }
  // The comment belongs to the pair written last; one score per talk (a letter given twice keeps its last).
  const comment = commentFrom(text, t.slice(consumed));
  const written: Array<{ member: number; score: number; comment?: string }> = found.map((f, i) => (comment && i === found.length - 1 ? { ...f, comment } : f));
  const byMember = new Map(written.map((f) => [f.member, f]));
  return [...byMember.values()].sort((a, b) => a.member - b.member);
}

/** Booth numbers in a batch-check answer: "12, 105 and 7", "booths 12 & 105", "none". */
export function parseBooths(text: string): string[] | null {
  const t = normalize(text);
  if (/^(none|no|nope|zero|didn'?t|i didn'?t)\b/.test(t)) return [];
  const numbers = [...t.matchAll(/\b([a-z]?\d{1,4}[a-z]?)\b/g)].map((m) => m[1].toUpperCase());
  const rest = t.replace(/\b[a-z]?\d{1,4}[a-z]?\b/g, " ").replace(/\b(booths?|and|y|i|visited|went to|stopped at|saw|numbers?|also|plus|#)\b/g, " ");
  if (numbers.length === 0 || /\p{L}{3,}/u.test(rest.replace(/[^\p{L} ]/gu, " "))) return numbers.length ? numbers : null;
  return [...new Set(numbers)];
}

/** The leading YES/NO of a text and what follows it. */
function leadingAnswer(t: string): { kind: "yes" | "no"; rest: string } | null {
  const compact = t.replace(/\s/g, "");
  if (EMOJI_YES.test(compact)) return { kind: "yes", rest: "" };
  if (EMOJI_NO.test(compact)) return { kind: "no", rest: "" };
  const clean = t.replace(/^[¡!¿\s]+/, "");
  for (const [kind, re] of [["no", NO_LEAD], ["yes", YES_LEAD]] as const) {
    const m = clean.match(re);
    if (m) return { kind, rest: clean.slice(m[0].length) };
  }
  return null;
}

function restAsQuestion(rest: string, original: string): Intent[] {
  const r = rest.replace(/^[\s.,!:;–—\-👍✅]+/u, "").replace(/^(and|also|but|y|pero|thanks|thank you)\b[\s,]*/, "").trim();
  // Commentary ("yes we met, great guy") is not a question; a question asks something.
  if (!/\?|^(where|when|what|what's|whats|how|who|which|is|are|can|could|do|does|will|any)\b/.test(r)) return [];
  if (!/\p{L}{2,}/u.test(r) || /^(please|thanks|thank you|gracias|i'?d love to|love to|sounds good|great|!+)$/.test(r.replace(/[.!]+$/, ""))) return [];
  const at = original.toLowerCase().indexOf(r);
  return [{ kind: "question", text: at >= 0 ? original.slice(at).trim() : r }];
}

/**
 * `bundleSize`: how many talks the open rating request covers (2 or more for a bundle
 * from the SMS budget, docs/decisions/0151), so "A4 B5" or "4 5" rate each of them.
 */
export function parseIntents(text: string, expecting: Expecting = null, opts: { bundleSize?: number } = {}): Intent[] {
  const t = normalize(text);
  if (!t) return [];
  if (isOptOut(text)) return [{ kind: "opt_out" }];
  if (isKeyword(t, OPT_IN_WORDS)) return [{ kind: "opt_in" }];
  if (isKeyword(t, HELP_WORDS)) return [{ kind: "help" }];

  if (expecting === "rating" && (opts.bundleSize ?? 0) > 1) {
    const each = parseBundleRatings(text, opts.bundleSize!);
    if (each) return each.map((r) => ({ kind: "rating" as const, ...r }));
  }

  if (expecting === "booths") {
    const booths = parseBooths(text);
    if (booths) return [{ kind: "booths", booths }];
  }
  if (expecting !== "booths" || !/^\d/.test(t)) {
    const rating = parseRating(text);
    if (rating) return [{ kind: "rating", ...rating }];
  }
  const answer = leadingAnswer(t);
  if (answer) {
    // "yes, and I'd give it a 5": two intents.
    const tail = answer.rest.replace(/^[\s,.!:;–—-]+/, "").replace(/^(and|also|plus)\s+/, "");
    const rating = /^(\d|i'?d|give|rate|a solid)/.test(tail) ? parseRating(tail) : null;
    if (rating) return [{ kind: answer.kind }, { kind: "rating", ...rating }];
    return [{ kind: answer.kind }, ...restAsQuestion(answer.rest, text.trim())];
  }
  if (HERE.test(t) && !/\?$/.test(t)) return [{ kind: "here" }];
  return [{ kind: "question", text: text.trim() }];
}
