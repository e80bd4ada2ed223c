/**
 * What the tablet shows for each answer (client-safe: the offline path uses the
 * same words). Green: in. Amber: already in, or scanned on another device too.
 * Red: each refusal in its own words, so the person at the door knows what to say.
 */
export type Tone = "green" | "amber" | "red";

export type ScanOutcome =
  | "checked_in"
  | "already_checked_in"
  | "conflict"
  | "attended"
  | "queued"
  | "unknown_code"
  | "attendee_not_found"
  | "wrong_event"
  | "registration_cancelled"
  | "event_cancelled"
  | "check_in_not_open"
  | "check_in_closed"
  | "undone"
  | "error";

export type ScanResult = {
  outcome: ScanOutcome;
  tone: Tone;
  title: string;
  message: string;
  nonce: string;
  name?: string;
  companyName?: string | null;
  attendeeId?: string;
  /** ISO time until which this device may undo the check-in. */
  undoUntil?: string;
};

const TITLES: Record<ScanOutcome, { tone: Tone; title: string }> = {
  checked_in: { tone: "green", title: "Checked in" },
  queued: { tone: "green", title: "Checked in (offline)" },
  attended: { tone: "green", title: "In the room" },
  already_checked_in: { tone: "amber", title: "Already checked in" },
  conflict: { tone: "amber", title: "Also scanned on another device" },
  undone: { tone: "amber", title: "Check-in undone" },
  unknown_code: { tone: "red", title: "Not registered" },
  attendee_not_found: { tone: "red", title: "Not registered" },
  wrong_event: { tone: "red", title: "Registered for another event" },
  registration_cancelled: { tone: "red", title: "Registration cancelled" },
  event_cancelled: { tone: "red", title: "Event cancelled" },
  check_in_not_open: { tone: "red", title: "Check-in is not open yet" },
  check_in_closed: { tone: "red", title: "Check-in has closed" },
  error: { tone: "red", title: "Not checked in" },
};

export function describe(outcome: ScanOutcome): { tone: Tone; title: string } {
  return TITLES[outcome] ?? TITLES.error;
}

export function isScanOutcome(code: string): code is ScanOutcome {
  return code in TITLES;
}
