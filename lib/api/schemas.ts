import { IANAZone } from "luxon";
import { z } from "zod";
import "zod-openapi";
import { agendaItemType, eventStatus } from "@/db/schema/events";
import { checkInMethod, profileCompletionStatus } from "@/db/schema/attendees";
import { messageChannel, messageStatus, messageTypes } from "@/db/schema/messages";
import { REVENUE_TIERS } from "@/lib/events/event-file";
import { slug as slugParser, text, uuid } from "@/lib/http/parse";
import { pageQuery } from "./pagination";

/**
 * The /api/v1 schemas: the route handlers parse with them and lib/api/openapi.ts
 * documents them, so the document cannot drift from what the API accepts.
 * Field names are snake_case; times are RFC 3339 instants (UTC out, any offset in).
 */

const need = (what: string) => ({ error: (i: { input?: unknown }) => (i.input === undefined ? "is required" : `must be ${what}`) });

/** Required text: a string, no NUL, trimmed, 1..max characters. */
const str = (max: number) => z.string(need("text")).pipe(text(max)).pipe(z.string().min(1, "is required"));
/** Optional text: absent, null or blank is "not given". */
const optStr = (max: number) => z.string(need("text")).pipe(text(max)).nullish().transform((v) => v || null);
const tags = z.array(z.string(need("text")).pipe(text(100)).pipe(z.string().min(1, "must not be empty")), need("a list of text")).max(50).transform((l) => [...new Set(l.map((t) => t.toLowerCase()))]);
const texts = z.array(z.string(need("text")).pipe(text(500)), need("a list of text")).max(50);
const instant = z.iso.datetime({ offset: true, error: (i) => (i.input === undefined ? "is required" : "must be an RFC 3339 date-time with an offset, e.g. 2026-12-10T09:00:00-06:00") }).transform((v) => new Date(v));
const pcr = z.number(need("a number")).min(0, "must be between 0 and 5").max(5, "must be between 0 and 5").nullish();
const key = z.string(need("text")).regex(/^[A-Za-z0-9_.-]{1,100}$/, "must be 1–100 letters, digits, '.', '_' or '-'");
const timezone = z.string(need("an IANA time zone")).refine((z) => IANAZone.isValidZone(z), "must be an IANA time zone, e.g. America/Chicago");

const dateOut = z.string().meta({ format: "date-time", example: "2026-12-10T15:00:00.000Z" });
const idOut = z.string().meta({ format: "uuid", example: "3f1c2a4e-8b7d-4c5e-9a0b-1d2e3f4a5b6c" });

// ---------- Errors and lists ----------

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "invalid_input" }),
      message: z.string().meta({ example: "Please check: starts_at." }),
      fields: z.record(z.string(), z.string()).optional().meta({ description: "Per-field messages (field path → message)", example: { starts_at: "is required" } }),
    }),
  })
  .meta({ id: "Error", description: "The one error shape of the API." });

export const listOf = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ data: z.array(item), next_cursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }) }).meta({ id });

// ---------- Path params ----------

export const EventParams = z.object({ eventId: uuid.meta({ description: "The event's id" }) });
export const AttendeeParams = EventParams.extend({ attendeeId: uuid.meta({ description: "The registration's id" }) });
export const AgendaItemParams = EventParams.extend({ itemId: uuid.meta({ description: "The agenda item's id" }) });
export const SpeakerParams = EventParams.extend({ speakerId: uuid.meta({ description: "The speaker's id" }) });
export const SponsorParams = EventParams.extend({ sponsorId: uuid.meta({ description: "The sponsor's id" }) });

// ---------- What moved ----------

/** The console's "12 session alerts moved to 10:45", as data: the re-plan's effect on the event's planned messages. */
export const MovedMessages = z
  .object({
    total: z.number().int().meta({ description: "Planned messages that moved, were cancelled or were newly planned" }),
    groups: z.array(
      z.object({
        kind: z.enum(["moved", "cancelled", "planned"]),
        type: z.enum(messageTypes),
        count: z.number().int(),
        to: dateOut.nullable().meta({ description: "The new send time (null for cancelled)" }),
      }),
    ),
    summary: z.array(z.string()).meta({ description: "The same facts as the console says them, in the event's time zone", example: ["12 Speaker alert messages moved to 10:45 AM Thu, Dec 10"] }),
  })
  .meta({ id: "MovedMessages" });

// ---------- Events ----------

export const Organizer = z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }).meta({ id: "Organizer" });

export const Event = z
  .object({
    id: idOut,
    name: z.string().meta({ example: "Contractor Growth Summit 2026" }),
    slug: z.string().meta({ example: "contractor-growth-summit-2026" }),
    description: z.string().nullable(),
    venue: z.string().nullable(),
    address: z.string().nullable(),
    timezone: z.string().meta({ example: "America/Chicago" }),
    starts_at: dateOut,
    ends_at: dateOut,
    status: z.enum(eventStatus.enumValues),
    check_in_closes_at: dateOut.nullable(),
    organizer: Organizer,
    created_at: dateOut,
    updated_at: dateOut,
  })
  .meta({ id: "Event" });

const organizerIn = z.strictObject({ name: optStr(200), email: optStr(254).pipe(z.email("is not a valid email address").nullable()), phone: optStr(40) });
/** Integrators may create drafts and publish them; going live, completing and cancelling stay with the system and the console. */
const writableStatus = z.enum(["draft", "published"], need("draft or published"));

const eventFields = {
  name: str(200).meta({ example: "Contractor Growth Summit 2026" }),
  description: optStr(5000),
  venue: optStr(200),
  address: optStr(500),
  timezone: timezone.meta({ example: "America/Chicago" }),
  starts_at: instant.meta({ example: "2026-12-10T09:00:00-06:00" }),
  ends_at: instant.meta({ example: "2026-12-10T17:00:00-06:00" }),
  status: writableStatus.optional(),
  check_in_closes_at: instant.nullish(),
  organizer: organizerIn.optional(),
};

const ordered = (v: { starts_at?: Date; ends_at?: Date }, ctx: z.RefinementCtx) => {
  if (v.starts_at && v.ends_at && v.ends_at <= v.starts_at) ctx.addIssue({ code: "custom", path: ["ends_at"], message: "must be after starts_at" });
};

export const EventCreate = z
  .strictObject({ ...eventFields, slug: z.string(need("an event slug")).pipe(slugParser).meta({ example: "contractor-growth-summit-2026" }) })
  .superRefine(ordered)
  .meta({ id: "EventCreate" });

export const EventUpdate = z
  .strictObject(Object.fromEntries(Object.entries(eventFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof eventFields]: z.ZodOptional<(typeof eventFields)[K]> })
  .superRefine(ordered)
  .meta({ id: "EventUpdate", description: "Only the fields given change. The slug cannot change (it is in every link already sent)." });

export const EventListQuery = z.strictObject({ ...pageQuery, status: z.enum(eventStatus.enumValues).optional() });

// ---------- Speakers ----------

export const Speaker = z
  .object({ id: idOut, event_id: idOut, key: z.string(), name: z.string(), title: z.string().nullable(), company: z.string().nullable(), bio: z.string().nullable(), focus_areas: z.array(z.string()), pcr_score: z.number().nullable(), created_at: dateOut })
  .meta({ id: "Speaker" });

export const SpeakerCreate = z
  .strictObject({ key: key.optional(), name: str(200).meta({ example: "Jordan Ellis" }), title: optStr(200), company: optStr(200), bio: optStr(5000), focus_areas: tags.default([]), pcr_score: pcr })
  .meta({ id: "SpeakerCreate", description: "`key` is the stable key the event file uses; generated when left out." });

export const SpeakerUpdate = z
  .strictObject({ name: str(200).optional(), title: optStr(200).optional(), company: optStr(200).optional(), bio: optStr(5000).optional(), focus_areas: tags.optional(), pcr_score: pcr.optional() })
  .meta({ id: "SpeakerUpdate", description: "Only the fields given change; null clears an optional field. The key cannot change (the event file refers to it)." });

export const SpeakerDeleted = z
  .object({
    speaker: Speaker,
    unlinked_agenda_item_ids: z.array(idOut).meta({ description: "Sessions that had this speaker: they stay, without a speaker" }),
    moved: MovedMessages,
  })
  .meta({ id: "SpeakerDeleted" });

// ---------- Agenda items ----------

export const AgendaItem = z
  .object({
    id: idOut,
    event_id: idOut,
    key: z.string(),
    type: z.enum(agendaItemType.enumValues),
    title: z.string(),
    description: z.string().nullable(),
    room: z.string().nullable(),
    starts_at: dateOut,
    ends_at: dateOut,
    speaker_id: idOut.nullable(),
    topics: z.array(z.string()),
    cancelled_at: dateOut.nullable(),
    created_at: dateOut,
  })
  .meta({ id: "AgendaItem" });

export const AgendaItemCreate = z
  .strictObject({
    key: key.optional(),
    type: z.enum(agendaItemType.enumValues, need(`one of: ${agendaItemType.enumValues.join(", ")}`)),
    title: str(300).meta({ example: "Pricing for profit" }),
    description: optStr(5000),
    room: optStr(200),
    starts_at: instant.meta({ example: "2026-12-10T10:00:00-06:00" }),
    ends_at: instant.meta({ example: "2026-12-10T10:45:00-06:00" }),
    speaker_id: uuid.nullish(),
    topics: tags.default([]),
  })
  .superRefine(ordered)
  .meta({ id: "AgendaItemCreate" });

export const AgendaItemUpdate = z
  .strictObject({
    type: z.enum(agendaItemType.enumValues, need(`one of: ${agendaItemType.enumValues.join(", ")}`)).optional(),
    title: str(300).optional(),
    description: optStr(5000).optional(),
    room: optStr(200).optional(),
    starts_at: instant.optional(),
    ends_at: instant.optional(),
    speaker_id: uuid.nullable().optional().meta({ description: "A speaker of this event; null removes the speaker" }),
    topics: tags.optional(),
  })
  .superRefine(ordered)
  .meta({ id: "AgendaItemUpdate", description: "Only the fields given change; null clears an optional field. The key cannot change. The item must still end after it starts." });

export const AgendaItemChanged = z
  .object({ agenda_item: AgendaItem, moved: MovedMessages })
  .meta({ id: "AgendaItemChanged", description: "The item as it is now, and what its change did to the planned messages." });

// ---------- Sponsors ----------

export const Sponsor = z
  .object({
    id: idOut,
    event_id: idOut,
    key: z.string(),
    name: z.string(),
    booth_number: z.string().nullable(),
    offerings: z.array(z.string()),
    focus_areas: z.array(z.string()),
    target_revenue_tiers: z.array(z.string()),
    special_offer: z.string().nullable(),
    talking_points: z.array(z.string()),
    pcr_score: z.number().nullable(),
    removed_at: dateOut.nullable(),
    created_at: dateOut,
  })
  .meta({ id: "Sponsor" });

export const SponsorCreate = z
  .strictObject({
    key: key.optional(),
    name: str(200).meta({ example: "RoofPro Supply" }),
    booth_number: optStr(50),
    offerings: texts.default([]),
    focus_areas: tags.default([]),
    target_revenue_tiers: z.array(z.enum(REVENUE_TIERS, need(`one of: ${REVENUE_TIERS.join(", ")}`))).max(10).default([]),
    special_offer: optStr(1000),
    talking_points: texts.default([]),
    pcr_score: pcr,
  })
  .meta({ id: "SponsorCreate" });

export const SponsorUpdate = z
  .strictObject({
    name: str(200).optional(),
    booth_number: optStr(50).optional(),
    offerings: texts.optional(),
    focus_areas: tags.optional(),
    target_revenue_tiers: z.array(z.enum(REVENUE_TIERS, need(`one of: ${REVENUE_TIERS.join(", ")}`))).max(10).optional(),
    special_offer: optStr(1000).optional(),
    talking_points: texts.optional(),
    pcr_score: pcr.optional(),
  })
  .meta({ id: "SponsorUpdate", description: "Only the fields given change; null clears an optional field. The key cannot change." });

export const SponsorRemoved = z
  .object({ sponsor: Sponsor, already_removed: z.boolean().meta({ description: "It was removed before this call; nothing changed" }) })
  .meta({ id: "SponsorRemoved" });

// ---------- Attendees ----------

export const Attendee = z
  .object({
    id: idOut,
    event_id: idOut,
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    email: z.string().meta({ example: "dana@reyesroofing.example" }),
    phone: z.string().nullable().meta({ example: "+15125550142" }),
    company_name: z.string().nullable(),
    registration_date: dateOut,
    profile_completion_status: z.enum(profileCompletionStatus.enumValues),
    check_in_time: dateOut.nullable(),
    check_in_method: z.enum(checkInMethod.enumValues).nullable(),
    cancelled_at: dateOut.nullable(),
    created_at: dateOut,
  })
  .meta({ id: "Attendee" });

export const AttendeeRegister = z
  .strictObject({
    first_name: str(100).meta({ example: "Dana" }),
    last_name: str(100).meta({ example: "Reyes" }),
    email: str(254).meta({ example: "dana@reyesroofing.example" }),
    phone: optStr(40).meta({ example: "+15125550142" }),
    sms_consent: z.boolean(need("true or false")).default(false),
    company_name: optStr(200),
  })
  .meta({ id: "AttendeeRegister", description: "Registering a known email again is the same registration: the confirmation is re-sent (200)." });

const flag = z.enum(["true", "false"], need("true or false")).transform((v) => v === "true");
export const AttendeeListQuery = z.strictObject({ ...pageQuery, checked_in: flag.optional(), cancelled: flag.optional() });

// ---------- Messages ----------

export const Message = z
  .object({
    id: idOut,
    event_id: idOut.nullable(),
    attendee_id: idOut.nullable(),
    type: z.enum(messageTypes),
    channel: z.enum(messageChannel.enumValues),
    status: z.enum(messageStatus.enumValues),
    status_reason: z.string().nullable(),
    scheduled_for: dateOut,
    sent_at: dateOut.nullable(),
    attempts: z.number().int(),
    last_error: z.string().nullable(),
    delivery_status: z.string().nullable(),
    created_at: dateOut,
  })
  .meta({ id: "Message", description: "An outbox row. Bodies are not exposed: they carry the attendee's personal links." });

export const MessageListQuery = z.strictObject({
  ...pageQuery,
  attendee_id: uuid.optional(),
  status: z.enum(messageStatus.enumValues).optional(),
  type: z.enum(messageTypes).optional(),
  channel: z.enum(messageChannel.enumValues).optional(),
});

// ---------- Metrics ----------

export const Metrics = z
  .object({
    event_id: idOut,
    registered: z.number().int().meta({ description: "Active registrations (not cancelled)" }),
    cancelled: z.number().int(),
    checked_in: z.number().int(),
    profile_completed: z.number().int(),
    messages: z.object(Object.fromEntries(messageStatus.enumValues.map((s) => [s, z.number().int()])) as Record<(typeof messageStatus.enumValues)[number], z.ZodNumber>),
  })
  .meta({ id: "Metrics" });

export type EventOut = z.input<typeof Event>;
export type SpeakerOut = z.input<typeof Speaker>;
export type AgendaItemOut = z.input<typeof AgendaItem>;
export type SponsorOut = z.input<typeof Sponsor>;
export type AttendeeOut = z.input<typeof Attendee>;
export type MessageOut = z.input<typeof Message>;
export type MetricsOut = z.input<typeof Metrics>;
export type MovedMessagesOut = z.input<typeof MovedMessages>;
