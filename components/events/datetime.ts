import { DateTime } from "luxon";
import { intlLocale, type Locale } from "@/lib/i18n/locale";

function local(at: Date, zone: string, locale: Locale = "en"): DateTime {
  return DateTime.fromJSDate(at, { zone }).setLocale(intlLocale(locale));
}

/** "8:00 AM" ("8:00 a. m." in Spanish) in the event's zone. */
export function formatTime(at: Date, zone: string, locale: Locale = "en"): string {
  return local(at, zone, locale).toLocaleString(DateTime.TIME_SIMPLE);
}

/** "Thursday, March 12, 2026" ("jueves, 12 de marzo de 2026") in the event's zone. */
export function formatDay(at: Date, zone: string, locale: Locale = "en"): string {
  return local(at, zone, locale).toLocaleString({ weekday: "long", month: "long", day: "numeric", year: "numeric" });
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
export function formatEventRange(start: Date, end: Date, zone: string, locale: Locale = "en"): { date: string; time: string } {
  const s = local(start, zone, locale);
  const e = local(end, zone, locale);
  const tz = local(end, zone).toFormat("ZZZZ");
  if (s.hasSame(e, "day")) {
    return { date: formatDay(start, zone, locale), time: `${formatTime(start, zone, locale)} – ${formatTime(end, zone, locale)} ${tz}` };
  }
  if (locale !== "en") {
    const span = { month: "long", day: "numeric", year: "numeric" } as const;
    return { date: `${s.toLocaleString(span)} – ${e.toLocaleString(span)}`, time: `${s.toLocaleString(DateTime.DATETIME_MED)} – ${e.toLocaleString(DateTime.DATETIME_MED)} ${tz}` };
  }
  const date = s.hasSame(e, "month")
    ? `${s.toFormat("LLLL d")} – ${e.toFormat("d, yyyy")}`
    : s.hasSame(e, "year")
      ? `${s.toFormat("LLLL d")} – ${e.toFormat("LLLL d, yyyy")}`
      : `${s.toFormat("LLLL d, yyyy")} – ${e.toFormat("LLLL d, yyyy")}`;
  return { date, time: `${s.toFormat("LLL d, h:mm a")} – ${e.toFormat("LLL d, h:mm a")} ${tz}` };
}
