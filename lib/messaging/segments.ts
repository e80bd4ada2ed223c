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

const LINK = /https?:\/\/\S+/;

/**
 * SPEC §4.3: the text cut to `maxSegments`, at a word boundary and never inside a
 * link. Words go from the end of the sentence before the first link ("…"), so the
 * link and the opt-out line after it survive; the last resort is the link part alone.
 */
export function fitSegments(text: string, maxSegments = MAX_SMS_SEGMENTS): string {
  if (smsSegmentCount(text) <= maxSegments) return text;
  const link = LINK.exec(text);
  const head = link ? text.slice(0, link.index) : text;
  const tail = link ? text.slice(link.index) : "";
  const words = head.trimEnd().split(/\s+/);
  for (let n = words.length - 1; n > 0; n--) {
    const cut = `${words.slice(0, n).join(" ").replace(/[\s,;:.-]+$/, "")}...${tail ? " " : ""}${tail}`;
    if (smsSegmentCount(cut) <= maxSegments) return cut;
  }
  return tail || words[0];
}
