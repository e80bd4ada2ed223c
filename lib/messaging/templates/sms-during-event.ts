import type { MessageType } from "@/db/schema";
import type { RenderContext } from "./context";
import { firstName, formatTime, shorten } from "./format";
import type { SmsTemplate } from "./sms";

/**
 * The during-event SMS (SPEC §3, §5.3, §5.4). Their facts (session, booth, peer)
 * were fixed when the plan was stored and travel in `message.personalization`, so a
 * text never invents a time or a room.
 */
const STOP = "\nReply STOP to opt out";
type P = Record<string, string | undefined>;
const p = (ctx: RenderContext) => ctx.message.personalization as P;
const hello = (ctx: RenderContext) => `Hi ${shorten(firstName(ctx) ?? "there", 20)}`;

const speakerAlert: SmsTemplate = (ctx) => {
  const d = p(ctx);
  const title = shorten(d.title ?? "your next session", 60);
  const at = d.startsAt ? formatTime(new Date(d.startsAt), ctx.event.timezone) : "";
  const room = d.room ? ` in ${d.room}` : "";
  const by = d.speakerName ? ` with ${shorten(d.speakerName, 30)}` : "";
  const why = d.why ? ` ${shorten(d.why, 120)}` : "";
  return [
    `${hello(ctx)}, starting at ${at}${room}: "${title}"${by}.${why}${STOP}`,
    `Starting at ${at}${room}: "${title}"${by}.${STOP}`,
    `${at}${room}: "${shorten(title, 40)}"${STOP}`,
  ];
};

const sponsorRecommendation: SmsTemplate = (ctx) => {
  const d = p(ctx);
  const booth = d.boothNumber ? ` at booth ${d.boothNumber}` : "";
  const talk = d.talkingPoint ? ` ${shorten(d.talkingPoint, 120)}` : "";
  return [
    `${hello(ctx)}, during the break visit ${d.sponsorName}${booth}.${talk}${STOP}`,
    `Break tip: visit ${d.sponsorName}${booth}.${talk}${STOP}`,
    `Visit ${d.sponsorName}${booth} this break.${STOP}`,
  ];
};

const peerIntroduction: SmsTemplate = (ctx) => {
  const d = p(ctx);
  const who = shorten(d.peerFirstName ?? "a fellow attendee", 20);
  const from = d.peerCompany ? ` from ${shorten(d.peerCompany, 30)}` : "";
  const ground = d.commonGround ? ` ${shorten(d.commonGround, 120)}` : "";
  return [
    `${hello(ctx)}, meet ${who}${from}.${ground} Reply YES to meet or NO to pass.${STOP}`,
    `Meet ${who}${from}.${ground} Reply YES to meet.${STOP}`,
    `Meet ${who}${from}? Reply YES or NO.${STOP}`,
  ];
};

const speakerPcrRequest: SmsTemplate = (ctx) => {
  const d = p(ctx);
  const what = d.speakerName ? `${shorten(d.speakerName, 30)}'s session` : `"${shorten(d.title ?? "the session", 40)}"`;
  return [
    `${hello(ctx)}, how was ${what}? Reply with a rating from 1 (poor) to 5 (excellent).${STOP}`,
    `How was ${what}? Reply 1-5.${STOP}`,
  ];
};

/** A bundle row (lib/orchestration/budget-store.ts) carries its members' facts in `bundle`. */
const bundleOf = (ctx: RenderContext): P[] | null => {
  const b = (ctx.message.personalization as { bundle?: unknown }).bundle;
  return Array.isArray(b) && b.length > 1 ? (b as P[]) : null;
};

/** All the tips of one break in one text (the SMS budget). */
export const sponsorBundle: SmsTemplate = (ctx) => {
  const tips = bundleOf(ctx) ?? [p(ctx)];
  const visit = tips.map((d) => `${shorten(d.sponsorName ?? "a sponsor", 30)}${d.boothNumber ? ` (booth ${d.boothNumber})` : ""}`);
  const list = visit.length > 1 ? `${visit.slice(0, -1).join(", ")} and ${visit.at(-1)}` : visit[0];
  return [
    `${hello(ctx)}, this break visit ${list}. What to ask each is on your agenda: ${ctx.links.agenda}${STOP}`,
    `This break visit ${list}. Details: ${ctx.links.agenda}${STOP}`,
    `This break: ${list}.${STOP}`,
  ];
};

/** Consecutive rating requests in one text: "rate the last two talks: reply A4 B5". */
export const ratingBundle: SmsTemplate = (ctx) => {
  const talks = bundleOf(ctx) ?? [p(ctx)];
  const letters = talks.map((_, i) => String.fromCharCode(65 + i));
  const names = talks.map((d, i) => `${letters[i]} = ${d.speakerName ? shorten(d.speakerName, 24) : `"${shorten(d.title ?? "a session", 30)}"`}`).join(", ");
  const example = letters.map((l, i) => `${l}${[4, 5, 3][i] ?? 4}`).join(" ");
  const n = talks.length === 2 ? "two" : String(talks.length);
  return [
    `${hello(ctx)}, rate the last ${n} talks from 1 to 5: reply like "${example}" (${names}).${STOP}`,
    `Rate the last ${n} talks 1-5, reply "${example}" (${names}).${STOP}`,
  ];
};

const orBundle = (single: SmsTemplate, bundled: SmsTemplate): SmsTemplate => (ctx) => (bundleOf(ctx) ? bundled(ctx) : single(ctx));

export const DURING_EVENT_SMS: Partial<Record<MessageType, SmsTemplate>> = {
  speaker_alert: speakerAlert,
  sponsor_recommendation: orBundle(sponsorRecommendation, sponsorBundle),
  peer_introduction: peerIntroduction,
  speaker_pcr_request: orBundle(speakerPcrRequest, ratingBundle),
};
