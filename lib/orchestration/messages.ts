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
