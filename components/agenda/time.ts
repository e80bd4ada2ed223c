import { DateTime } from "luxon";
import { formatDay, formatTime } from "@/components/events/datetime";
import type { Locale } from "@/lib/i18n/locale";

/** "9:15 AM – 10:00 AM" in the event's zone (both ends spelled out: easy to scan, easy to find). */
export function formatTimeRange(start: Date, end: Date, zone: string, locale: Locale = "en"): string {
  return `${formatTime(start, zone, locale)} – ${formatTime(end, zone, locale)}`;
}

/** The local calendar day an instant falls on, e.g. "2026-03-12": groups a multi-day agenda. */
export function localDayKey(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() ?? "";
}

/** Items grouped by local day, in order, each group labelled "Thursday, March 12, 2026". */
export function groupByLocalDay<T extends { startsAt: Date }>(items: ReadonlyArray<T>, zone: string, locale: Locale = "en") {
  const groups: Array<{ key: string; label: string; items: T[] }> = [];
  for (const item of items) {
    const key = localDayKey(item.startsAt, zone);
    const last = groups.at(-1);
    if (last && last.key === key) last.items.push(item);
    else groups.push({ key, label: formatDay(item.startsAt, zone, locale), items: [item] });
  }
  return groups;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
