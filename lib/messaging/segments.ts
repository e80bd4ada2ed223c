import { SegmentedMessage } from "sms-segments-calculator";

/**
 * SPEC §4.3: segments by the carrier's rules (GSM-7: 160, then 153 per segment; any
 * character outside GSM-7 makes it UCS-2: 70, then 67), counted by Twilio's own
 * calculator rather than by hand.
 */
export const MAX_SMS_SEGMENTS = 2;

export type SmsSize = { segments: number; encoding: string };

export function smsSize(body: string): SmsSize {
  const m = new SegmentedMessage(body);
  return { segments: m.segmentsCount, encoding: m.encodingName };
}

export function smsSegmentCount(body: string): number {
  return smsSize(body).segments;
}

/** Estimated price of one SMS, in dollars (the per-segment price is configured in env). */
export function estimatedSmsCost(segments: number, costPerSegment: number): number {
  return Math.round(segments * costPerSegment * 10_000) / 10_000;
}
