import type { AgendaItem, Attendee, Contractor, Event, MessageChannel, MessageType, Sponsor } from "@/db/schema";
import { isProfileComplete } from "@/lib/registration/profile-completeness";
import { isStale } from "./useful-until";

export type SendDecision = { action: "send" } | { action: "skip" | "cancel"; reason: string };

/** Messages a person gets even after unsubscribing from email: they asked for them. */
const TRANSACTIONAL: ReadonlySet<MessageType> = new Set(["registration_confirmation", "check_in_confirmation"]);

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
  ctx: { event: Event; attendee: Attendee | null; contractor: Contractor; agenda?: AgendaItem[]; sponsor?: Sponsor | null },
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
  if (attendee?.cancelledAt) return { action: "cancel", reason: "registration cancelled" };
  if (m.channel === "sms") {
    if (!contractor.phone) return { action: "skip", reason: "no mobile number" };
    if (contractor.smsOptedOutAt) return { action: "skip", reason: "opted out of SMS" };
    if (!contractor.smsOptIn) return { action: "skip", reason: "no SMS consent" };
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
