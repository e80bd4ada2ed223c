import type { AttendeeProfile, PeerPick, PersonalizedItem, SessionPick, SponsorPick } from "./types";
import { LIMITS } from "./types";
import {
  aOrAn,
  businessLabel,
  capitalize,
  cleanList,
  countWord,
  joinList,
  midSentence,
  reasonOf,
  tierPhrase,
  truncateOnWord,
  valuesOf,
} from "./text";

/**
 * The sentences used without a model, or wherever the model's answer is unusable. Each one is
 * built from the ranking's reasons and the pick's own facts, varies with which reasons are
 * present, and never mentions a list that turned out empty.
 */
export type TemplateContext = { attendee: AttendeeProfile; eventName: string };

/** "Covers pricing and hiring — two of your focus areas — and Maria Lopez is one of the best-rated speakers here (4.8)." */
export function sessionWhy(ctx: TemplateContext, pick: SessionPick): string {
  const r = pick.reasons;
  const speaker = pick.speakerName?.trim() || null;
  const topics = valuesOf(r, "topic_overlap");
  const topicSet = new Set(topics.map((t) => t.toLowerCase()));
  const speakerFocus = valuesOf(r, "speaker_focus_overlap").filter((f) => !topicSet.has(f.toLowerCase()));
  const fit = reasonOf(r, "business_type_fit");
  const pcr = reasonOf(r, "speaker_pcr");
  const pref = reasonOf(r, "preference_match");
  const business = businessLabel(fit?.values?.[0] ?? ctx.attendee.businessType);
  const rating = pcr?.detail ? ` (${pcr.detail})` : "";
  const prefDetail = pref?.detail?.trim() || joinList(cleanList(pref?.values));
  const prefText = `a preference you shared${prefDetail ? ` (${prefDetail})` : ""}`;

  let lead: string;
  let joiner = ", and ";
  let used: "topics" | "speakerFocus" | "fit" | "pref" | "pcr" | null;
  if (topics.length > 0) {
    used = "topics";
    if (topics.length === 1) lead = `Covers ${topics[0]}, one of your focus areas`;
    else {
      lead = `Covers ${joinList(topics)} — ${countWord(topics.length)} of your focus areas`;
      joiner = " — and "; // closes the aside the dash opened
    }
  } else if (speakerFocus.length > 0) {
    used = "speakerFocus";
    lead = `${speaker ?? "The speaker"} works on ${joinList(speakerFocus)}, just like you`;
  } else if (fit) {
    used = "fit";
    lead = `Made for ${business ? `${business} businesses` : "businesses"} like yours`;
  } else if (pref) {
    used = "pref";
    lead = `Matches ${prefText}`;
  } else if (pcr) {
    used = "pcr";
    lead = `${speaker ?? "The speaker"} is one of the best-rated speakers here${rating}`;
  } else {
    used = null;
    lead = `One of the best fits for you on the ${ctx.eventName} agenda`;
  }

  // One supporting clause at most: two reasons read as a sentence, four read as a list.
  let tail: string | null = null;
  if (pcr && used !== "pcr") {
    // The speaker is already the subject of the lead: don't repeat the name.
    tail = used === "speakerFocus" ? `is one of the best-rated speakers here${rating}` : `${speaker ?? "the speaker"} is one of the best-rated speakers here${rating}`;
  } else if (speakerFocus.length > 0 && used !== "speakerFocus" && speaker) {
    tail = `${speaker} works on ${joinList(speakerFocus)} too`;
  } else if (fit && used !== "fit") {
    tail = `the session is made for ${business ? `${business} businesses` : "businesses"} like yours`;
  } else if (pref && used !== "pref") {
    tail = `it matches ${prefText}`;
  }
  return truncateOnWord(`${lead}${tail ? joiner + tail : ""}.`, LIMITS.why);
}

/** "They work with roofing companies in the $1M–5M range; ask about their equipment financing — first month free at the booth." */
export function sponsorWhy(ctx: TemplateContext, pick: SponsorPick): string {
  const r = pick.reasons;
  const tierReason = reasonOf(r, "revenue_tier_target");
  const tier = tierReason ? tierPhrase(tierReason.values?.[0] ?? tierReason.detail ?? ctx.attendee.revenueTier) : null;
  const focus = valuesOf(r, "focus_overlap");
  const offerings = valuesOf(r, "offering_overlap").slice(0, 2).map(midSentence);
  const pcr = reasonOf(r, "sponsor_pcr");
  const rating = pcr?.detail ? ` (${pcr.detail})` : "";
  const offer = (pick.specialOffer ?? reasonOf(r, "special_offer")?.detail)?.trim().replace(/[.!]+$/, "") || null;
  const booth = pick.boothNumber?.trim() || null;
  const business = businessLabel(ctx.attendee.businessType);

  let lead: string | null = null;
  if (tier) lead = `They work with ${business ? `${business} companies` : "contractors"} ${tier}`;
  else if (focus.length === 1) lead = `They specialize in ${focus[0]}, one of your focus areas`;
  else if (focus.length > 1) lead = `They specialize in ${joinList(focus)} — ${countWord(focus.length)} of your focus areas`;
  else if (pcr) lead = `They're one of the best-rated sponsors here${rating}`;

  let tail: string | null = null;
  if (offerings.length > 0) {
    const atBooth = offer && !/booth/i.test(offer) ? " at the booth" : "";
    tail = `ask about their ${joinList(offerings)}${offer ? ` — ${midSentence(offer)}${atBooth}` : ""}`;
  } else if (offer) {
    tail = booth ? `stop by booth ${booth} for their offer — ${midSentence(offer)}` : `don't miss their booth offer — ${midSentence(offer)}`;
  } else if (pcr && !lead?.startsWith("They're")) {
    tail = `they're one of the best-rated sponsors here${rating}`;
  } else if (booth) {
    tail = `find them at booth ${booth}`;
  }

  const sentence = lead && tail ? `${lead}; ${tail}` : (lead ?? (tail ? capitalize(tail) : `Worth a stop${booth ? ` at booth ${booth}` : " in the expo"}`));
  return truncateOnWord(`${sentence}.`, LIMITS.why);
}

/** The ranking's talking point when it has one; otherwise a question built from what they offer. */
export function sponsorTalkingPoint(ctx: TemplateContext, pick: SponsorPick): string {
  if (pick.talkingPoint?.trim()) return truncateOnWord(pick.talkingPoint, LIMITS.talkingPoint);
  const business = businessLabel(ctx.attendee.businessType);
  const offering = valuesOf(pick.reasons, "offering_overlap")[0] ?? cleanList(pick.offerings)[0];
  const company = business ? `${aOrAn(business)} ${business} company` : "a company";
  const text = offering
    ? `Ask how their ${midSentence(offering)} works for ${company} your size.`
    : `Ask what they have for ${business ? `${business} companies` : "contractors"} like yours.`;
  return truncateOnWord(text, LIMITS.talkingPoint);
}

function peerNames(pick: PeerPick) {
  const first = pick.firstName?.trim() || null;
  const full = cleanList([pick.firstName, pick.lastName]).join(" ") || "This attendee";
  return { first, full };
}

/** "You both focus on marketing and hiring, and Dana's solar business complements your roofing work." */
export function peerCommonGround(ctx: TemplateContext, pick: PeerPick): string {
  const r = pick.reasons;
  const { first } = peerNames(pick);
  const shared = valuesOf(r, "shared_focus");
  const theirs = businessLabel(pick.businessType);
  const mine = businessLabel(ctx.attendee.businessType);
  const tierReason = reasonOf(r, "same_revenue_tier");
  const tier = tierReason ? tierPhrase(tierReason.values?.[0] ?? ctx.attendee.revenueTier) : null;

  const clauses: string[] = [];
  if (shared.length > 0) clauses.push(`you both focus on ${joinList(shared)}`);
  if (reasonOf(r, "complementary_business")) {
    const whose = first ? `${first}'s` : "their";
    if (theirs && mine) clauses.push(`${whose} ${theirs} business complements your ${mine} work`);
    else clauses.push("your businesses complement each other");
  }
  if (tier) clauses.push(`you're both ${tier}`);
  if (reasonOf(r, "similar_size")) clauses.push("your companies are about the same size");

  const text = clauses.length > 0 ? capitalize(clauses.slice(0, 2).join(", and ")) : `You're both at ${ctx.eventName} to grow your businesses`;
  return truncateOnWord(`${text}.`, LIMITS.commonGround);
}

/** "Nina Alvarez runs Alvarez Solar, a solar company in San Antonio, TX — your work complements theirs, so there may be referrals both ways." */
export function peerWhy(ctx: TemplateContext, pick: PeerPick): string {
  const r = pick.reasons;
  const { full } = peerNames(pick);
  const company = pick.companyName?.trim() || null;
  const business = businessLabel(pick.businessType);
  const area = pick.serviceArea?.trim() || null;
  const kind = business ? `${aOrAn(business)} ${business} company${area ? ` in ${area}` : ""}` : null;

  let who: string;
  if (company) who = `${full} runs ${company}${kind ? `, ${kind}` : area ? ` in ${area}` : ""}`;
  else if (kind) who = `${full} runs ${kind}`;
  else who = `${full} is here too`;

  // Common ground already leads with shared focus areas, so the intro prefers the other reasons.
  const shared = valuesOf(r, "shared_focus");
  let tail: string;
  if (reasonOf(r, "complementary_business")) tail = " — your work complements theirs, so there may be referrals both ways";
  else if (shared.length > 0) tail = ` — a good person to compare notes with on ${joinList(shared)}`;
  else if (reasonOf(r, "similar_size") || reasonOf(r, "same_revenue_tier")) tail = " — a business your size, likely facing the same growing pains";
  else tail = ` — worth a hello while you're both at ${ctx.eventName}`;
  return truncateOnWord(`${who}${tail}.`, LIMITS.why);
}

export const templateSessionItem = (ctx: TemplateContext, pick: SessionPick): PersonalizedItem => ({
  targetId: pick.targetId,
  why: sessionWhy(ctx, pick),
});

export const templateSponsorItem = (ctx: TemplateContext, pick: SponsorPick): PersonalizedItem => ({
  targetId: pick.targetId,
  why: sponsorWhy(ctx, pick),
  talkingPoint: sponsorTalkingPoint(ctx, pick),
});

export const templatePeerItem = (ctx: TemplateContext, pick: PeerPick): PersonalizedItem => ({
  targetId: pick.targetId,
  why: peerWhy(ctx, pick),
  commonGround: peerCommonGround(ctx, pick),
});
