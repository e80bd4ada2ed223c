import { z } from "zod";
import { REASON_CODES, type Reason } from "@/lib/matching/reasons";
import type { AttendeeProfile, PeerPick, PersonalizeInput, SessionPick, SponsorPick } from "./types";
import { LIMITS } from "./types";
import { tierPhrase } from "./text";

/**
 * What the model is asked for. The schemas keep every field required and unconstrained in length
 * because OpenAI's strict json_schema mode (the @ai-sdk/openai default) rejects optional fields;
 * lengths are enforced after the fact by truncation (lib/ai/personalize.ts).
 */
const targetId = z.string().describe("Copied exactly from the pick.");
const why = z.string().describe(`One sentence, at most ${LIMITS.why} characters.`);

export const sessionOutputSchema = z.object({ items: z.array(z.object({ targetId, why })) });
export const sponsorOutputSchema = z.object({
  items: z.array(
    z.object({
      targetId,
      why,
      talkingPoint: z.string().describe(`An opener to use at the booth, at most ${LIMITS.talkingPoint} characters.`),
    }),
  ),
});
export const peerOutputSchema = z.object({
  items: z.array(
    z.object({
      targetId,
      why,
      commonGround: z.string().describe(`What the two share, at most ${LIMITS.commonGround} characters.`),
    }),
  ),
});

const RULES = `Rules:
- Return exactly one item per pick, in the same order, with the pick's targetId copied exactly. Never add, drop, merge or reorder picks: who is recommended is already decided.
- Use only the facts given. Never invent numbers, prices, offers, ratings, names or claims.
- Never mention times, dates, days or rooms: the app shows those next to your sentence and anything you write may be wrong.
- Speak to the attendee as "you". Plain text: no greeting, emojis, markdown or quotation marks.
- Be specific: name the shared focus areas, the offering or the business types that make this a fit.`;

export const SESSION_INSTRUCTIONS = `You write one short sentence per recommended session at a business event for contractors, telling the attendee why that session is worth their time, based on the ranking's reasons.
${RULES}
- why: at most ${LIMITS.why} characters.`;

export const SPONSOR_INSTRUCTIONS = `You write, for each recommended sponsor at a business event for contractors, why the attendee should visit (why) and one opener to use at the booth (talkingPoint), based on the ranking's reasons.
${RULES}
- The only booth number you may mention is the pick's own boothNumber. Mention the special offer only as given.
- why: at most ${LIMITS.why} characters. talkingPoint: at most ${LIMITS.talkingPoint} characters; start from suggestedTalkingPoint when one is given.`;

export const PEER_INSTRUCTIONS = `You write, for each fellow attendee we are introducing, who they are and why meeting is worthwhile (why), and what the two have in common (commonGround), based on the ranking's reasons.
${RULES}
- Refer to the other person by first name. Never call them a competitor.
- why: at most ${LIMITS.why} characters. commonGround: at most ${LIMITS.commonGround} characters.`;

const describeReasons = (reasons: Reason[]) =>
  reasons.map((r) => ({ code: r.code, meaning: REASON_CODES[r.code], values: r.values, detail: r.detail }));

function attendeeFacts(a: AttendeeProfile) {
  return {
    company: a.companyName,
    businessType: a.businessType,
    serviceArea: a.serviceArea,
    revenue: tierPhrase(a.revenueTier) ?? a.revenueTier,
    teamSize: a.teamSize,
    focusAreas: a.focusAreas,
  };
}

// Start times and rooms are left out on purpose: a model can't misstate what it never saw.
export const sessionFacts = (p: SessionPick) => ({
  targetId: p.targetId,
  title: p.title,
  speakerName: p.speakerName ?? null,
  speakerCompany: p.speakerCompany ?? null,
  topics: p.topics,
  reasons: describeReasons(p.reasons),
});

export const sponsorFacts = (p: SponsorPick) => ({
  targetId: p.targetId,
  name: p.name,
  boothNumber: p.boothNumber,
  offerings: p.offerings,
  specialOffer: p.specialOffer,
  suggestedTalkingPoint: p.talkingPoint,
  reasons: describeReasons(p.reasons),
});

export const peerFacts = (p: PeerPick) => ({
  targetId: p.targetId,
  firstName: p.firstName,
  lastName: p.lastName,
  companyName: p.companyName,
  businessType: p.businessType,
  serviceArea: p.serviceArea,
  focusAreas: p.focusAreas,
  reasons: describeReasons(p.reasons),
});

/** The user message: the facts as JSON, which models follow more faithfully than prose. */
export function buildPrompt<P>(input: PersonalizeInput<P>, facts: (pick: P) => object): string {
  const payload = { event: input.eventName, attendee: attendeeFacts(input.attendee), picks: input.picks.map(facts) };
  // The facts stay as they are (names, offerings); only the sentences change language.
  const language = input.attendee.language === "es" ? " Write every why, talkingPoint and commonGround in Spanish (US Spanish, addressing the attendee as usted)." : "";
  return `Write the items for these ${input.picks.length} picks.${language}\n${JSON.stringify(payload)}`;
}
