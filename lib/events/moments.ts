import { DateTime } from "luxon";
import type { AgendaItem, Event } from "@/db/schema";
import { eventEnd, eventStart } from "@/lib/scheduling/event-times";

/**
 * The moments of an event a dev-clock jump is useful for (issue 8 §3), in the event's
 * zone: the night before at 20:00, start − 1 h, start, lunch − 15 min, each session
 * − 15 min, end, end + 1 day.
 */
export type Moment = { label: string; at: Date };

export function eventMoments(event: Event, agenda: AgendaItem[]): { moments: Moment[]; sessions: Moment[] } {
  const times = { timezone: event.timezone, startsAt: event.startsAt, endsAt: event.endsAt, agenda };
  const start = eventStart(times);
  const end = eventEnd(times);
  const zone = event.timezone;
  const live = agenda.filter((a) => !a.cancelledAt);
  const lunch = live.find((a) => a.type === "lunch");
  const night = DateTime.fromJSDate(start, { zone }).minus({ days: 1 }).set({ hour: 20, minute: 0, second: 0, millisecond: 0 }).toJSDate();
  const minus = (d: Date, min: number) => new Date(d.getTime() - min * 60_000);
  const moments: Moment[] = [
    { label: "Night before, 20:00", at: night },
    { label: "Start − 1 h", at: minus(start, 60) },
    { label: "Start", at: start },
    ...(lunch ? [{ label: "Lunch − 15 min", at: minus(lunch.startsAt, 15) }] : []),
    { label: "End", at: end },
    { label: "End + 1 day", at: new Date(end.getTime() + 86_400_000) },
  ];
  const sessions = live
    .filter((a) => ["session", "keynote", "panel"].includes(a.type))
    .map((a) => ({ label: `${DateTime.fromJSDate(a.startsAt, { zone }).toFormat("h:mm a")} ${a.title} − 15 min`, at: minus(a.startsAt, 15) }));
  return { moments, sessions };
}
