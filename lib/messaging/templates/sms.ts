import type { MessageType } from "@/db/schema";
import type { RenderContext } from "./context";
import { eventWindow, firstName, formatDateTime, formatTime, joinList, plural, shorten } from "./format";
import { missingProfileFieldLabels } from "./profile-fields";
import { agendaCounts } from "./personalization";
import { DURING_EVENT_SMS } from "./sms-during-event";
import { INBOUND_SMS } from "@/lib/inbound/sms-templates";
import { POST_EVENT_SMS } from "./post-event-sms";

/**
 * SMS templates. Each returns its wordings from fullest to most compact; renderSms
 * sends the first that fits one segment, else the first that fits two. Links never
 * end a sentence (a trailing "." gets glued to the URL by some phones), so the
 * opt-out line follows on its own line.
 */
export type SmsTemplate = (ctx: RenderContext) => string[];

const STOP = "\nReply STOP to opt out";

// Names are cut so a long event title costs words, not segments.
const eventName = (ctx: RenderContext) => shorten(ctx.event.name, 40);
const hello = (ctx: RenderContext) => `Hi ${shorten(firstName(ctx) ?? "there", 20)}`;
const startTime = (ctx: RenderContext) => formatTime(eventWindow(ctx).start, ctx.event.timezone);
const startDateTime = (ctx: RenderContext) =>
  formatDateTime(eventWindow(ctx).start, ctx.event.timezone, { ref: ctx.message.scheduledFor, sep: ", " });

const registrationConfirmation: SmsTemplate = (ctx) => {
  const name = eventName(ctx);
  const when = startDateTime(ctx);
  if (ctx.attendee.profileCompletionStatus === "pending") {
    const link = ctx.links.profile;
    return [
      `${hello(ctx)}, you're registered for ${name}, ${when}. Take 2 minutes to complete your profile so we can plan your day: ${link}${STOP}`,
      `You're registered for ${name}, ${when}. Complete your profile: ${link}${STOP}`,
    ];
  }
  const link = ctx.links.event;
  return [
    `${hello(ctx)}, you're registered for ${name}, ${when}. Details: ${link}${STOP}`,
    `You're registered for ${name}, ${when}. Details: ${link}${STOP}`,
  ];
};

const checkInReminder =
  (moment: (ctx: RenderContext) => string, short: (ctx: RenderContext) => string): SmsTemplate =>
  (ctx) => [
    `${hello(ctx)}, ${moment(ctx)} Skip the line and check in from your phone: ${ctx.links.checkIn} or show your QR code at the desk.${STOP}`,
    `${hello(ctx)}, ${moment(ctx)} Check in from your phone: ${ctx.links.checkIn}${STOP}`,
    `${short(ctx)} Check in: ${ctx.links.checkIn}${STOP}`,
  ];

const nightBefore = checkInReminder(
  (ctx) => `${eventName(ctx)} is tomorrow at ${startTime(ctx)} and check-in is open.`,
  (ctx) => `${eventName(ctx)} is tomorrow, ${startTime(ctx)}.`,
);
const oneHour = checkInReminder(
  (ctx) => `${eventName(ctx)} starts in 1 hour (${startTime(ctx)}).`,
  (ctx) => `${eventName(ctx)} starts at ${startTime(ctx)}.`,
);
const eventStarting = checkInReminder(
  (ctx) => `${eventName(ctx)} is starting now.`,
  (ctx) => `${eventName(ctx)} is starting.`,
);

const profileReminder: SmsTemplate = (ctx) => {
  const name = eventName(ctx);
  const link = ctx.links.profile;
  const missing = missingProfileFieldLabels(ctx.contractor);
  const what = missing.length === 0 ? null : missing.length <= 3 ? joinList(missing) : plural(missing.length, "detail");
  const lead = what ? `your ${name} profile is missing ${what}.` : `please take a minute to confirm your ${name} profile.`;
  return [
    `${hello(ctx)}, ${lead} It's how we pick the speakers, sponsors and people worth your time: ${link}${STOP}`,
    `${hello(ctx)}, ${lead} Finish it here: ${link}${STOP}`,
    `Please finish your ${name} profile: ${link}${STOP}`,
  ];
};

// Transactional: the attendee just checked in, so no opt-out line (SPEC allows it).
const checkInConfirmation: SmsTemplate = (ctx) => {
  const first = firstName(ctx);
  const name = eventName(ctx);
  const welcome = first ? `Welcome to ${name}, ${shorten(first, 20)}!` : `Welcome to ${name}!`;
  return [
    `${welcome} You're checked in. We're building your personal plan now; it will be here in a minute: ${ctx.links.agenda}`,
    `${welcome} You're checked in. Your plan: ${ctx.links.agenda}`,
    `Checked in to ${name}. Your plan: ${ctx.links.agenda}`,
  ];
};

const agendaReady: SmsTemplate = (ctx) => {
  const name = eventName(ctx);
  const link = ctx.links.agenda;
  const summary = agendaCounts(ctx.message.personalization).summary;
  if (!summary) {
    return [`${hello(ctx)}, your personal plan for ${name} is ready: ${link}${STOP}`, `Your ${name} plan: ${link}${STOP}`];
  }
  return [
    `${hello(ctx)}, your AI prepared ${summary} for ${name}. See your personal plan: ${link}${STOP}`,
    `Your AI prepared ${summary} for ${name}: ${link}${STOP}`,
    `Your ${name} plan is ready: ${link}${STOP}`,
  ];
};

export const SMS_TEMPLATES: Partial<Record<MessageType, SmsTemplate>> = {
  ...DURING_EVENT_SMS,
  ...INBOUND_SMS,
  ...POST_EVENT_SMS,
  registration_confirmation: registrationConfirmation,
  check_in_reminder_night_before: nightBefore,
  check_in_reminder_1_hour: oneHour,
  check_in_reminder_event_start: eventStarting,
  profile_completion_reminder: profileReminder,
  check_in_confirmation: checkInConfirmation,
  agenda_ready: agendaReady,
};
