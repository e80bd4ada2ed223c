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

export const DURING_EVENT_SMS: Partial<Record<MessageType, SmsTemplate>> = {
  speaker_alert: speakerAlert,
  sponsor_recommendation: sponsorRecommendation,
  peer_introduction: peerIntroduction,
  speaker_pcr_request: speakerPcrRequest,
};
