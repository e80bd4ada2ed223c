import { DateTime } from "luxon";

/**
 * Time-zone facts the calendar file and the message templates both need, derived
 * from the runtime's tz database through luxon (no hand-kept tables to go stale).
 */

// en-US names only the North American zones; other English locales know their own
// ("BST", "NZDT", "IST", "AEST"). The first one that gives letters wins.
const NAME_LOCALES = ["en-US", "en-GB", "en-AU", "en-IN", "en-ZA", "en-SG"];

/** "EST", "BST", "NZDT", "IST", or "GMT+9" where no English locale has a name. */
export function zoneAbbreviation(at: Date, zone: string): string {
  let fallback = "";
  for (const locale of NAME_LOCALES) {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
    if (!name) continue;
    if (!/^(GMT|UTC)[+\-\u2212]/.test(name)) return name;
    fallback ||= name;
  }
  return fallback || "UTC";
}

export type OffsetTransition = {
  /** The instant the new offset starts. */
  at: Date;
  /** Minutes east of UTC. */
  offsetFrom: number;
  offsetTo: number;
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const offsetAt = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).offset;

/**
 * Every offset change in [from, to). Steps a day at a time (no zone changes twice in
 * a day), then narrows each change to the minute by binary search.
 */
export function offsetTransitions(zone: string, from: Date, to: Date): OffsetTransition[] {
  const found: OffsetTransition[] = [];
  let prev = from.getTime();
  let prevOffset = offsetAt(prev, zone);
  while (prev < to.getTime()) {
    const next = Math.min(prev + DAY, to.getTime());
    const nextOffset = offsetAt(next, zone);
    if (nextOffset !== prevOffset) {
      // Invariant: offset(lo) = prevOffset, offset(hi) = nextOffset.
      let lo = prev;
      let hi = next;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (offsetAt(mid, zone) === prevOffset) lo = mid;
        else hi = mid;
      }
      found.push({ at: new Date(hi), offsetFrom: prevOffset, offsetTo: nextOffset });
    }
    prev = next;
    prevOffset = nextOffset;
  }
  return found;
}

/** "+0530", "-0500" (RFC 5545 utc-offset). */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

const LOCAL_FORMAT = "yyyyMMdd'T'HHmmss";

/**
 * A VTIMEZONE for `zone` valid for every instant in the calendar years `fromYear`..`toYear`:
 * the real transitions in those years plus the one in force on 1 January of the first,
 * so a client never has to guess the offset before the first listed onset.
 * A zone without changes gets one STANDARD observance.
 */
export function vtimezoneLines(zone: string, fromYear: number, toYear: number): readonly string[] {
  // A pure function of its arguments and the process's tz database, and ~6 ms of luxon offset lookups
  // (two years scanned a day at a time): every confirmation's .ics needs it, so it is computed once per key.
  const key = `${zone}|${fromYear}|${toYear}`;
  let lines = vtimezoneCache.get(key);
  if (!lines) {
    if (vtimezoneCache.size >= VTIMEZONE_CACHE_MAX) vtimezoneCache.clear();
    lines = Object.freeze(computeVtimezoneLines(zone, fromYear, toYear));
    vtimezoneCache.set(key, lines);
  }
  return lines;
}

const VTIMEZONE_CACHE_MAX = 256;
const vtimezoneCache = new Map<string, readonly string[]>();

/** vtimezoneLines without the cache (exported for its test). */
export function computeVtimezoneLines(zone: string, fromYear: number, toYear: number): string[] {
  const start = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone });
  const end = DateTime.fromObject({ year: toYear + 1, month: 1, day: 1 }, { zone });
  const before = offsetTransitions(zone, start.minus({ years: 1 }).toJSDate(), start.toJSDate()).at(-1);
  const inside = offsetTransitions(zone, start.toJSDate(), end.toJSDate());
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  if (!before && inside.length === 0) {
    const offset = formatUtcOffset(start.offset);
    lines.push(
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      `TZNAME:${zoneAbbreviation(start.toJSDate(), zone)}`,
      "END:STANDARD",
    );
  }
  for (const t of before ? [before, ...inside] : inside) {
    const after = DateTime.fromJSDate(t.at, { zone });
    const kind = after.isInDST ? "DAYLIGHT" : "STANDARD";
    // DTSTART is the onset in the wall time that was in force just before it.
    const onset = DateTime.fromMillis(t.at.getTime(), { zone: "UTC" }).plus({ minutes: t.offsetFrom });
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${onset.toFormat(LOCAL_FORMAT)}`,
      `TZOFFSETFROM:${formatUtcOffset(t.offsetFrom)}`,
      `TZOFFSETTO:${formatUtcOffset(t.offsetTo)}`,
      `TZNAME:${zoneAbbreviation(t.at, zone)}`,
      `END:${kind}`,
    );
  }
  lines.push("END:VTIMEZONE");
  return lines;
}

/** Wall-clock time in `zone`, for DTSTART;TZID=… */
export function localStamp(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat(LOCAL_FORMAT);
}

/** UTC form for DTSTAMP / LAST-MODIFIED. */
export function utcStamp(at: Date): string {
  return DateTime.fromJSDate(at, { zone: "UTC" }).toFormat(`${LOCAL_FORMAT}'Z'`);
}
