// Types only: access-table.ts imports this file, so a value imported back would be undefined here.
import type { AccessRow, ActionRow, KeyAccess, PageRow, RouteRow } from "./security/access-table";

/**
 * The access-table rows (tests/security/access-table.ts) for the REST API, the API
 * keys page and the reference. Kept here, beside the API's own tests, and spread
 * into the table there. Sessions and attendee tokens reach nothing under /api/v1:
 * only an API key does (401 for every session caller); the `keys` column says which
 * key reaches each method (read: GET; write: everything; revoked: nothing), and
 * tests/security/role-matrix.test.ts runs it over the handlers.
 */

const nobody: AccessRow = { anonymous: "deny", attendee: "deny", otherAttendee: "deny", staff: "deny", admin: "deny" };
const everyone: AccessRow = { anonymous: "allow", attendee: "allow", otherAttendee: "allow", staff: "allow", admin: "allow" };
const adminOnly: AccessRow = { ...nobody, admin: "allow" };

const V1 = "app/api/v1/events";
const event = { name: "Matrix Expo", slug: "matrix-expo", timezone: "America/Chicago", starts_at: "2026-12-12T09:00:00-06:00", ends_at: "2026-12-12T17:00:00-06:00" };
const session = { type: "session", title: "Matrix", starts_at: "2026-12-10T10:00:00-06:00", ends_at: "2026-12-10T10:30:00-06:00" };
const NONE = "00000000-0000-4000-8000-000000000000";
const keyRead: KeyAccess = { readKey: "allow", writeKey: "allow", revokedKey: "deny" };
const keyWrite: KeyAccess = { readKey: "deny", writeKey: "allow", revokedKey: "deny" };
const allKeys: KeyAccess = { readKey: "allow", writeKey: "allow", revokedKey: "allow" };
const byMethod = (m: RouteRow["method"]) => (m === "GET" ? keyRead : keyWrite);

const SESSIONLESS: Omit<RouteRow, "keys">[] = [
  { file: `${V1}/route.ts`, method: "GET", access: nobody, request: () => ({ url: "/api/v1/events" }) },
  { file: `${V1}/route.ts`, method: "POST", access: nobody, request: () => ({ url: "/api/v1/events", body: event }) },
  { file: `${V1}/[eventId]/route.ts`, method: "GET", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}` }) },
  { file: `${V1}/[eventId]/route.ts`, method: "PATCH", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}`, body: { name: "Renamed" } }) },
  { file: `${V1}/[eventId]/agenda-items/route.ts`, method: "GET", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/agenda-items` }) },
  { file: `${V1}/[eventId]/agenda-items/route.ts`, method: "POST", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/agenda-items`, body: session }) },
  { file: `${V1}/[eventId]/speakers/route.ts`, method: "GET", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/speakers` }) },
  { file: `${V1}/[eventId]/speakers/route.ts`, method: "POST", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/speakers`, body: { name: "Matrix Speaker" } }) },
  { file: `${V1}/[eventId]/sponsors/route.ts`, method: "GET", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/sponsors` }) },
  { file: `${V1}/[eventId]/sponsors/route.ts`, method: "POST", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/sponsors`, body: { name: "Matrix Sponsor" } }) },
  // One row of the event, by id. The DELETE rows come last per file: the write key's call removes the row.
  { file: `${V1}/[eventId]/agenda-items/[itemId]/route.ts`, method: "GET", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/agenda-items/${f.agendaItemId ?? NONE}` }) },
  { file: `${V1}/[eventId]/agenda-items/[itemId]/route.ts`, method: "PATCH", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/agenda-items/${f.agendaItemId ?? NONE}`, body: { title: "Matrix, moved" } }) },
  { file: `${V1}/[eventId]/agenda-items/[itemId]/route.ts`, method: "DELETE", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/agenda-items/${f.agendaItemId ?? NONE}` }) },
  { file: `${V1}/[eventId]/speakers/[speakerId]/route.ts`, method: "GET", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/speakers/${f.speakerId ?? NONE}` }) },
  { file: `${V1}/[eventId]/speakers/[speakerId]/route.ts`, method: "PATCH", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/speakers/${f.speakerId ?? NONE}`, body: { title: "Matrix title" } }) },
  { file: `${V1}/[eventId]/speakers/[speakerId]/route.ts`, method: "DELETE", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/speakers/${f.speakerId ?? NONE}` }) },
  { file: `${V1}/[eventId]/sponsors/[sponsorId]/route.ts`, method: "GET", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/sponsors/${f.sponsorId ?? NONE}` }) },
  { file: `${V1}/[eventId]/sponsors/[sponsorId]/route.ts`, method: "PATCH", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/sponsors/${f.sponsorId ?? NONE}`, body: { booth_number: "M1" } }) },
  { file: `${V1}/[eventId]/sponsors/[sponsorId]/route.ts`, method: "DELETE", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/sponsors/${f.sponsorId ?? NONE}` }) },
  { file: `${V1}/[eventId]/attendees/route.ts`, method: "GET", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/attendees` }) },
  {
    file: `${V1}/[eventId]/attendees/route.ts`,
    method: "POST",
    access: nobody,
    request: (f) => ({ url: `/api/v1/events/${f.eventId}/attendees`, body: { first_name: "Api", last_name: "Matrix", email: "api.matrix@example.com" } }),
  },
  { file: `${V1}/[eventId]/attendees/[attendeeId]/route.ts`, method: "GET", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/attendees/${f.attendeeId}` }) },
  { file: `${V1}/[eventId]/attendees/[attendeeId]/route.ts`, method: "DELETE", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/attendees/${f.attendeeId}` }) },
  { file: `${V1}/[eventId]/messages/route.ts`, method: "GET", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/messages?attendee_id=${f.attendeeId}` }) },
  { file: `${V1}/[eventId]/metrics/route.ts`, method: "GET", access: nobody, request: (f) => ({ url: `/api/v1/events/${f.eventId}/metrics` }) },
];

/** Each /api/v1 method with the key callers' column: GET for any live key, every write for a live write key only. */
export const API_ROUTE_ROWS: RouteRow[] = SESSIONLESS.map((r) => ({ ...r, keys: byMethod(r.method) }));
API_ROUTE_ROWS.push({ file: "app/api/v1/openapi.json/route.ts", method: "GET", access: everyone, keys: allKeys, request: () => ({ url: "/api/v1/openapi.json" }) });

export const API_PAGE_ROWS: PageRow[] = [
  { file: "app/admin/api-keys/page.tsx", access: adminOnly, url: () => "/admin/api-keys" },
  { file: "app/api-docs/page.tsx", access: everyone, url: () => "/api-docs" },
];

export const API_ACTION_ROWS: ActionRow[] = [
  { file: "app/admin/api-keys/actions.ts", name: "createApiKeyAction", access: adminOnly, page: () => "/admin/api-keys", args: () => ["$undefined", { $form: { name: "Matrix key", scope: "write" } }] },
  // The fixture's key (harness.makeAccessFixture); a refused caller leaves it live.
  { file: "app/admin/api-keys/actions.ts", name: "revokeApiKeyAction", access: adminOnly, page: () => "/admin/api-keys", args: (f) => [f.apiKeyId ?? "00000000-0000-4000-8000-000000000000"] },
];
