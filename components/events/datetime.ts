import { DateTime } from "luxon";

const LOCALE = "en-US";

function local(at: Date, zone: string): DateTime {
  return DateTime.fromJSDate(at, { zone }).setLocale(LOCALE);
}

/** "8:00 AM" in the event's zone. */
export function formatTime(at: Date, zone: string): string {
  return local(at, zone).toLocaleString(DateTime.TIME_SIMPLE);
}

/** "Thursday, March 12, 2026" in the event's zone. */
export function formatDay(at: Date, zone: string): string {
  return local(at, zone).toLocaleString({ weekday: "long", month: "long", day: "numeric", year: "numeric" });
}

/** "Mar 12, 2026, 8:00 AM EDT": one instant in the event's zone, for tables. */
export function formatDateTimeShort(at: Date, zone: string): string {
  return local(at, zone).toFormat("LLL d, yyyy, h:mm a ZZZZ");
}

/** "Mar 12, 2026" in the event's zone. */
export function formatShortDate(at: Date, zone: string): string {
  return local(at, zone).toFormat("LLL d, yyyy");
}

/** "8:00 AM EDT" in the event's zone. */
export function formatTimeWithZone(at: Date, zone: string): string {
  return local(at, zone).toFormat("h:mm a ZZZZ");
}

/** "2026-03-12 12:00 UTC". */
export function formatUtc(at: Date): string {
  return DateTime.fromJSDate(at, { zone: "utc" }).toFormat("yyyy-LL-dd HH:mm 'UTC'");
}

/** "EDT" (or the offset when the zone has no abbreviation). */
export function zoneAbbreviation(at: Date, zone: string): string {
  return local(at, zone).toFormat("ZZZZ");
}

/**
 * The date line and the time line of an event, both in its own zone:
 * one day → { date: "Thursday, March 12, 2026", time: "8:00 AM – 5:30 PM EDT" };
 * several → { date: "March 12 – 13, 2026", time: "Mar 12, 8:00 AM – Mar 13, 5:00 PM EDT" }.
 */
export function formatEventRange(start: Date, end: Date, zone: string): { date: string; time: string } {
  const s = local(start, zone);
  const e = local(end, zone);
  const tz = e.toFormat("ZZZZ");
  if (s.hasSame(e, "day")) {
    return { date: formatDay(start, zone), time: `${formatTime(start, zone)} – ${formatTime(end, zone)} ${tz}` };
  }
  const date = s.hasSame(e, "month")
    ? `${s.toFormat("LLLL d")} – ${e.toFormat("d, yyyy")}`
    : s.hasSame(e, "year")
      ? `${s.toFormat("LLLL d")} – ${e.toFormat("LLLL d, yyyy")}`
      : `${s.toFormat("LLLL d, yyyy")} – ${e.toFormat("LLLL d, yyyy")}`;
  return { date, time: `${s.toFormat("LLL d, h:mm a")} – ${e.toFormat("LLL d, h:mm a")} ${tz}` };
}
