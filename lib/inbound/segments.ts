import { SegmentedMessage } from "sms-segments-calculator";
import { toGsm7 } from "@/lib/messaging/templates/gsm7";

export const MAX_REPLY_SEGMENTS = 2;

export function segmentCount(text: string): number {
  return new SegmentedMessage(text).segmentsCount;
}

/**
 * SPEC §4.3: every SMS TPX writes fits in 2 segments. The text is folded to GSM-7 first
 * (as renderSms does, so a curly quote cannot turn it into UCS-2), then shortened at a
 * word boundary with an ellipsis, never cut mid-word.
 */
export function fitSegments(text: string, maxSegments: number = MAX_REPLY_SEGMENTS): string {
  let t = toGsm7(text).replace(/[ \t]+/g, " ").trim();
  if (segmentCount(t) <= maxSegments) return t;
  const words = t.split(" ");
  while (words.length > 1) {
    words.pop();
    t = `${words.join(" ").replace(/[\s,;:.-]+$/, "")}...`;
    if (segmentCount(t) <= maxSegments) return t;
  }
  return t;
}
