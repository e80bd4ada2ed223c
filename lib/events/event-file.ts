import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { agendaItemType, eventStatus } from "@/db/schema/events";
import { toE164 } from "@/lib/registration/phone";

/**
 * The event file (docs/event-format.md): one JSON document that describes an
 * event, its agenda, speakers, sponsors, contractors and registrations. Keys are
 * snake_case. zod checks the shape; resolveEventFile then turns datetimes into
 * instants and checks what spans sections (times, references, duplicates).
 */

export const REVENUE_TIERS = ["under_500k", "500k_1m", "1m_5m", "5m_plus"] as const;
export type RevenueTier = (typeof REVENUE_TIERS)[number];

const required = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : `must be ${what}`),
});

const text = (max = 200) =>
  z.string(required("text")).trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

/** Optional text: null, "" and absence all mean "not given". */
const optText = (max = 2000) =>
  z
    .string(required("text"))
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((v) => v || undefined);

/** Tags (focus areas, topics) compare case-insensitively, so they are stored trimmed and lower-case, once each. */
const tags = z
  .array(z.string(required("text")).trim().toLowerCase().min(1, "must not be empty"), required("a list of text"))
  .transform((list) => [...new Set(list)]);

const texts = z.array(text(500), required("a list of text"));

const email = z.string(required("an email address")).trim().toLowerCase().pipe(z.email("not a valid email address"));

const phone = z
  .string(required("a phone number"))
  .trim()
  .nullish()
  .transform((raw, ctx) => {
    if (!raw) return undefined;
    const e164 = toE164(raw);
    if (!e164) ctx.addIssue({ code: "custom", message: "not a valid phone number" });
    return e164 ?? undefined;
  });

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (i) => (i.input === undefined ? "is required" : `must be one of: ${values.join(", ")}`) });

/** "2026-12-03T09:00" (event-local wall clock) or "2026-12-03T15:00:00Z" / "…-06:00" (exact instant). */
export const DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const datetime = z
  .string(required("a date-time"))
  .trim()
  .regex(DATETIME_PATTERN, "must be a date-time like 2026-12-03T09:00 (event-local) or 2026-12-03T15:00:00Z");

const key = text(100);
const pcrScore = z.number(required("a number")).min(0, "must be between 0 and 5").max(5, "must be between 0 and 5").nullish();

const eventSection = z.strictObject({
  name: text(),
  slug: text(100).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case letters, digits and dashes (e.g. growth-summit-2026)"),
  description: optText(5000),
  venue: optText(),
  address: optText(),
  timezone: text(100),
  starts_at: datetime,
  ends_at: datetime,
  status: oneOf(eventStatus.enumValues).optional(),
  check_in_closes_at: datetime.nullish().transform((v) => v ?? undefined),
  organizer: z
    .strictObject({ name: optText(), email: email.nullish().transform((v) => v ?? undefined), phone })
    .nullish()
    .transform((v) => v ?? undefined),
});

const speaker = z.strictObject({
  key,
  name: text(),
  title: optText(),
  company: optText(),
  bio: optText(5000),
  focus_areas: tags.default([]),
  pcr_score: pcrScore,
});

const agendaItem = z.strictObject({
  key,
  type: oneOf(agendaItemType.enumValues),
  title: text(300),
  description: optText(5000),
  room: optText(),
  starts_at: datetime,
  ends_at: datetime,
  speaker: optText(100),
  topics: tags.default([]),
});

const sponsor = z.strictObject({
  key,
  name: text(),
  booth_number: optText(50),
  offerings: texts.default([]),
  focus_areas: tags.default([]),
  target_revenue_tiers: z.array(oneOf(REVENUE_TIERS), required("a list")).default([]),
  special_offer: optText(),
  talking_points: texts.default([]),
  pcr_score: pcrScore,
});

/** Contractors: a field left out means "keep what the database has" on re-import. */
const contractor = z.strictObject({
  first_name: optText(100),
  last_name: optText(100),
  email,
  phone,
  company_name: optText(),
  business_type: optText(100),
  service_area: optText(),
  revenue_tier: oneOf(REVENUE_TIERS).nullish().transform((v) => v ?? undefined),
  team_size: z.number(required("a whole number")).int("must be a whole number").min(1, "must be at least 1").max(100_000).nullish().transform((v) => v ?? undefined),
  focus_areas: tags.optional(),
  preferences: z.record(z.string(), z.unknown(), required("an object")).optional(),
  sms_opt_in: z.boolean(required("true or false")).optional(),
  /** "en" or "es": the language of their texts, emails and pages. */
  language: z.enum(["en", "es"], required("en or es")).optional(),
});

const registration = z.strictObject({
  email,
  registered_at: datetime.nullish().transform((v) => v ?? undefined),
});

/** The file as written. speakers, agenda and sponsors are required (an empty list is fine) so that
 * a section left out by mistake never cancels everything on re-import. */
export const eventFileSchema = z.strictObject({
  $schema: z.string().optional(),
  event: eventSection,
  speakers: z.array(speaker, required("a list")),
  agenda: z.array(agendaItem, required("a list")),
  sponsors: z.array(sponsor, required("a list")),
  contractors: z.array(contractor, required("a list")).default([]),
  registrations: z.array(registration, required("a list")).default([]),
});

/** What an organizer writes (datetimes as strings, local or exact). */
export type EventFileInput = z.input<typeof eventFileSchema>;
type Shaped = z.output<typeof eventFileSchema>;
type WithInstants<T, K extends string> = Omit<T, K> & { [P in K & keyof T]: undefined extends T[P] ? Date | undefined : Date };

/** A parsed, validated file: emails lower-case, phones E.164, every datetime an exact instant. */
export type EventFile = {
  event: WithInstants<Shaped["event"], "starts_at" | "ends_at" | "check_in_closes_at">;
  speakers: Shaped["speakers"];
  agenda: Array<WithInstants<Shaped["agenda"][number], "starts_at" | "ends_at">>;
  sponsors: Shaped["sponsors"];
  contractors: Shaped["contractors"];
  registrations: Array<WithInstants<Shaped["registrations"][number], "registered_at">>;
};
export type EventFileError = { path: string; message: string };
export type ParseResult = { ok: true; file: EventFile } | { ok: false; errors: EventFileError[] };

/** ["agenda", 3, "ends_at"] → "agenda[3].ends_at" */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || "(file)";
}

export function parseEventFile(json: unknown): ParseResult {
  const shaped = eventFileSchema.safeParse(json);
  if (!shaped.success) {
    const errors = shaped.error.issues.flatMap((issue): EventFileError[] => {
      if (issue.code === "unrecognized_keys")
        return issue.keys.map((k) => ({ path: formatPath([...issue.path, k]), message: "unknown field" }));
      return [{ path: formatPath(issue.path), message: issue.message }];
    });
    return { ok: false, errors };
  }
  return resolveEventFile(shaped.data);
}

const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/;

/**
 * With an offset or Z the string is an exact instant; without one it is the wall
 * clock in the event's zone (DST-correct). A local time the clocks skip (02:30 on
 * a spring-forward night) is an error rather than silently shifted; an ambiguous
 * one (fall-back night) means its first occurrence.
 */
export function toInstant(value: string, zone: string): { at: Date } | { error: string } {
  const exact = HAS_OFFSET.test(value.slice(16));
  const dt = exact ? DateTime.fromISO(value, { setZone: true }) : DateTime.fromISO(value, { zone });
  if (!dt.isValid) return { error: "not a real date-time" };
  if (exact) return { at: dt.toJSDate() };
  const wall = (d: DateTime) => d.toFormat("yyyy-MM-dd'T'HH:mm");
  if (wall(dt) !== value.slice(0, 16)) return { error: `does not exist in ${zone} (the clocks skip that hour)` };
  // luxon may resolve a repeated wall-clock time to its second occurrence; step back to the first.
  const shift = Math.abs(dt.minus({ days: 1 }).offset - dt.plus({ days: 1 }).offset);
  const earlier = dt.minus({ minutes: shift });
  return { at: (shift && wall(earlier) === wall(dt) ? earlier : dt).toJSDate() };
}

function resolveEventFile(f: Shaped): ParseResult {
  const errors: EventFileError[] = [];
  const fail = (path: PropertyKey[], message: string) => void errors.push({ path: formatPath(path), message });
  const zone = f.event.timezone;
  const zoneOk = IANAZone.isValidZone(zone);
  if (!zoneOk) fail(["event", "timezone"], "not a valid IANA time zone (e.g. America/Chicago)");

  const instant = (value: string | undefined, path: PropertyKey[]): Date | undefined => {
    if (value === undefined) return undefined;
    // A local time cannot be read without a zone; the zone error already explains.
    if (!zoneOk && !HAS_OFFSET.test(value.slice(16))) return undefined;
    const r = toInstant(value, zone);
    if ("error" in r) return void fail(path, r.error);
    return r.at;
  };
  const ordered = (starts: Date | undefined, ends: Date | undefined, path: PropertyKey[]) => {
    if (starts && ends && ends <= starts) fail(path, "must be after starts_at");
  };
  const unique = <T>(section: string, list: T[], field: string, value: (t: T) => string) => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const v = value(item);
      const first = seen.get(v);
      if (first === undefined) seen.set(v, i);
      else fail([section, i, field], `duplicate ${field} "${v}" (also at ${section}[${first}])`);
    });
  };

  const ev = f.event;
  const event = {
    ...ev,
    starts_at: instant(ev.starts_at, ["event", "starts_at"]) as Date,
    ends_at: instant(ev.ends_at, ["event", "ends_at"]) as Date,
    check_in_closes_at: instant(ev.check_in_closes_at, ["event", "check_in_closes_at"]),
  };
  ordered(event.starts_at, event.ends_at, ["event", "ends_at"]);
  ordered(event.starts_at, event.check_in_closes_at, ["event", "check_in_closes_at"]);

  unique("speakers", f.speakers, "key", (s) => s.key);
  unique("agenda", f.agenda, "key", (a) => a.key);
  unique("sponsors", f.sponsors, "key", (s) => s.key);
  unique("contractors", f.contractors, "email", (c) => c.email);
  unique("registrations", f.registrations, "email", (r) => r.email);

  const speakerKeys = new Set(f.speakers.map((s) => s.key));
  const agenda = f.agenda.map((item, i) => {
    const out = {
      ...item,
      starts_at: instant(item.starts_at, ["agenda", i, "starts_at"]) as Date,
      ends_at: instant(item.ends_at, ["agenda", i, "ends_at"]) as Date,
    };
    ordered(out.starts_at, out.ends_at, ["agenda", i, "ends_at"]);
    if (item.speaker && !speakerKeys.has(item.speaker)) fail(["agenda", i, "speaker"], `no speaker with key "${item.speaker}"`);
    return out;
  });

  const contractorEmails = new Set(f.contractors.map((c) => c.email));
  const registrations = f.registrations.map((r, i) => {
    if (!contractorEmails.has(r.email)) fail(["registrations", i, "email"], `no contractor with email "${r.email}" in contractors`);
    return { ...r, registered_at: instant(r.registered_at, ["registrations", i, "registered_at"]) };
  });

  if (errors.length > 0) return { ok: false, errors };
  const { speakers, sponsors, contractors } = f;
  return { ok: true, file: { event, speakers, agenda, sponsors, contractors, registrations } };
}
