import { DateTime } from "luxon";
import { zoneAbbreviation } from "@/lib/calendar/timezone";
import { eventEnd, eventStart } from "@/lib/scheduling/event-times";
import type { RenderContext } from "./context";

/** The attendee's first name, or null when we don't know it. */
export function firstName(ctx: Pick<RenderContext, "contractor">): string | null {
  const name = ctx.contractor.firstName?.trim();
  return name ? name : null;
}

/** "Hi Dana" / "Hi there". */
export function hi(ctx: Pick<RenderContext, "contractor">): string {
  return `Hi ${firstName(ctx) ?? "there"}`;
}

/** SPEC §2 event start/end: the agenda can stretch the event row's times. */
export function eventWindow(ctx: Pick<RenderContext, "event" | "agenda">): { start: Date; end: Date } {
  const times = {
    timezone: ctx.event.timezone,
    startsAt: ctx.event.startsAt,
    endsAt: ctx.event.endsAt,
    agenda: ctx.agenda,
  };
  return { start: eventStart(times), end: eventEnd(times) };
}

// Formats are fixed to en-US so a server's locale never changes what attendees read.
const local = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).setLocale("en-US");

/** "9:00 AM EST" */
export function formatTime(at: Date, zone: string): string {
  return `${local(at, zone).toFormat("h:mm a")} ${zoneAbbreviation(at, zone)}`;
}

/** "Thu, Dec 3", with the year when it isn't the year of `ref` (the send time). */
export function formatDay(at: Date, zone: string, ref?: Date): string {
  const dt = local(at, zone);
  const sameYear = !ref || local(ref, zone).year === dt.year;
  return dt.toFormat(sameYear ? "ccc, LLL d" : "ccc, LLL d, yyyy");
}

/** "Thu, Dec 3 · 9:00 AM EST"; `sep` lets SMS avoid the non-GSM middle dot. */
export function formatDateTime(at: Date, zone: string, opts: { ref?: Date; sep?: string } = {}): string {
  return `${formatDay(at, zone, opts.ref)}${opts.sep ?? " · "}${formatTime(at, zone)}`;
}

/** "Thu, Dec 3 · 9:00 AM – 5:00 PM EST", or both full ends when it spans days. */
export function formatRange(start: Date, end: Date, zone: string, ref?: Date): string {
  const sameDay = local(start, zone).hasSame(local(end, zone), "day");
  const sameZoneName = zoneAbbreviation(start, zone) === zoneAbbreviation(end, zone);
  if (sameDay && sameZoneName) {
    return `${formatDay(start, zone, ref)} · ${local(start, zone).toFormat("h:mm a")} – ${formatTime(end, zone)}`;
  }
  if (sameDay) return `${formatDateTime(start, zone, { ref })} – ${formatTime(end, zone)}`;
  return `${formatDateTime(start, zone, { ref })} – ${formatDateTime(end, zone, { ref })}`;
}

/** "a", "a and b", "a, b and c" */
export function joinList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Cuts a long name for SMS at a word boundary, so a 90-character event title can't cost a segment. */
export function shorten(s: string, max: number): string {
  const t = s.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 3);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}...`;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Venue and address as one line, skipping what is missing. */
export function whereLine(ctx: Pick<RenderContext, "event">): string | null {
  const parts = [ctx.event.venue, ctx.event.address].map((p) => p?.trim()).filter(Boolean);
  return parts.length ? parts.join(", ") : null;
}
