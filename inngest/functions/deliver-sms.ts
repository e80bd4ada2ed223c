import { env } from "@/lib/env";
import { inngest, messageCancelled, smsDue } from "../client";
import { runDeliveryAttempts } from "./delivery-attempts";

/**
 * SPEC §4.2: an SMS that is due, started at most SMS_SEGMENTS_PER_SECOND runs per
 * second per sending number. The throttle counts messages, not segments: the
 * database pace inside delivery (lib/messaging/pacing.ts) holds a 2-segment message
 * for its second slot, so the number never exceeds its segment rate (decision 0113).
 */
export function smsThrottle(segmentsPerSecond = env().SMS_SEGMENTS_PER_SECOND) {
  return { key: "event.data.sender", limit: Math.max(1, Math.floor(segmentsPerSecond)), period: "1s" as const };
}

export const deliverSmsFunction = inngest.createFunction(
  {
    id: "deliver-sms",
    triggers: [smsDue],
    throttle: smsThrottle(),
    cancelOn: [{ event: messageCancelled, if: "async.data.messageId == event.data.messageId" }],
    retries: 3,
  },
  async ({ event, step }) => runDeliveryAttempts(step, event.data),
);
