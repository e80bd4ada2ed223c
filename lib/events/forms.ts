import { DateTime, IANAZone } from "luxon";
import type { AgendaItem, Event, Speaker, Sponsor } from "@/db/schema";
import type { FieldErrors } from "@/lib/errors";
import { parseEventFile, type EventFile } from "./event-file";

/**
 * The console's forms validate through the event file's own parser (lib/events/event-file.ts),
 * so a field the file refuses is refused here with the same words. A form posts flat strings;
 * these turn them into the file's shape and map the file's error paths back to form fields.
 */

export type FormValues = Record<string, string | string[] | undefined>;

const str = (v: FormValues[string]) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
const opt = (v: FormValues[string]) => str(v) || undefined;
/** Comma- or newline-separated list ("crm, pricing"). */
export const list = (v: FormValues[string]) =>
  (Array.isArray(v) ? v : str(v).split(/[,\n]/)).map((s) => s.trim()).filter(Boolean);
const num = (v: FormValues[string]) => (str(v) === "" ? undefined : Number(str(v)));

/** A stored instant as the form shows it: the event's wall clock, "2026-12-03T09:00". */
export function localInput(at: Date | null | undefined, zone: string): string {
  return at ? DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm") : "";
}

const exact = (at: Date) => at.toISOString();

function eventSection(v: FormValues) {
  const organizer = { name: opt(v.organizer_name), email: opt(v.organizer_email), phone: opt(v.organizer_phone) };
  return {
    name: str(v.name),
    slug: str(v.slug),
    description: opt(v.description),
    venue: opt(v.venue),
    address: opt(v.address),
    timezone: str(v.timezone),
    starts_at: str(v.starts_at),
    ends_at: str(v.ends_at),
    check_in_closes_at: opt(v.check_in_closes_at),
    organizer: Object.values(organizer).some(Boolean) ? organizer : undefined,
  };
}

/** The existing event as a file section, with exact instants (so it never fails on its own). */
function storedSection(e: Event) {
  return { name: e.name, slug: e.slug, timezone: e.timezone, starts_at: exact(e.startsAt), ends_at: exact(e.endsAt) };
}

function fieldErrors(errors: Array<{ path: string; message: string }>, section: string): FieldErrors {
  const out: FieldErrors = {};
  for (const { path, message } of errors) {
    const field = path
      .replace(new RegExp(`^${section}(\\[0\\])?\\.?`), "")
      .replace(/^organizer\./, "organizer_")
      .replace(/^organizer$/, "organizer_email") || "_";
    // The file's wording names the file's field; the form's label is "Starts".
    out[field] ??= message.replace("must be after starts_at", "must be after the start");
  }
  return out;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; fields: FieldErrors };

export function parseEventForm(v: FormValues): Parsed<EventFile["event"]> {
  const section = eventSection(v);
  const r = parseEventFile({ event: section, speakers: [], agenda: [], sponsors: [] });
  if (r.ok) return { ok: true, value: r.file.event };
  const fields = fieldErrors(r.errors, "event");
  // A shape error stops the file parser before it checks the zone: say everything at once.
  if (!fields.timezone && section.timezone && !IANAZone.isValidZone(section.timezone)) fields.timezone = "not a valid IANA time zone (e.g. America/Chicago)";
  return { ok: false, fields };
}

export function parseAgendaForm(v: FormValues, event: Event, speakers: Pick<Speaker, "key">[], key: string): Parsed<EventFile["agenda"][number]> {
  const item = {
    key,
    type: str(v.type),
    title: str(v.title),
    description: opt(v.description),
    room: opt(v.room),
    starts_at: str(v.starts_at),
    ends_at: str(v.ends_at),
    speaker: opt(v.speaker),
    topics: list(v.topics),
  };
  const r = parseEventFile({
    event: storedSection(event),
    speakers: speakers.map((s) => ({ key: s.key, name: s.key })),
    agenda: [item],
    sponsors: [],
  });
  return r.ok ? { ok: true, value: r.file.agenda[0] } : { ok: false, fields: fieldErrors(r.errors, "agenda") };
}

export function parseSpeakerForm(v: FormValues, event: Event, key: string): Parsed<EventFile["speakers"][number]> {
  const speaker = { key, name: str(v.name), title: opt(v.title), company: opt(v.company), bio: opt(v.bio), focus_areas: list(v.focus_areas), pcr_score: num(v.pcr_score) };
  const r = parseEventFile({ event: storedSection(event), speakers: [speaker], agenda: [], sponsors: [] });
  return r.ok ? { ok: true, value: r.file.speakers[0] } : { ok: false, fields: fieldErrors(r.errors, "speakers") };
}

export function parseSponsorForm(v: FormValues, event: Event, key: string): Parsed<EventFile["sponsors"][number]> {
  const sponsor = {
    key,
    name: str(v.name),
    booth_number: opt(v.booth_number),
    offerings: list(v.offerings),
    focus_areas: list(v.focus_areas),
    target_revenue_tiers: list(v.target_revenue_tiers),
    special_offer: opt(v.special_offer),
    talking_points: list(v.talking_points),
    pcr_score: num(v.pcr_score),
  };
  const r = parseEventFile({ event: storedSection(event), speakers: [], agenda: [], sponsors: [sponsor] });
  return r.ok ? { ok: true, value: r.file.sponsors[0] } : { ok: false, fields: fieldErrors(r.errors, "sponsors") };
}

/** Form values of stored rows, for the edit forms. */
export function eventValues(e: Event): Record<string, string> {
  return {
    name: e.name,
    slug: e.slug,
    description: e.description ?? "",
    venue: e.venue ?? "",
    address: e.address ?? "",
    timezone: e.timezone,
    starts_at: localInput(e.startsAt, e.timezone),
    ends_at: localInput(e.endsAt, e.timezone),
    check_in_closes_at: localInput(e.checkInClosesAt, e.timezone),
    organizer_name: e.organizerName ?? "",
    organizer_email: e.organizerEmail ?? "",
    organizer_phone: e.organizerPhone ?? "",
  };
}

export function agendaValues(a: AgendaItem, zone: string, speakerKey: string | undefined): Record<string, string> {
  return {
    type: a.type,
    title: a.title,
    description: a.description ?? "",
    room: a.room ?? "",
    starts_at: localInput(a.startsAt, zone),
    ends_at: localInput(a.endsAt, zone),
    speaker: speakerKey ?? "",
    topics: a.topics.join(", "),
  };
}

export function speakerValues(s: Speaker): Record<string, string> {
  return { name: s.name, title: s.title ?? "", company: s.company ?? "", bio: s.bio ?? "", focus_areas: s.focusAreas.join(", "), pcr_score: s.pcrScore?.toString() ?? "" };
}

export function sponsorValues(s: Sponsor): Record<string, string> {
  return {
    name: s.name,
    booth_number: s.boothNumber ?? "",
    offerings: s.offerings.join(", "),
    focus_areas: s.focusAreas.join(", "),
    target_revenue_tiers: s.targetRevenueTiers.join(", "),
    special_offer: s.specialOffer ?? "",
    talking_points: s.talkingPoints.join("\n"),
    pcr_score: s.pcrScore?.toString() ?? "",
  };
}
