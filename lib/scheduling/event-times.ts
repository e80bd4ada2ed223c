import { DateTime } from "luxon";

/** The parts of an event the timing rules read. */
export type EventTimes = {
  timezone: string;
  startsAt: Date;
  endsAt: Date;
  agenda: ReadonlyArray<{ type: string; startsAt: Date; endsAt: Date; cancelledAt?: Date | null }>;
};

function liveAgenda(e: EventTimes) {
  return e.agenda.filter((a) => !a.cancelledAt);
}

/** SPEC §2: the earlier of starts_at and the first agenda item's start. */
export function eventStart(e: EventTimes): Date {
  const first = Math.min(...liveAgenda(e).map((a) => a.startsAt.getTime()));
  return new Date(Math.min(e.startsAt.getTime(), first));
}

/** SPEC §2: the later of ends_at and the last agenda item's end. */
export function eventEnd(e: EventTimes): Date {
  const last = Math.max(...liveAgenda(e).map((a) => a.endsAt.getTime()));
  return new Date(Math.max(e.endsAt.getTime(), last));
}

export function toLocal(at: Date, zone: string): DateTime {
  return DateTime.fromJSDate(at, { zone });
}

/** A wall-clock time on a local calendar day, as an instant (DST-correct). */
export function atLocal(day: DateTime, hour: number, minute = 0): Date {
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour, minute },
    { zone: day.zoneName ?? "UTC" },
  ).toJSDate();
}

/** Whole calendar days between two instants' local dates (b − a). */
export function calendarDaysBetween(a: Date, b: Date, zone: string): number {
  const da = toLocal(a, zone).startOf("day");
  const db = toLocal(b, zone).startOf("day");
  return Math.round(db.diff(da, "days").days);
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
