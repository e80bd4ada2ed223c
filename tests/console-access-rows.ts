/**
 * The organizer console's rows of the access table (tests/security/access-table.ts).
 * Every console page, export and action is the organizer's alone; the invite page and
 * its action are public but authorised by the one-time invite token. Admin "allow" for
 * the actions is shown by e2e/console-organizer.spec.ts (each needs a real form), so
 * here they run for the callers who must be refused.
 */
import type { AccessFixture, AccessRow, ActionRow, PageRow, RouteRow } from "./security/access-table";

const adminOnly: AccessRow = { anonymous: "deny", attendee: "deny", otherAttendee: "deny", staff: "deny", admin: "allow" };
const nobodyWithoutInvite: AccessRow = { anonymous: "deny", attendee: "deny", otherAttendee: "deny", staff: "deny", admin: "deny" };
const OTHER = "00000000-0000-4000-8000-000000000001";
const form = (fields: Record<string, string> = {}) => ({ $form: fields });

export const CONSOLE_ROUTE_ROWS: RouteRow[] = (["attendees", "messages", "ratings"] as const).map((kind) => ({
  file: "app/admin/events/[id]/export/[kind]/route.ts",
  method: "GET" as const,
  access: adminOnly,
  request: (f: AccessFixture) => ({ url: `/admin/events/${f.eventId}/export/${kind}` }),
}));

const consolePage = (path: string, url: (f: AccessFixture) => string): PageRow => ({ file: `app/admin/${path}/page.tsx`, access: adminOnly, url });

export const CONSOLE_PAGE_ROWS: PageRow[] = [
  consolePage("events/new", () => "/admin/events/new"),
  ...(["edit", "agenda", "speakers", "sponsors", "attendees", "messages", "import", "feedback"] as const).map((tab) =>
    consolePage(`events/[id]/${tab}`, (f) => `/admin/events/${f.eventId}/${tab}`),
  ),
  consolePage("events/[id]/attendees/[attendeeId]", (f) => `/admin/events/${f.eventId}/attendees/${f.attendeeId}`),
  consolePage("staff", () => "/admin/staff"),
  consolePage("learning", () => "/admin/learning"),
  { file: "app/invite/page.tsx", access: { anonymous: "deny", attendee: "deny", otherAttendee: "deny", staff: "deny", admin: "deny" }, url: () => `/invite?t=${"i".repeat(32)}` },
];

type Args = (f: AccessFixture) => unknown[];
const row = (dir: string, name: string, args: Args, access: AccessRow = adminOnly): ActionRow => ({
  file: `app/${dir}/actions.ts`,
  name,
  access,
  page: () => "/admin",
  args,
  adminAllowShownBy: access === adminOnly ? "e2e/console-organizer.spec.ts" : undefined,
});

export const CONSOLE_ACTION_ROWS: ActionRow[] = [
  row("admin/events/new", "createEventAction", () => ["$undefined", form()]),
  row("admin/events/[id]/edit", "updateEventAction", (f) => [f.eventId, "$undefined", form()]),
  row("admin/events/[id]/edit", "changeStatusAction", (f) => [f.eventId, "$undefined", form({ status: "cancelled", confirm: "on" })]),
  row("admin/events/[id]/agenda", "saveAgendaItemAction", (f) => [f.eventId, null, "$undefined", form()]),
  row("admin/events/[id]/agenda", "setAgendaItemCancelledAction", (f) => [f.eventId, OTHER, true]),
  row("admin/events/[id]/speakers", "saveSpeakerAction", (f) => [f.eventId, null, "$undefined", form()]),
  row("admin/events/[id]/speakers", "deleteSpeakerAction", (f) => [f.eventId, OTHER]),
  row("admin/events/[id]/sponsors", "saveSponsorAction", (f) => [f.eventId, null, "$undefined", form()]),
  row("admin/events/[id]/sponsors", "removeSponsorAction", (f) => [f.eventId, OTHER]),
  row("admin/events/[id]/sponsors", "moveSponsorAction", (f) => [f.eventId, OTHER, "up"]),
  row("admin/events/[id]/attendees/[attendeeId]", "resendConfirmationAction", (f) => [f.eventId, f.attendeeId]),
  row("admin/events/[id]/attendees/[attendeeId]", "manualCheckInAction", (f) => [f.eventId, f.attendeeId]),
  row("admin/events/[id]/attendees/[attendeeId]", "cancelRegistrationAction", (f) => [f.eventId, f.attendeeId]),
  row("admin/events/[id]/attendees/[attendeeId]", "updateContactAction", (f) => [f.eventId, f.attendeeId, "$undefined", form({ phone: "+15125550999" })]),
  row("admin/events/[id]/import", "previewImportAction", (f) => [f.eventId, "sponsors", "name,booth_number\nAcme,12\n"]),
  row("admin/events/[id]/import", "commitImportAction", (f) => [f.eventId, "sponsors", "name,booth_number\nAcme,12\n", 0, 1]),
  row("admin/events/[id]/messages", "setPausedAction", (f) => [f.eventId, true]),
  row("admin/events/[id]/messages", "retryMessageAction", (f) => [f.eventId, f.emailMessageId]),
  row("admin/events/[id]/messages", "cancelMessageAction", (f) => [f.eventId, f.emailMessageId]),
  row("admin/staff", "inviteStaffAction", () => ["$undefined", form({ email: "new.staff@example.com", name: "New Staff" })]),
  row("admin/staff", "setAssignmentAction", (f) => [OTHER, f.eventId, true]),
  row("admin/staff", "revokeStaffAction", () => [OTHER]),
  row("admin/staff", "withdrawInviteAction", () => [OTHER]),
  row("admin/staff", "signOutEverywhereAction", () => []),
  // The matcher's learned weights (lib/learning): plain arguments, so the admin's allowed call runs here too.
  { file: "app/admin/learning/actions.ts", name: "refitWeightsAction", access: adminOnly, page: () => "/admin/learning", args: () => ["team@summit.example"] },
  { file: "app/admin/learning/actions.ts", name: "revertWeightsAction", access: adminOnly, page: () => "/admin/learning", args: () => ["team@summit.example"] },
  // Public, authorised by the invite token alone: a token that is no invite opens nothing, for anyone.
  row("invite", "acceptInviteAction", () => ["i".repeat(32), "$undefined", form({ password: "a-long-enough-password", confirm: "a-long-enough-password" })], nobodyWithoutInvite),
];
