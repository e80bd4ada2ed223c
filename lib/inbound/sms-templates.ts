import type { MessageType } from "@/db/schema";
import type { RenderContext } from "@/lib/messaging/templates/context";

/**
 * The SMS lib/inbound writes. Their text is decided when the row is planned (a reply is
 * the answer to one question) and travels in personalization, already within 2 segments.
 */
type Template = (ctx: RenderContext) => string[];
type P = Record<string, string | undefined>;
const p = (ctx: RenderContext) => ctx.message.personalization as P;

const smsReply: Template = (ctx) => [p(ctx).body ?? ""];

const peerMatchAttendance: Template = (ctx) => {
  const who = p(ctx).peerFirstName ?? "your match";
  return [`Did you get to meet ${who}? Reply YES or NO.\nReply STOP to opt out`, `Did you meet ${who}? Reply YES or NO.`];
};

export const INBOUND_SMS: Partial<Record<MessageType, Template>> = {
  sms_reply: smsReply,
  peer_match_attendance: peerMatchAttendance,
};
