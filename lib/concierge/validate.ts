import type { ConciergeFacts } from "./facts";

/**
 * SPEC §6: the concierge never invents times or rooms. A model's answer is checked
 * against the facts before it is sent: every clock time, room, booth number and name it
 * mentions must be one the data holds. Anything else rejects the whole answer (the
 * template or a handoff answers instead): a wrong room is worse than no answer.
 */
export type Validation = { ok: true } | { ok: false; problems: string[] };

const CLOCK = /\b(\d{1,2})(?::([0-5]\d))?\s*([ap])\.?\s?m\b\.?|\b(\d{1,2}):([0-5]\d)\b/gi;
const BOOTH = /\bbooth\s*(?:#|no\.?|number)?\s*([a-z]?\d{1,4}[a-z]?)\b/gi;
/** "Room 404", "Salon B" (a room word and its number or letter) … */
const ROOM_NUMBER = /\b(?:room|hall|salon|suite|ballroom|auditorium|theater|theatre)\s+[A-Z0-9][\w-]*\b/gi;
/** … and named rooms: "Grand Ballroom", "Lone Star Hall". */
const ROOM_NAME = /\b(?:[A-Z][\w-]*\s){1,2}(?:Room|Hall|Ballroom|Salon|Suite|Auditorium|Theater|Theatre)\b/g;
/** Two or more capitalised words in a row: a name of someone or something. */
const PROPER = /\b([A-Z][a-z'’-]+(?:\s+(?:&\s+)?[A-Z][a-z'’-]+)+)\b/g;

/** Minutes after midnight, so "9:00 AM", "9am" and "09:00" compare equal. */
function minutes(h: number, m: number, ap?: string): number {
  let hour = h % 12;
  if (ap?.toLowerCase() === "p") hour += 12;
  else if (!ap) hour = h;
  return hour * 60 + m;
}

function clockTimes(text: string): Array<{ text: string; min: number }> {
  return [...text.matchAll(CLOCK)].map((m) =>
    m[4] !== undefined
      ? { text: m[0], min: minutes(Number(m[4]), Number(m[5]), undefined) }
      : { text: m[0], min: minutes(Number(m[1]), Number(m[2] ?? 0), m[3]) },
  );
}

export function factCorpus(facts: ConciergeFacts): string {
  const e = facts.event;
  return [
    e.name, e.venue, e.address, e.wifi, e.organizer, e.organizerPhone, e.organizerEmail, e.start, e.end, facts.attendeeName,
    ...facts.agenda.flatMap((a) => [a.title, a.room, a.speaker, a.start, a.end, a.type]),
    ...facts.sponsors.flatMap((s) => [s.name, s.booth, s.offer, ...s.offerings]),
    ...facts.plan.peers.flatMap((p) => [p.name, p.company, p.commonGround]),
  ]
    .filter(Boolean)
    .join("\n");
}

export function validateAnswer(answer: string, facts: ConciergeFacts, extra: string[] = []): Validation {
  const corpus = `${factCorpus(facts)}\n${extra.join("\n")}`;
  const lower = corpus.toLowerCase();
  const problems: string[] = [];

  const knownTimes = new Set(clockTimes(corpus).map((t) => t.min));
  for (const t of clockTimes(answer)) if (!knownTimes.has(t.min)) problems.push(`time "${t.text.trim()}" is not in the data`);

  const booths = new Set(facts.sponsors.map((s) => s.booth?.toUpperCase()).filter(Boolean));
  for (const m of answer.matchAll(BOOTH)) if (!booths.has(m[1].toUpperCase())) problems.push(`booth "${m[1]}" is not in the data`);

  for (const m of [...answer.matchAll(ROOM_NUMBER), ...answer.matchAll(ROOM_NAME)]) {
    const room = m[0].trim();
    // "Salon B" fine; "Room 404" not; a sentence-initial "The Grand Ballroom" is judged without "The".
    const bare = room.replace(/^(The|In|At)\s+/, "");
    if (!lower.includes(bare.toLowerCase())) problems.push(`room "${bare}" is not in the data`);
  }

  for (const m of answer.matchAll(PROPER)) {
    const name = m[1];
    const words = name.split(/\s+/).filter((w) => w !== "&");
    // A sentence's first word is capitalised anyway: judge the rest of the run.
    const judged = m.index === 0 || /[.!?]\s*$/.test(answer.slice(0, m.index)) ? words.slice(1) : words;
    if (judged.length === 0) continue;
    if (judged.every((w) => lower.includes(w.toLowerCase()))) continue;
    problems.push(`name "${name}" is not in the data`);
  }
  return problems.length ? { ok: false, problems } : { ok: true };
}
