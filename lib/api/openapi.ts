import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { pageQuery } from "./pagination";
import * as s from "./schemas";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the schemas the handlers
 * parse with (lib/api/schemas.ts). OPERATIONS is the list of every operation;
 * tests/api-openapi.test.ts walks app/api/v1 and fails when a route file or an
 * exported method is missing here.
 */

type Method = "get" | "post" | "patch" | "delete";
export type Operation = {
  path: string;
  method: Method;
  id: string;
  tag: string;
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status?: 200 | 201;
  /** Answers 200 as well as `status` (registering a known email). */
  alsoOk?: boolean;
  /** No API key needed (the document itself). */
  public?: boolean;
};

const page = z.strictObject(pageQuery);
const E = "/events/{eventId}";
const A = `${E}/attendees/{attendeeId}`;
const I = `${E}/agenda-items/{itemId}`;
const SP = `${E}/speakers/{speakerId}`;
const SO = `${E}/sponsors/{sponsorId}`;

export const OPERATIONS: Operation[] = [
  { path: "/events", method: "get", id: "listEvents", tag: "Events", summary: "List events", query: s.EventListQuery, response: s.listOf(s.Event, "EventList") },
  { path: "/events", method: "post", id: "createEvent", tag: "Events", summary: "Create an event", description: "Created as a draft unless `status` is `published`.", body: s.EventCreate, response: s.Event, status: 201 },
  { path: E, method: "get", id: "getEvent", tag: "Events", summary: "Get an event", params: s.EventParams, response: s.Event },
  { path: E, method: "patch", id: "updateEvent", tag: "Events", summary: "Update an event", description: "Only the fields given change. New times re-plan every message that depends on them.", params: s.EventParams, body: s.EventUpdate, response: s.Event },
  { path: `${E}/agenda-items`, method: "get", id: "listAgendaItems", tag: "Agenda", summary: "List agenda items", params: s.EventParams, query: page, response: s.listOf(s.AgendaItem, "AgendaItemList") },
  { path: `${E}/agenda-items`, method: "post", id: "createAgendaItem", tag: "Agenda", summary: "Add an agenda item", description: "Session alerts, reminders and the peer batch follow the new agenda.", params: s.EventParams, body: s.AgendaItemCreate, response: s.AgendaItem, status: 201 },
  { path: `${E}/speakers`, method: "get", id: "listSpeakers", tag: "Speakers", summary: "List speakers", params: s.EventParams, query: page, response: s.listOf(s.Speaker, "SpeakerList") },
  { path: `${E}/speakers`, method: "post", id: "createSpeaker", tag: "Speakers", summary: "Add a speaker", params: s.EventParams, body: s.SpeakerCreate, response: s.Speaker, status: 201 },
  { path: `${E}/sponsors`, method: "get", id: "listSponsors", tag: "Sponsors", summary: "List sponsors", params: s.EventParams, query: page, response: s.listOf(s.Sponsor, "SponsorList") },
  { path: `${E}/sponsors`, method: "post", id: "createSponsor", tag: "Sponsors", summary: "Add a sponsor", params: s.EventParams, body: s.SponsorCreate, response: s.Sponsor, status: 201 },
  { path: I, method: "get", id: "getAgendaItem", tag: "Agenda", summary: "Get an agenda item", description: "Cancelled items too, with `cancelled_at`.", params: s.AgendaItemParams, response: s.AgendaItem },
  { path: I, method: "patch", id: "updateAgendaItem", tag: "Agenda", summary: "Update an agenda item", description: "Only the fields given change, with the console's checks (ends after it starts, a speaker of this event). A new time, type, speaker or topics re-plans the messages that depend on the item; `moved` says which moved where (the console's \"12 session alerts moved to 10:45\").", params: s.AgendaItemParams, body: s.AgendaItemUpdate, response: s.AgendaItemChanged },
  { path: I, method: "delete", id: "cancelAgendaItem", tag: "Agenda", summary: "Cancel an agenda item", description: "The item is cancelled, not removed (messages and ratings point at it): it stays in the list with `cancelled_at`, and the messages that depend on it are cancelled (`moved`, kind `cancelled`). Cancelling again changes nothing.", params: s.AgendaItemParams, response: s.AgendaItemChanged },
  { path: SP, method: "get", id: "getSpeaker", tag: "Speakers", summary: "Get a speaker", params: s.SpeakerParams, response: s.Speaker },
  { path: SP, method: "patch", id: "updateSpeaker", tag: "Speakers", summary: "Update a speaker", description: "Only the fields given change.", params: s.SpeakerParams, body: s.SpeakerUpdate, response: s.Speaker },
  { path: SP, method: "delete", id: "deleteSpeaker", tag: "Speakers", summary: "Delete a speaker", description: "As in the console: the speaker is deleted and their sessions stay, without a speaker (`unlinked_agenda_item_ids`); the messages that named them are re-planned (`moved`).", params: s.SpeakerParams, response: s.SpeakerDeleted },
  { path: SO, method: "get", id: "getSponsor", tag: "Sponsors", summary: "Get a sponsor", description: "Removed sponsors too, with `removed_at`.", params: s.SponsorParams, response: s.Sponsor },
  { path: SO, method: "patch", id: "updateSponsor", tag: "Sponsors", summary: "Update a sponsor", description: "Only the fields given change.", params: s.SponsorParams, body: s.SponsorUpdate, response: s.Sponsor },
  { path: SO, method: "delete", id: "removeSponsor", tag: "Sponsors", summary: "Remove a sponsor", description: "As in the console: the sponsor is kept with `removed_at` (recommendations point at it) and its pending recommendations are skipped at send. Removing again changes nothing.", params: s.SponsorParams, response: s.SponsorRemoved },
  { path: `${E}/attendees`, method: "get", id: "listAttendees", tag: "Attendees", summary: "List registrations", params: s.EventParams, query: s.AttendeeListQuery, response: s.listOf(s.Attendee, "AttendeeList") },
  { path: `${E}/attendees`, method: "post", id: "registerAttendee", tag: "Attendees", summary: "Register someone", description: "The same rules, confirmation and reminders as the public registration form. 201 for a new registration, 200 when the email was already registered (the confirmation is re-sent).", params: s.EventParams, body: s.AttendeeRegister, response: s.Attendee, status: 201, alsoOk: true },
  { path: A, method: "get", id: "getAttendee", tag: "Attendees", summary: "Get a registration", params: s.AttendeeParams, response: s.Attendee },
  { path: A, method: "delete", id: "cancelAttendee", tag: "Attendees", summary: "Cancel a registration", description: "Cancels every pending message of it. Cancelling again changes nothing.", params: s.AttendeeParams, response: z.object({ attendee: s.Attendee, cancelled_messages: z.number().int() }).meta({ id: "CancelledAttendee" }) },
  { path: `${E}/messages`, method: "get", id: "listMessages", tag: "Messages", summary: "List messages", description: "The event's outbox; filter by `attendee_id` for one person's messages.", params: s.EventParams, query: s.MessageListQuery, response: s.listOf(s.Message, "MessageList") },
  { path: `${E}/metrics`, method: "get", id: "getMetrics", tag: "Metrics", summary: "Event metrics", params: s.EventParams, response: s.Metrics },
  { path: "/openapi.json", method: "get", id: "getOpenApiDocument", tag: "Meta", summary: "This document", public: true, response: z.object({}).passthrough().meta({ id: "OpenApiDocument" }) },
];

const errorContent = { "application/json": { schema: s.ErrorResponse } };
const err = (description: string) => ({ description, content: errorContent });

function operation(op: Operation): ZodOpenApiOperationObject {
  const write = op.method !== "get";
  const responses: ZodOpenApiOperationObject["responses"] = {
    [String(op.status ?? 200)]: { description: op.status === 201 ? "Created" : "OK", content: { "application/json": { schema: op.response } } },
  };
  if (op.alsoOk) responses["200"] = { description: "Already registered", content: { "application/json": { schema: op.response } } };
  if (op.params || op.query || op.body) responses["400"] = err("Bad input: `fields` names each field and what is wrong with it");
  if (!op.public) {
    responses["401"] = err("No API key, or one that is unknown or revoked");
    if (write) responses["403"] = err("The key has the read scope; this call needs write");
    if (op.params) responses["404"] = err("No such event, or no such registration, agenda item, speaker or sponsor in it");
    if (write) responses["409"] = err("Conflict: a slug or key already taken, or the event is closed");
    responses["429"] = { ...err("Too many requests for this key: retry after `Retry-After` seconds"), headers: { "Retry-After": { schema: { type: "integer" } } } };
  }
  return {
    operationId: op.id,
    tags: [op.tag],
    summary: op.summary,
    description: [op.description, op.public ? "No API key needed." : `Needs a key with the \`${write ? "write" : "read"}\` scope.`].filter(Boolean).join(" "),
    ...(op.public ? { security: [] } : {}),
    requestParams: { ...(op.params ? { path: op.params } : {}), ...(op.query ? { query: op.query } : {}) },
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: op.body } } } } : {}),
    responses,
  };
}

let cached: ReturnType<typeof createDocument> | undefined;

export function apiDocument() {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  for (const op of OPERATIONS) paths[op.path] = { ...paths[op.path], [op.method]: operation(op) };
  cached = createDocument({
    openapi: "3.1.0",
    info: {
      title: "TPX API",
      version: "1.0.0",
      description:
        "Create events and read registrations, messages and metrics. Authenticate with an API key from the console (Admin → API keys): `Authorization: Bearer tpx_…`. Read keys may call GET; write keys everything. Lists are paged with an opaque `cursor` (`next_cursor` of the previous page) and `limit` (≤ 100). Every error has one shape: `{ \"error\": { \"code\", \"message\", \"fields\"? } }`.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }],
    tags: ["Events", "Agenda", "Speakers", "Sponsors", "Attendees", "Messages", "Metrics", "Meta"].map((name) => ({ name })),
    components: { securitySchemes: { apiKey: { type: "http", scheme: "bearer", bearerFormat: "tpx_…", description: "An API key created in the console." } } },
    paths,
  }, {
    // zod spells out its date-time and uuid regexes; `format` says the same thing readably.
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === "date-time" || jsonSchema.format === "uuid") delete jsonSchema.pattern;
    },
  });
  return cached;
}
