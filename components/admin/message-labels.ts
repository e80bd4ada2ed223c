import type { BadgeProps } from "@/components/ui/badge";
import type { MessageStatus, MessageType } from "@/db/schema";

export const MESSAGE_TYPE_LABELS: Record<MessageType, string> = {
  registration_confirmation: "Registration confirmation",
  check_in_reminder_night_before: "Check-in reminder (night before)",
  check_in_reminder_1_hour: "Check-in reminder (1 hour)",
  check_in_reminder_event_start: "Check-in reminder (event start)",
  profile_completion_reminder: "Profile completion reminder",
  check_in_confirmation: "Check-in confirmation",
  agenda_ready: "Agenda ready",
  speaker_alert: "Speaker alert",
  sponsor_recommendation: "Sponsor recommendation",
  peer_introduction: "Peer introduction",
  peer_match_attendance: "Peer match attendance",
  speaker_pcr_request: "Speaker rating request",
  sponsor_batch_check: "Sponsor batch check",
  event_pcr_request: "Event rating request",
  post_event_thank_you: "Post-event thank you",
  connection_summary: "Connection summary",
  feedback_request: "Feedback request",
  re_engagement: "Re-engagement",
  event_invitation: "Event invitation",
  sms_reply: "Reply",
};

export const MESSAGE_STATUSES: readonly MessageStatus[] = ["scheduled", "sending", "sent", "skipped", "failed", "cancelled"];

export const STATUS_BADGE: Record<MessageStatus, NonNullable<BadgeProps["variant"]>> = {
  scheduled: "info",
  sending: "warning",
  sent: "success",
  skipped: "secondary",
  failed: "destructive",
  cancelled: "outline",
};

export const CHANNEL_LABELS = { email: "Email", sms: "SMS" } as const;
