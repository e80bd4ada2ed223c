import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { ACTORS, PAGES, type AccessFixture, type Actor } from "../tests/security/access-table";

/**
 * The page rows of the access table (tests/security/access-table.ts) against the
 * built server, per caller, over plain HTTP as a browser or a script would send
 * them. Route and action rows run in vitest (tests/security/role-matrix*.test.ts).
 * The demo has one event, so "another attendee's token" is a well-formed token of
 * nobody here; vitest covers a real token of another event.
 */
const STATE: Partial<Record<Actor, string>> = { staff: "e2e/.auth/staff.json", admin: "e2e/.auth/admin.json" };

async function requestAs(browser: Browser, actor: Actor): Promise<APIRequestContext> {
  const ctx = await browser.newContext(STATE[actor] ? { storageState: STATE[actor] } : {});
  return ctx.request;
}

let f: AccessFixture;

test.beforeAll(async ({ browser }) => {
  const admin = await requestAs(browser, "admin");
  const events = await (await admin.get("/admin")).text();
  const eventId = events.match(/\/admin\/events\/([0-9a-f-]{36})\/outbox/)![1];
  const { messages } = await (await admin.get(`/api/admin/events/${eventId}/messages?type=registration_confirmation&channel=email`)).json();
  const withLink = messages.find((m: { body: string | null }) => m.body && /\?t=[\w-]{20,}/.test(m.body));
  expect(withLink, "a confirmation email with a link").toBeTruthy();
  const token = withLink.body.match(/\?t=([\w-]{20,})/)[1] as string;
  const slug = withLink.body.match(/\/events\/([a-z0-9-]+)/)[1] as string;
  f = { slug, eventId, token, otherToken: "x".repeat(32), attendeeId: withLink.attendee_id, emailMessageId: withLink.id };
});

for (const row of PAGES) {
  for (const actor of ACTORS) {
    // Here "another attendee's token" belongs to nobody, so it opens nothing that needs a token.
    const expected = actor === "otherAttendee" && row.access.anonymous === "deny" ? "deny" : row.access[actor];
    test(`${row.file.replace(/^app|\/page\.tsx$/g, "") || "/"} as ${actor}: ${expected}`, async ({ browser }) => {
      const request = await requestAs(browser, actor);
      const res = await request.get(row.url(f, actor), { maxRedirects: 0 });
      const status = res.status();
      const location = res.headers().location ?? "";
      if (expected === "allow") {
        expect(status === 200 || (status >= 300 && status < 400 && !location.startsWith("/signin")), `${status} → ${location}`).toBe(true);
      } else {
        const toSignIn = status >= 300 && status < 400 && /\/signin/.test(location);
        expect(toSignIn || [401, 403, 404].includes(status), `${status} ${location}`).toBe(true);
      }
    });
  }
}
