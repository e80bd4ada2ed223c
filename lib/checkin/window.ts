import { DateTime } from "luxon";
import type { Event } from "@/db/schema";
import { atLocal, eventEnd, eventStart, toLocal, type EventTimes } from "@/lib/scheduling/event-times";

/**
 * SPEC §5.1: check-in opens at 20:00 local the day before the event (with the
 * night-before reminder) and closes 24 h after event end (or at check_in_closes_at).
 */
export function checkInWindow(event: Pick<Event, "checkInClosesAt">, times: EventTimes): { opensAt: Date; closesAt: Date } {
  const startDay = toLocal(eventStart(times), times.timezone).startOf("day");
  const opensAt = atLocal(startDay.minus({ days: 1 }), 20);
  const closesAt = event.checkInClosesAt ?? new Date(eventEnd(times).getTime() + 24 * 3600_000);
  return { opensAt, closesAt };
}

export function formatLocal(at: Date, zone: string, format = "ccc, LLL d 'at' h:mm a ZZZZ"): string {
  return DateTime.fromJSDate(at, { zone }).toFormat(format);
}
