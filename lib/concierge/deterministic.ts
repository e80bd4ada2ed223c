import { nowAndNext, type AgendaFact, type ConciergeFacts, type SponsorFact } from "./facts";

/**
 * The concierge without a model (and the model's fallback): the common questions answered
 * from the data, each sentence built from facts, so it cannot invent anything. A question
 * none of these recognise returns null and goes to staff.
 */
export type TemplateAnswer = { topic: string; answer: string };

const where = (a: AgendaFact) => (a.room ? ` in ${a.room}` : "");
const session = (a: AgendaFact) => `"${a.title}"${a.speaker ? ` with ${a.speaker}` : ""} at ${a.start}${where(a)}`;
const booth = (s: SponsorFact) => (s.booth ? `${s.name} is at booth ${s.booth}.` : `${s.name} has no booth number listed.`);

type Rule = { topic: string; test: RegExp; answer: (f: ConciergeFacts, q: string) => string | null };

const RULES: Rule[] = [
  {
    topic: "booth",
    test: /\bbooth\s*(?:#|no\.?|number)?\s*([a-z]?\d{1,4}[a-z]?)\b/i,
    answer: (f, q) => {
      const n = q.match(/\bbooth\s*(?:#|no\.?|number)?\s*([a-z]?\d{1,4}[a-z]?)\b/i)![1].toUpperCase();
      const s = f.sponsors.find((x) => x.booth?.toUpperCase() === n);
      if (!s) return `There's no booth ${n} at ${f.event.name}. Your plan lists the sponsors and their booths: ${f.agendaLink}`;
      return `Booth ${n} is ${s.name}.${s.offer ? ` Ask about: ${s.offer}.` : ""}`;
    },
  },
  {
    topic: "sponsor",
    test: /\b(where|which booth|find)\b/i,
    answer: (f, q) => {
      const lower = q.toLowerCase();
      const s = f.sponsors.find((x) => lower.includes(x.name.toLowerCase()) || x.name.toLowerCase().split(/\s+/).some((w) => w.length > 4 && lower.includes(w)));
      return s ? booth(s) : null;
    },
  },
  {
    topic: "lunch",
    test: /\blunch\b|\bfood\b|\beat\b/i,
    answer: (f) => {
      const lunch = f.agenda.find((a) => a.type === "lunch");
      return lunch ? `Lunch is ${lunch.start} to ${lunch.end}${where(lunch)}.` : `There's no lunch on the ${f.event.name} agenda. Ask the registration desk for food nearby.`;
    },
  },
  {
    topic: "next",
    test: /\b(what'?s|whats|what is|what)\s+(next|on now|now|happening|up next)\b|\bnext (session|talk|up)\b|\bup next\b|\bwhere (should|do) i go\b/i,
    answer: (f) => {
      const { now, next } = nowAndNext(f);
      const t = f.now.getTime();
      const mine = f.plan.sessions.find((s) => s.startsAt.getTime() > t);
      const parts: string[] = [];
      if (now.length) parts.push(`On now: ${now.map(session).join("; ")}.`);
      if (next) parts.push(`Next: ${session(next)}.`);
      if (mine && mine.id !== next?.id) parts.push(`On your plan: ${session(mine)}.`);
      return parts.length ? parts.join(" ") : `That's everything on the ${f.event.name} agenda. Thanks for coming!`;
    },
  },
  {
    topic: "agenda_link",
    test: /\b(agenda|schedule|my plan|link|itinerary|qr|plan)\b/i,
    answer: (f) => `Your personal plan and QR code: ${f.agendaLink}`,
  },
  {
    topic: "wifi",
    test: /\b(wi-?fi|wireless|internet|password|network)\b/i,
    answer: (f) => (f.event.wifi ? `Wi-Fi: ${f.event.wifi}` : null),
  },
  {
    topic: "venue",
    test: /\b(venue|address|where is the (event|conference|summit)|location|directions|parking|where are you)\b/i,
    answer: (f) =>
      f.event.venue || f.event.address ? `${f.event.name} is at ${[f.event.venue, f.event.address].filter(Boolean).join(", ")}.` : null,
  },
  {
    topic: "end",
    test: /\b(when does (it|the event|the day) (end|finish)|what time does it end|end time)\b/i,
    answer: (f) => `${f.event.name} runs until ${f.event.end}.`,
  },
];

export function answerFromTemplates(question: string, facts: ConciergeFacts): TemplateAnswer | null {
  for (const rule of RULES) {
    if (!rule.test.test(question)) continue;
    const answer = rule.answer(facts, question);
    if (answer) return { topic: rule.topic, answer };
  }
  return null;
}

export function handoffReply(facts: ConciergeFacts): string {
  return `Good question! I've passed it to the ${facts.event.organizer} team and someone will text you back shortly.`;
}

export function helpReply(facts: ConciergeFacts | { event: { organizer: string; organizerPhone: string | null; organizerEmail: string | null } }): string {
  const e = facts.event;
  const contact = [e.organizerPhone, e.organizerEmail].filter(Boolean).join(" or ");
  return `${e.organizer}${contact ? `: ${contact}` : ""}. Text a question any time. Reply STOP to opt out.`;
}
