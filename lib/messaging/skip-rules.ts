import type { AgendaItem, Attendee, Contractor, Event, MessageChannel, MessageType, Sponsor } from "@/db/schema";
import { isProfileComplete } from "@/lib/registration/profile-completeness";
import { ATTENDED_ONLY } from "@/lib/followup/schedule";
import { isStale } from "./useful-until";
import type { FollowupFacts } from "./send-context";

export type SendDecision = { action: "send" } | { action: "skip" | "cancel"; reason: string };

/** Messages a person gets even after unsubscribing from email: they asked for them. */
const TRANSACTIONAL: ReadonlySet<MessageType> = new Set(["registration_confirmation", "check_in_confirmation"]);

const BETWEEN_EVENTS: ReadonlySet<MessageType> = new Set(["re_engagement", "event_invitation"]);

/** SPEC §3 skip-at-send of the after-event and between-events rows (facts loaded in send-context.ts). */
function followupSkip(
  m: { type: MessageType; personalization?: Record<string, unknown> },
  ctx: { event: Event; attendee: Attendee | null; contractor: Contractor; followup?: FollowupFacts },
): SendDecision | null {
  if (ATTENDED_ONLY.has(m.type) && !ctx.attendee?.checkInTime) return { action: "skip", reason: "did not check in" };
  if (m.type === "feedback_request" && ctx.followup?.feedbackGiven) return { action: "skip", reason: "feedback given" };
  if (m.type === "event_invitation") {
    if (ctx.followup?.registered) return { action: "skip", reason: "already registered" };
    if (ctx.event.status !== "published") return { action: "skip", reason: `event ${ctx.event.status}` };
  }
  const last = ctx.contractor.lastInteractionAt;
  const planned = typeof m.personalization?.plannedAt === "string" ? Date.parse(m.personalization.plannedAt) : NaN;
  if (m.type === "re_engagement" && last && last.getTime() > planned) return { action: "skip", reason: "interacted since" };
  return null;
}

const CHECK_IN_REMINDERS: ReadonlySet<MessageType> = new Set([
  "check_in_reminder_night_before",
  "check_in_reminder_1_hour",
  "check_in_reminder_event_start",
]);

/**
 * SPEC §3 "skip at send": evaluated at the moment of sending, on fresh data,
 * so a reminder planned a week ago respects today's check-in or opt-out.
 */
export function decideAtSend(
  m: { type: MessageType; channel: MessageChannel; scheduledFor?: Date; personalization?: Record<string, unknown> },
  ctx: { event: Event; attendee: Attendee | null; contractor: Contractor; agenda?: AgendaItem[]; sponsor?: Sponsor | null; followup?: FollowupFacts },
  at?: Date,
): SendDecision {
  const { event, attendee, contractor } = ctx;
  const agendaItemId = m.personalization?.agendaItemId;
  if (m.type === "speaker_alert" && typeof agendaItemId === "string" && !ctx.agenda?.some((a) => a.id === agendaItemId)) {
    return { action: "skip", reason: "session cancelled" };
  }
  if (m.type === "sponsor_recommendation" && (!ctx.sponsor || ctx.sponsor.removedAt)) {
    return { action: "skip", reason: "sponsor removed" };
  }
  if (event.status === "cancelled") return { action: "cancel", reason: "event cancelled" };
  // Between-events messages hang on the contractor's newest registration, not on this event's (lib/followup).
  if (attendee?.cancelledAt && !BETWEEN_EVENTS.has(m.type)) return { action: "cancel", reason: "registration cancelled" };
  const followup = followupSkip(m, ctx);
  if (followup) return followup;
  if (m.channel === "sms") {
    if (!contractor.phone) return { action: "skip", reason: "no mobile number" };
    if (contractor.smsOptedOutAt) return { action: "skip", reason: "opted out of SMS" };
    // A reply answers a text the person sent us: that is their consent for this one message.
    if (!contractor.smsOptIn && m.type !== "sms_reply") return { action: "skip", reason: "no SMS consent" };
  } else if (contractor.emailBouncedAt) {
    return { action: "skip", reason: "email address bounced or complained" };
  } else if (contractor.emailUnsubscribedAt && !TRANSACTIONAL.has(m.type)) {
    return { action: "skip", reason: "unsubscribed from email" };
  }
  if (CHECK_IN_REMINDERS.has(m.type) && attendee?.checkInTime) return { action: "skip", reason: "already checked in" };
  if (
    m.type === "profile_completion_reminder" &&
    (attendee?.profileCompletionStatus === "completed" || isProfileComplete(contractor))
  ) {
    return { action: "skip", reason: "profile completed" };
  }
  // SPEC §4.1: after its latest useful time a message is no longer true (downtime, a clock jump).
  if (at && isStale({ type: m.type, scheduledFor: m.scheduledFor ?? at, personalization: m.personalization }, { event, agenda: ctx.agenda ?? [] }, at)) {
    return { action: "skip", reason: "stale" };
  }
  return { action: "send" };
}
