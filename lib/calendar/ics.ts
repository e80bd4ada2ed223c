import type { AgendaItem, Event } from "@/db/schema";
import { now } from "@/lib/clock";
import { eventEnd, eventStart } from "@/lib/scheduling/event-times";
import { localStamp, utcStamp, vtimezoneLines } from "./timezone";

/**
 * RFC 5545 calendar files: one VEVENT for the whole event (the confirmation's
 * attachment), or one per agenda item (recommended sessions). Times are written as
 * wall time with TZID plus a VTIMEZONE, so a calendar shows 9:00 in the event's zone
 * even when the attendee's phone is set elsewhere.
 */

export type IcsEvent = Pick<
  Event,
  | "name"
  | "slug"
  | "description"
  | "venue"
  | "address"
  | "timezone"
  | "startsAt"
  | "endsAt"
  | "status"
  | "updatedAt"
  | "organizerName"
  | "organizerEmail"
>;

export type IcsAgendaItem = Pick<
  AgendaItem,
  "id" | "type" | "title" | "description" | "room" | "startsAt" | "endsAt" | "cancelledAt"
>;

export type BuildEventIcsInput = {
  event: IcsEvent;
  /** Used for the event's real start/end (SPEC §2); the event row's times otherwise. */
  agenda?: ReadonlyArray<IcsAgendaItem>;
  /** Stable across re-sends so a calendar updates the entry instead of duplicating it. */
  uid: string;
  url?: string;
  /** One VEVENT per item instead of one for the event. */
  items?: ReadonlyArray<IcsAgendaItem>;
  /** DTSTAMP; defaults to the app clock. */
  stamp?: Date;
};

export const ICS_CONTENT_TYPE = "text/calendar; charset=utf-8; method=PUBLISH";
const PRODID = "-//TPX//Event Orchestration//EN";

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1), continuation lines starting with
 * one space. Splits between code points so a multi-byte character is never cut.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const bytes = encoder.encode(ch).length;
    // The first line holds 75 octets; later ones 74 plus the leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function textProp(name: string, value: string | null | undefined): string[] {
  return value && value.trim() ? [`${name}:${escapeText(value.trim())}`] : [];
}

function organizerProp(event: IcsEvent): string[] {
  if (!event.organizerEmail) return [];
  // A quoted CN may hold anything but a double quote.
  const cn = event.organizerName ? `;CN="${event.organizerName.replace(/"/g, "'")}"` : "";
  return [`ORGANIZER${cn}:mailto:${event.organizerEmail}`];
}

type VEventFields = {
  uid: string;
  summary: string;
  start: Date;
  end: Date;
  location?: string | null;
  description?: string | null;
  cancelled: boolean;
};

function veventLines(input: BuildEventIcsInput, f: VEventFields, stamp: Date): string[] {
  const zone = input.event.timezone;
  return [
    "BEGIN:VEVENT",
    `UID:${f.uid}`,
    `DTSTAMP:${utcStamp(stamp)}`,
    `LAST-MODIFIED:${utcStamp(input.event.updatedAt)}`,
    `DTSTART;TZID=${zone}:${localStamp(f.start, zone)}`,
    `DTEND;TZID=${zone}:${localStamp(f.end, zone)}`,
    ...textProp("SUMMARY", f.summary),
    ...textProp("LOCATION", f.location),
    ...textProp("DESCRIPTION", [f.description?.trim(), input.url].filter(Boolean).join("\n\n")),
    ...(input.url ? [`URL:${input.url}`] : []),
    ...organizerProp(input.event),
    `STATUS:${f.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ];
}

function place(...parts: Array<string | null | undefined>): string {
  return parts.filter((p) => p && p.trim()).join(", ");
}

function eventFields(input: BuildEventIcsInput): VEventFields[] {
  const { event } = input;
  if (input.items) {
    return input.items.map((item) => ({
      uid: `${item.id}-${input.uid}`,
      summary: `${item.title} (${event.name})`,
      start: item.startsAt,
      end: item.endsAt,
      location: place(item.room, event.venue, event.address),
      description: item.description,
      cancelled: Boolean(item.cancelledAt) || event.status === "cancelled",
    }));
  }
  const times = { timezone: event.timezone, startsAt: event.startsAt, endsAt: event.endsAt, agenda: input.agenda ?? [] };
  return [
    {
      uid: input.uid,
      summary: event.name,
      start: eventStart(times),
      end: eventEnd(times),
      location: place(event.venue, event.address),
      description: event.description,
      cancelled: event.status === "cancelled",
    },
  ];
}

/** The whole VCALENDAR, CRLF line endings and folded, ending in CRLF. */
export function buildEventIcs(input: BuildEventIcsInput): string {
  const zone = input.event.timezone;
  const stamp = input.stamp ?? now();
  const vevents = eventFields(input);
  if (vevents.length === 0) throw new Error("buildEventIcs: no agenda items to put in the calendar");
  const years = vevents.flatMap((v) => [v.start, v.end]).map((d) => Number(localStamp(d, zone).slice(0, 4)));
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...textProp("X-WR-CALNAME", input.event.name),
    ...vtimezoneLines(zone, Math.min(...years), Math.max(...years)),
    ...vevents.flatMap((v) => veventLines(input, v, stamp)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
