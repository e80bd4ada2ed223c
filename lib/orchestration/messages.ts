import type { MessageType } from "@/db/schema";
import type { EventTimes } from "@/lib/scheduling/event-times";
import { applyQuietHours, type PlannedMessage, type Reachability } from "@/lib/scheduling/plan";

export type PlannedWithData = PlannedMessage & { personalization: Record<string, unknown> };

/** An SMS at `at` (quiet hours applied), only for attendees who can get SMS. */
export function smsAt(
  type: MessageType,
  dedupeKey: string,
  at: Date,
  reach: Reachability,
  times: EventTimes,
  personalization: Record<string, unknown>,
): PlannedWithData[] {
  if (!reach.sms) return [];
  return [{ type, channel: "sms", dedupeKey, scheduledFor: applyQuietHours(type, at, times), personalization }];
}

const MIN = 60_000;

/** SPEC §3: 15 min before a recommended session (at once when that has passed). */
export function sessionAlertAt(startsAt: Date, now: Date): Date {
  return new Date(Math.max(now.getTime(), startsAt.getTime() - 15 * MIN));
}

/** SPEC §3: the rating request 7 min after the session ends. */
export function ratingRequestAt(endsAt: Date): Date {
  return new Date(endsAt.getTime() + 7 * MIN);
}
