/**
 * Who may reach what (SPEC §8), as one table: every page, route handler (per
 * method) and server action × every kind of caller. tests/security/role-matrix.test.ts
 * checks that the table covers every file under app/ (a new route without a row
 * fails the suite) and runs the route rows against the handlers;
 * e2e/role-matrix.spec.ts runs the page and action rows against the built server.
 *
 * Callers: anonymous; the attendee with their own link token ("attendee"); an
 * attendee of another event with theirs ("otherAttendee"); a staff member assigned
 * to this event ("staff"); a staff member assigned only to another event
 * ("otherStaff"); an organizer. A row states otherStaff only where it differs from
 * staff (`accessOf`): everything scoped to this event (its desk page, check-in
 * routes, codes list, undo, session scans, its attendees) is "deny" for them.
 * (A staff account with no assignment at all may work every desk: lib/access/staff.test.ts.) "allow": answered (2xx/3xx to the page itself, or a business answer
 * such as 409 after the caller was accepted); "deny": 401, 403, 404 or a redirect
 * to sign-in, and nothing done.
 */

import { qrImageSignature } from "@/lib/messaging/qr-link";
import { API_ACTION_ROWS, API_PAGE_ROWS, API_ROUTE_ROWS } from "../api-access-rows";
import { CONSOLE_ACTION_ROWS, CONSOLE_PAGE_ROWS, CONSOLE_ROUTE_ROWS } from "../console-access-rows";

export const ACTORS = ["anonymous", "attendee", "otherAttendee", "staff", "otherStaff", "admin"] as const;
export type Actor = (typeof ACTORS)[number];
export type Access = "allow" | "deny";
/** Per caller; `otherStaff` left out means "as staff" (see `accessOf`). */
export type AccessRow = Record<Exclude<Actor, "otherStaff">, Access> & { otherStaff?: Access };

/** What the row expects for this caller: staff of another event get what staff get unless the row says otherwise. */
export function accessOf(access: AccessRow, actor: Actor): Access {
  return actor === "otherStaff" ? (access.otherStaff ?? access.staff) : access[actor];
}

/**
 * Integrators' API keys (docs/decisions/0170), sent as `Authorization: Bearer tpx_…` with no
 * session: a live read key, a live write key, a revoked (write) key. Keys are not per
 * organizer (0170: one organisation, a key reaches every event as an organizer does), so
 * there is no "another organizer's key" column yet; when organisations arrive, add one.
 * Only route rows have a key column (`keys`, required under /api/v1): a key is no credential
 * anywhere else, so on every page and server action a key caller is expected to get exactly
 * what anonymous gets (role-matrix-actions.test.ts and e2e/role-matrix.spec.ts check that).
 */
export const KEY_ACTORS = ["readKey", "writeKey", "revokedKey"] as const;
export type KeyActor = (typeof KEY_ACTORS)[number];
export type KeyAccess = Record<KeyActor, Access>;

/** What the tests create before running the table. */
export type AccessFixture = {
  slug: string;
  eventId: string;
  /** The other event (otherToken's; the only one otherStaff is assigned to); not in the e2e fixture. */
  otherEventId?: string;
  /** The attendee's own link token, for `slug`. */
  token: string;
  /** A token of an attendee of another event. */
  otherToken: string;
  attendeeId: string;
  /** One email message of the attendee (for the preview action). */
  emailMessageId: string;
  /** A live API key (for the revoke action); not in the e2e fixture. */
  apiKeyId?: string;
  /** The key callers' secrets (vitest: harness.makeAccessFixture; e2e: made in the console by e2e/role-matrix.spec.ts). */
  keys?: Record<KeyActor, string>;
  /** Rows of the event reached by id under /api/v1 (vitest only). */
  agendaItemId?: string;
  speakerId?: string;
  sponsorId?: string;
};

/** What a key caller may do on a route: its `keys` column, or, where a key is no credential (outside /api/v1), what anonymous may. */
export function keyAccessOf(r: RouteRow, k: KeyActor): Access {
  return r.keys?.[k] ?? r.access.anonymous;
}

/** The link token the caller holds, if any. */
export function tokenOf(f: AccessFixture, actor: Actor): string | undefined {
  return actor === "attendee" ? f.token : actor === "otherAttendee" ? f.otherToken : undefined;
}

const everyone: AccessRow = { anonymous: "allow", attendee: "allow", otherAttendee: "allow", staff: "allow", admin: "allow" };
const adminOnly: AccessRow = { anonymous: "deny", attendee: "deny", otherAttendee: "deny", staff: "deny", admin: "deny" as Access };
adminOnly.admin = "allow";
const staffAndAdmin: AccessRow = { ...adminOnly, staff: "allow" };
/** Staff of this event (and organizers): scoped to the fixture's event, so not staff of another event. */
const deskOfThisEvent: AccessRow = { ...staffAndAdmin, otherStaff: "deny" };
/** Only the attendee's own token for this event opens it. */
const ownToken: AccessRow = { anonymous: "deny", attendee: "allow", otherAttendee: "deny", staff: "deny", admin: "deny" };

export type RouteCall = { url: string; body?: unknown; contentType?: string };

export type RouteRow = {
  file: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  access: AccessRow;
  request: (f: AccessFixture, actor: Actor) => RouteCall;
  /**
   * API-key callers. Required on every /api/v1 row; elsewhere leave it out: a key is then
   * no credential and each key caller gets what anonymous gets (the matrix checks both).
   */
  keys?: KeyAccess;
  /** Not run against the handler (why in the comment); still listed so coverage holds. */
  skipRun?: string;
};

const q = (t: string | undefined) => (t ? `?t=${encodeURIComponent(t)}` : "");

export const ROUTES: RouteRow[] = [
  {
    file: "app/api/admin/attendees/[id]/route.ts",
    method: "PATCH",
    access: adminOnly,
    request: (f) => ({ url: `/api/admin/attendees/${f.attendeeId}`, body: { company_name: "Renamed Roofing" } }),
  },
  {
    file: "app/api/admin/attendees/[id]/route.ts",
    method: "DELETE",
    access: adminOnly,
    request: (f) => ({ url: `/api/admin/attendees/${f.attendeeId}` }),
    skipRun: "destructive for the fixture; covered by tests/security/attacks.test.ts",
  },
  { file: "app/api/admin/events/[id]/messages/route.ts", method: "GET", access: adminOnly, request: (f) => ({ url: `/api/admin/events/${f.eventId}/messages` }) },
  { file: "app/api/auth/[...nextauth]/route.ts", method: "GET", access: everyone, request: () => ({ url: "/api/auth/csrf" }), skipRun: "next-auth's own handler needs the Next request context; e2e signs in through it" },
  { file: "app/api/auth/[...nextauth]/route.ts", method: "POST", access: everyone, request: () => ({ url: "/api/auth/signout" }), skipRun: "next-auth's own handler; e2e" },
  { file: "app/api/dev/clock/route.ts", method: "GET", access: everyone, request: () => ({ url: "/api/dev/clock" }) },
  { file: "app/api/dev/clock/route.ts", method: "POST", access: adminOnly, request: () => ({ url: "/api/dev/clock", body: { advanceMs: 0 } }) },
  { file: "app/api/dev/demo-event/route.ts", method: "POST", access: adminOnly, request: () => ({ url: "/api/dev/demo-event", body: { slug: "matrix-demo-copy", daysAhead: 9 } }) },
  {
    file: "app/api/event-check-in/attendee/route.ts",
    method: "GET",
    // The attendee by token; staff of their event and organizers by id (read only).
    access: { anonymous: "deny", attendee: "allow", otherAttendee: "allow", staff: "allow", otherStaff: "deny", admin: "allow" },
    request: (f, a) => ({ url: tokenOf(f, a) ? `/api/event-check-in/attendee${q(tokenOf(f, a))}` : `/api/event-check-in/attendee?attendee_id=${f.attendeeId}` }),
  },
  {
    file: "app/api/event-check-in/check-in/route.ts",
    method: "POST",
    // Self check-in by token; a session of this event's staff for the desk methods. (Another event's token checks that person in, for their own event.)
    access: { anonymous: "deny", attendee: "allow", otherAttendee: "allow", staff: "allow", otherStaff: "deny", admin: "allow" },
    request: (f, a) => ({
      url: "/api/event-check-in/check-in",
      body: tokenOf(f, a) ? { method: "self", token: tokenOf(f, a) } : { method: "manual", attendee_id: f.attendeeId, event_id: f.eventId },
    }),
  },
  {
    file: "app/api/event-check-in/complete-profile/route.ts",
    method: "POST",
    // Only a token: staff and organizers cannot rewrite contact data here (organizers use PATCH /api/admin/attendees/{id}, audited).
    access: { anonymous: "deny", attendee: "allow", otherAttendee: "allow", staff: "deny", admin: "deny" },
    request: (f, a) => ({
      url: "/api/event-check-in/complete-profile",
      body: tokenOf(f, a) ? { token: tokenOf(f, a), company_name: "Own Edit LLC" } : { attendee_id: f.attendeeId, company_name: "Hijacked LLC" },
    }),
  },
  {
    file: "app/api/event-check-in/register/route.ts",
    method: "POST",
    access: everyone,
    // One address per caller: the per-address registration limit would refuse the sixth caller.
    request: (f, a) => ({ url: "/api/event-check-in/register", body: { eventSlug: f.slug, firstName: "New", lastName: "Person", email: `matrix.new.${a.toLowerCase()}@example.com` } }),
  },
  { file: "app/api/events/[slug]/agenda.ics/route.ts", method: "GET", access: ownToken, request: (f, a) => ({ url: `/api/events/${f.slug}/agenda.ics${q(tokenOf(f, a))}` }) },
  { file: "app/events/[slug]/agenda/manifest/route.ts", method: "GET", access: ownToken, request: (f, a) => ({ url: `/events/${f.slug}/agenda/manifest${q(tokenOf(f, a))}` }) },
  { file: "app/api/events/[slug]/calendar.ics/route.ts", method: "GET", access: ownToken, request: (f, a) => ({ url: `/api/events/${f.slug}/calendar.ics${q(tokenOf(f, a))}` }) },
  // The emails' hosted QR image (decision 0197): the link's own signature, which only the attendee's emails carry; anyone else tries one made for another id.
  {
    file: "app/api/qr/[attendeeId]/route.ts",
    method: "GET",
    access: ownToken,
    request: (f, a) => ({ url: `/api/qr/${f.attendeeId}?s=${qrImageSignature(a === "attendee" ? f.attendeeId : f.eventId)}` }),
  },
  { file: "app/api/health/route.ts", method: "GET", access: everyone, request: () => ({ url: "/api/health" }) },
  // The check-in tablet (issue 9): staff and organizers; the ZXing decoder is a public library binary.
  { file: "app/api/checkin/zxing-reader/route.ts", method: "GET", access: everyone, request: () => ({ url: "/api/checkin/zxing-reader" }) },
  {
    file: "app/api/staff/events/[id]/scan/route.ts",
    method: "POST",
    access: deskOfThisEvent,
    request: (f, a) => ({ url: `/api/staff/events/${f.eventId}/scan`, body: { method: "manual", attendee_id: f.attendeeId, nonce: `matrix-scan-${a}`, device_id: "matrix-device" } }),
  },
  {
    file: "app/api/staff/events/[id]/sync/route.ts",
    method: "POST",
    access: deskOfThisEvent,
    request: (f, a) => ({ url: `/api/staff/events/${f.eventId}/sync`, body: { device_id: "matrix-device", scans: [{ code: "TPX1.matrix-nobody", nonce: `matrix-sync-${a}`, scanned_at: "2026-01-01T00:00:00Z" }] } }),
  },
  {
    file: "app/api/staff/events/[id]/undo/route.ts",
    method: "POST",
    access: deskOfThisEvent,
    request: (f) => ({ url: `/api/staff/events/${f.eventId}/undo`, body: { nonce: "matrix-no-such-scan", device_id: "matrix-device" } }),
  },
  { file: "app/api/staff/events/[id]/codes/route.ts", method: "GET", access: deskOfThisEvent, request: (f) => ({ url: `/api/staff/events/${f.eventId}/codes` }) },
  {
    file: "app/api/staff/events/[id]/session-scan/route.ts",
    method: "POST",
    access: deskOfThisEvent,
    request: (f) => ({ url: `/api/staff/events/${f.eventId}/session-scan`, body: { agenda_item_id: f.eventId, code: "TPX1.matrix-nobody", nonce: "matrix-session-scan", device_id: "matrix-device" } }),
  },
  { file: "app/admin/events/[id]/dashboard/data/route.ts", method: "GET", access: adminOnly, request: (f) => ({ url: `/admin/events/${f.eventId}/dashboard/data` }) },
  // Not mounted without Inngest: 404 for everyone (Inngest's own signature check guards it when configured).
  ...(["GET", "POST", "PUT"] as const).map((method) => ({
    file: "app/api/inngest/route.ts",
    method,
    access: { anonymous: "deny", attendee: "deny", otherAttendee: "deny", staff: "deny", admin: "deny" } as AccessRow,
    request: () => ({ url: "/api/inngest", body: method === "GET" ? undefined : {} }),
  })),
  // Provider webhooks: public URLs, but only a valid provider signature is let in (no session or token counts).
  ...(["app/api/webhooks/twilio/sms/route.ts", "app/api/webhooks/twilio/status/route.ts"] as const).map((file) => ({
    file,
    method: "POST" as const,
    access: { anonymous: "deny", attendee: "deny", otherAttendee: "deny", staff: "deny", admin: "deny" } as AccessRow,
    request: () => ({
      url: file.includes("status") ? "/api/webhooks/twilio/status" : "/api/webhooks/twilio/sms",
      body: `MessageSid=SM${"0".repeat(32)}&MessageStatus=delivered&From=%2B15125550101&Body=STOP`,
      contentType: "application/x-www-form-urlencoded",
    }),
  })),
  {
    file: "app/api/webhooks/resend/route.ts",
    method: "POST",
    access: { anonymous: "deny", attendee: "deny", otherAttendee: "deny", staff: "deny", admin: "deny" },
    request: () => ({ url: "/api/webhooks/resend", body: { type: "email.bounced", data: { to: ["ana.own@example.com"] } } }),
  },
  {
    file: "app/api/unsubscribe/route.ts",
    method: "POST",
    // Any attendee's own token unsubscribes that person (the link carries no slug).
    access: { anonymous: "deny", attendee: "allow", otherAttendee: "allow", staff: "deny", admin: "deny" },
    request: (f, a) => ({ url: `/api/unsubscribe${q(tokenOf(f, a))}`, body: "List-Unsubscribe=One-Click", contentType: "application/x-www-form-urlencoded" }),
  },
  ...API_ROUTE_ROWS,
  ...CONSOLE_ROUTE_ROWS,
];

export type PageRow = { file: string; access: AccessRow; url: (f: AccessFixture, actor: Actor) => string };

export const PAGES: PageRow[] = [
  { file: "app/page.tsx", access: everyone, url: () => "/" },
  { file: "app/signin/page.tsx", access: everyone, url: () => "/signin" },
  { file: "app/signin/continue/page.tsx", access: { ...adminOnly, staff: "allow" }, url: () => "/signin/continue" },
  { file: "app/admin/page.tsx", access: adminOnly, url: () => "/admin" },
  { file: "app/admin/outbox/page.tsx", access: adminOnly, url: () => "/admin/outbox" },
  { file: "app/admin/events/[id]/outbox/page.tsx", access: adminOnly, url: (f) => `/admin/events/${f.eventId}/outbox` },
  { file: "app/admin/events/[id]/inbox/page.tsx", access: adminOnly, url: (f) => `/admin/events/${f.eventId}/inbox` },
  { file: "app/admin/events/[id]/conversations/[attendeeId]/page.tsx", access: adminOnly, url: (f) => `/admin/events/${f.eventId}/conversations/${f.attendeeId}` },
  { file: "app/admin/events/[id]/dashboard/page.tsx", access: adminOnly, url: (f) => `/admin/events/${f.eventId}/dashboard` },
  // The desk index: any staff member (it lists only the events they may work).
  { file: "app/staff/page.tsx", access: staffAndAdmin, url: () => "/staff" },
  { file: "app/staff/events/[id]/page.tsx", access: deskOfThisEvent, url: (f) => `/staff/events/${f.eventId}` },
  { file: "app/events/[slug]/page.tsx", access: everyone, url: (f) => `/events/${f.slug}` },
  { file: "app/events/[slug]/agenda/page.tsx", access: ownToken, url: (f, a) => `/events/${f.slug}/agenda${q(tokenOf(f, a))}` },
  { file: "app/events/[slug]/check-in/page.tsx", access: ownToken, url: (f, a) => `/events/${f.slug}/check-in${q(tokenOf(f, a))}` },
  { file: "app/events/[slug]/profile/page.tsx", access: ownToken, url: (f, a) => `/events/${f.slug}/profile${q(tokenOf(f, a))}` },
  { file: "app/events/[slug]/feedback/page.tsx", access: ownToken, url: (f, a) => `/events/${f.slug}/feedback${q(tokenOf(f, a))}` },
  // Without a token it is the public "check your inbox" page; with one, only the owner's.
  { file: "app/events/[slug]/registered/page.tsx", access: { ...ownToken, anonymous: "allow", staff: "allow", admin: "allow" }, url: (f, a) => `/events/${f.slug}/registered${q(tokenOf(f, a))}` },
  { file: "app/unsubscribe/page.tsx", access: { ...ownToken, otherAttendee: "allow" }, url: (f, a) => `/unsubscribe${q(tokenOf(f, a))}` },
  ...API_PAGE_ROWS,
  ...CONSOLE_PAGE_ROWS,
];

/**
 * A server action call: the page it is posted from and its arguments as a client
 * would encode them (a `{ $form: {...} }` argument is sent as FormData).
 */
export type ActionRow = {
  file: string;
  name: string;
  access: AccessRow;
  page: (f: AccessFixture) => string;
  args: (f: AccessFixture, actor: Actor) => unknown[];
  /** Where the allowed call is shown instead (it needs a real form); vitest then runs the refusals only. */
  adminAllowShownBy?: string;
};

const tok = (f: AccessFixture, a: Actor) => tokenOf(f, a) ?? "no-token-held-by-this-caller";

export const ACTIONS: ActionRow[] = [
  {
    file: "app/admin/events/[id]/outbox/actions.ts",
    name: "loadEmailPreview",
    access: adminOnly,
    page: (f) => `/admin/events/${f.eventId}/outbox`,
    args: (f) => [f.eventId, f.attendeeId, f.emailMessageId],
  },
  {
    file: "app/admin/events/[id]/conversations/[attendeeId]/actions.ts",
    name: "sendStaffReply",
    access: adminOnly,
    page: (f) => `/admin/events/${f.eventId}/conversations/${f.attendeeId}`,
    args: (f) => [f.eventId, f.attendeeId, "$undefined", { $form: { body: "Matrix reply" } }],
  },
  {
    file: "app/admin/events/[id]/conversations/[attendeeId]/actions.ts",
    name: "simulateInboundSms",
    // Development tools only (devToolsEnabled), and then organizers only.
    access: adminOnly,
    page: (f) => `/admin/events/${f.eventId}/conversations/${f.attendeeId}`,
    args: (f) => [f.eventId, f.attendeeId, "$undefined", { $form: { body: "what's next?" } }],
  },
  {
    file: "app/events/[slug]/actions.ts",
    name: "registerForEvent",
    access: everyone,
    page: (f) => `/events/${f.slug}`,
    args: (f, a) => [f.slug, "$undefined", { $form: { firstName: "Act", lastName: "Ion", email: `matrix.action.${a.toLowerCase()}@example.com`, phone: "", companyName: "" } }],
  },
  { file: "app/events/[slug]/agenda/actions.ts", name: "getPlanStatus", access: ownToken, page: (f) => `/events/${f.slug}/agenda`, args: (f, a) => [f.slug, tok(f, a)] },
  { file: "app/events/[slug]/agenda/actions.ts", name: "getPlanVersion", access: ownToken, page: (f) => `/events/${f.slug}/agenda`, args: (f, a) => [f.slug, tok(f, a)] },
  {
    file: "app/events/[slug]/check-in/actions.ts",
    name: "checkInSelf",
    access: ownToken,
    page: (f) => `/events/${f.slug}/check-in`,
    args: (f, a) => [f.slug, tok(f, a), "$undefined", { $form: {} }],
  },
  {
    file: "app/events/[slug]/profile/actions.ts",
    name: "saveProfile",
    access: { ...ownToken, otherAttendee: "allow" },
    page: (f) => `/events/${f.slug}/profile`,
    args: (f, a) => [tok(f, a), "$undefined", { $form: { company_name: "Matrix Co" } }],
  },
  {
    file: "app/events/[slug]/feedback/actions.ts",
    name: "sendFeedback",
    access: ownToken,
    page: (f) => `/events/${f.slug}/feedback`,
    args: (f, a) => [f.slug, tok(f, a), "$undefined", { $form: { score: "4", comment: "Matrix feedback" } }],
  },
  { file: "app/unsubscribe/actions.ts", name: "unsubscribeFromEmail", access: { ...ownToken, otherAttendee: "allow" }, page: () => "/unsubscribe", args: (f, a) => ["$undefined", { $form: { t: tok(f, a) } }] },
  ...API_ACTION_ROWS,
  ...CONSOLE_ACTION_ROWS,
];
