/**
 * After the event and between events (CONVENTIONS: lib/followup). This file holds the
 * post-event timing rules of SPEC §3 as pure functions, the one place they are written.
 */
import type { MessageChannel, MessageType } from "@/db/schema";
import { latestUsefulTime, type UsefulnessContext } from "@/lib/messaging/useful-until";
import { applyQuietHours, type PlannedMessage, type Reachability } from "@/lib/scheduling/plan";
import { atLocal, eventEnd, toLocal, type EventTimes } from "@/lib/scheduling/event-times";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const POST_EVENT_TYPES = [
  "post_event_thank_you",
  "sponsor_batch_check",
  "event_pcr_request",
  "connection_summary",
  "feedback_request",
] as const satisfies readonly MessageType[];

/** Types only an attendee who checked in gets (a no-show has nothing to rate, visit or summarize). */
export const ATTENDED_ONLY: ReadonlySet<MessageType> = new Set(["sponsor_batch_check", "event_pcr_request", "connection_summary", "feedback_request"]);

/** Check-in closes this long after event end (SPEC §5.1; lib/checkin/window.ts reads the same figure). */
export const CHECK_IN_CLOSES_AFTER_END_MS = 24 * HOUR;

/** SPEC §3: when each post-event message is due, and on which channels. */
export function postEventTimes(event: EventTimes): Array<{ type: MessageType; channels: MessageChannel[]; at: Date }> {
  const end = eventEnd(event);
  const endDay = toLocal(end, event.timezone).startOf("day");
  const at = (ms: number) => new Date(end.getTime() + ms);
  return [
    { type: "sponsor_batch_check", channels: ["sms"], at: end },
    { type: "post_event_thank_you", channels: ["email", "sms"], at: at(30 * MINUTE) },
    { type: "event_pcr_request", channels: ["sms"], at: at(HOUR) },
    { type: "connection_summary", channels: ["email"], at: at(24 * HOUR) },
    // 10:00 on the wall clock two local days after the end date, DST included.
    { type: "feedback_request", channels: ["email", "sms"], at: atLocal(endDay.plus({ days: 2 }), 10) },
  ];
}

export type PostEventPlanInput = {
  event: EventTimes;
  attended: boolean;
  reach: Reachability;
  now: Date;
};

/**
 * The post-event messages of one registration. SMS respect quiet hours (SPEC §4). A
 * message whose time has passed when the event is completed late (the driver was down,
 * the completion ran a few seconds after the end) goes now if it is still useful
 * (SPEC §4.1), otherwise it is not planned (docs/decisions/0180).
 */
export function planPostEvent(input: PostEventPlanInput): PlannedMessage[] {
  const { event, reach, now } = input;
  const out: PlannedMessage[] = [];
  for (const w of postEventTimes(event)) {
    if (!input.attended && ATTENDED_ONLY.has(w.type)) continue;
    for (const channel of w.channels) {
      if (channel === "email" ? !reach.email : !reach.sms) continue;
      let scheduledFor = channel === "sms" ? applyQuietHours(w.type, w.at, event) : w.at;
      if (scheduledFor.getTime() < now.getTime()) {
        const useful = latestUsefulTime({ type: w.type, scheduledFor }, { event, agenda: event.agenda as UsefulnessContext["agenda"] });
        if (now.getTime() >= useful.getTime()) continue;
        scheduledFor = channel === "sms" ? applyQuietHours(w.type, now, event) : now;
      }
      // A no-show's thank-you is the "sorry we missed you": the template reads the check-in at send.
      out.push({ type: w.type, channel, dedupeKey: "main", scheduledFor });
    }
  }
  return out.sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime());
}
