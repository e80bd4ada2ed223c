import { expect, test, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { ACTORS, KEY_ACTORS, PAGES, accessOf, type Access, type AccessFixture, type Actor, type KeyActor } from "../tests/security/access-table";

/**
 * The page rows of the access table (tests/security/access-table.ts) against the
 * built server, per caller, over plain HTTP as a browser or a script would send
 * them. Route and action rows run in vitest (tests/security/role-matrix*.test.ts).
 * The demo has one event, so "another attendee's token" is a well-formed token of
 * nobody here; vitest covers a real token of another event.
 *
 * The API-key callers (KEY_ACTORS) send `Authorization: Bearer <key>` alone, no session,
 * with the URL anonymous would open: a key is a credential for /api/v1 only
 * (docs/decisions/0170), so every page answers a key caller as it answers anonymous.
 */
/**
 * "staff" here is the demo's desk account, which has no assignment (it may work every desk,
 * this event's included); "otherStaff" is assigned only to another event (e2e/auth.setup.ts).
 * vitest runs "staff" as an account assigned to the fixture's event.
 */
const STATE: Partial<Record<Actor, string>> = { staff: "e2e/.auth/staff.json", otherStaff: "e2e/.auth/otherStaff.json", admin: "e2e/.auth/admin.json" };

async function requestAs(browser: Browser, actor: Actor): Promise<APIRequestContext> {
  const ctx = await browser.newContext(STATE[actor] ? { storageState: STATE[actor] } : {});
  return ctx.request;
}

async function requestWithKey(browser: Browser, k: KeyActor): Promise<APIRequestContext> {
  const ctx = await browser.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${f.keys![k]}` } });
  return ctx.request;
}

/**
 * The three key callers, made as an organizer makes them: in the console (the key is
 * shown once, in the form's answer); the revoked one is then revoked there.
 */
async function createKeys(browser: Browser): Promise<Record<KeyActor, string>> {
  const ctx = await browser.newContext({ storageState: STATE.admin });
  const page = await ctx.newPage();
  await page.goto("/admin/api-keys");
  // Named per run: after a failed test Playwright starts a new worker, and this runs again.
  const run = Date.now().toString(36);
  const spec: Record<KeyActor, { name: string; scope: "read" | "write" }> = {
    readKey: { name: `Matrix read ${run}`, scope: "read" },
    writeKey: { name: `Matrix write ${run}`, scope: "write" },
    revokedKey: { name: `Matrix revoked ${run}`, scope: "write" },
  };
  const keys = {} as Record<KeyActor, string>;
  for (const k of KEY_ACTORS) {
    await page.getByLabel("Name").fill(spec[k].name);
    await page.getByLabel("Scope").selectOption(spec[k].scope);
    await page.getByRole("button", { name: "Create key" }).click();
    const created = page.getByRole("status", { name: "New API key" });
    await expect(created).toContainText(`Key “${spec[k].name}” created (${spec[k].scope})`);
    keys[k] = await created.getByLabel("New API key value").inputValue();
    expect(keys[k]).toMatch(/^tpx_[A-Za-z0-9_-]{43}$/);
  }
  await page.reload();
  await page.getByRole("row").filter({ hasText: spec.revokedKey.name }).getByRole("button", { name: `Revoke ${spec.revokedKey.name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke “${spec.revokedKey.name}”?` });
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: spec.revokedKey.name })).toContainText("Revoked");
  await ctx.close();
  return keys;
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
  f = { slug, eventId, token, otherToken: "x".repeat(32), attendeeId: withLink.attendee_id, emailMessageId: withLink.id, keys: await createKeys(browser) };
  // The keys are real: live ones open /api/v1, the revoked one is refused there (so a page refusing them proves something).
  for (const k of KEY_ACTORS) expect((await (await requestWithKey(browser, k)).get("/api/v1/events")).status(), k).toBe(k === "revokedKey" ? 401 : 200);
});

/** "allow": the page itself (or a redirect onward, not to sign-in); "deny": sign-in, 401, 403 or 404. */
function expectAnswer(res: APIResponse, expected: Access) {
  const status = res.status();
  const location = res.headers().location ?? "";
  if (expected === "allow") {
    expect(status === 200 || (status >= 300 && status < 400 && !location.startsWith("/signin")), `${status} → ${location}`).toBe(true);
  } else {
    const toSignIn = status >= 300 && status < 400 && /\/signin/.test(location);
    expect(toSignIn || [401, 403, 404].includes(status), `${status} ${location}`).toBe(true);
  }
}

for (const row of PAGES) {
  const page = row.file.replace(/^app|\/page\.tsx$/g, "") || "/";
  for (const actor of ACTORS) {
    // Here "another attendee's token" belongs to nobody, so it opens nothing that needs a token.
    const expected = actor === "otherAttendee" && row.access.anonymous === "deny" ? "deny" : accessOf(row.access, actor);
    test(`${page} as ${actor}: ${expected}`, async ({ browser }) => {
      const request = await requestAs(browser, actor);
      expectAnswer(await request.get(row.url(f, actor), { maxRedirects: 0 }), expected);
    });
  }
  for (const k of KEY_ACTORS) {
    test(`${page} with ${k}: ${row.access.anonymous} (as anonymous)`, async ({ browser }) => {
      const url = row.url(f, "anonymous");
      const keyed = await (await requestWithKey(browser, k)).get(url, { maxRedirects: 0 });
      expectAnswer(keyed, row.access.anonymous);
      // And the very answer anonymous gets: same status, same redirect.
      const anonymous = await (await requestAs(browser, "anonymous")).get(url, { maxRedirects: 0 });
      expect({ status: keyed.status(), location: keyed.headers().location }).toEqual({ status: anonymous.status(), location: anonymous.headers().location });
    });
  }
}
