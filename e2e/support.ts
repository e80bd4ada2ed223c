import { expect, type Browser, type Page } from "@playwright/test";
import { DateTime } from "luxon";

export const ZONE = "America/Chicago";
/** The demo event is seeded 7 local days after the server's today. */
export const EVENT_DAY = DateTime.now().setZone(ZONE).plus({ days: 7 }).startOf("day");
export const TODAY = DateTime.now().setZone(ZONE).startOf("day");

export async function asAdmin(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ storageState: "e2e/.auth/admin.json", timezoneId: ZONE });
  return ctx.newPage();
}

export async function asStaff(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ storageState: "e2e/.auth/staff.json", timezoneId: ZONE, viewport: { width: 1024, height: 1366 } });
  return ctx.newPage();
}

export async function onPhone(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, timezoneId: ZONE });
  return ctx.newPage();
}

/** Uses the dev clock in the admin header, as an organizer would (the browser is on the event's zone). */
export async function jumpTo(admin: Page, at: DateTime): Promise<void> {
  const clock = admin.getByRole("region", { name: "Dev clock" });
  // The widget reads the app time once hydrated; before that a click would submit natively.
  await expect(clock.locator("time")).not.toHaveText("…");
  await expect(async () => {
    await clock.getByLabel("Jump to").fill(at.toFormat("yyyy-LL-dd'T'HH:mm"));
    await clock.getByRole("button", { name: "Jump", exact: true }).click();
    await expect(clock.getByText(/^Jumped to/)).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}

/** The outbox rows of one attendee and message type all show `status`, waiting for the driver. */
export async function expectOutboxStatus(
  admin: Page,
  url: string,
  row: { attendee: string; type: string; channel?: "Email" | "SMS" },
  status: string,
): Promise<void> {
  await expect(async () => {
    await admin.goto(url);
    let rows = admin.getByRole("row").filter({ hasText: row.attendee }).filter({ hasText: row.type });
    if (row.channel) rows = rows.filter({ has: admin.getByText(row.channel, { exact: true }) });
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await expect(rows.nth(i).getByText(status, { exact: true })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000, intervals: [500, 1_000] });
}

/**
 * What a registrant finds in their confirmation email (the form itself shows no
 * links: SPEC §8), read as the organizer from the outbox JSON.
 */
export async function confirmationEmailOf(admin: Page, eventId: string, attendeeName: string): Promise<{ text: string; profileUrl: string | null; code: string | null }> {
  let text = "";
  await expect(async () => {
    const res = await admin.request.get(`/api/admin/events/${eventId}/messages?type=registration_confirmation&channel=email`);
    expect(res.status()).toBe(200);
    const { messages } = (await res.json()) as { messages: Array<{ attendee_name: string; body: string | null; status: string }> };
    const mine = messages.find((m) => m.attendee_name === attendeeName && m.body);
    expect(mine, `no confirmation email for ${attendeeName} yet`).toBeTruthy();
    text = mine!.body!;
  }).toPass({ timeout: 20_000 });
  const profile = text.match(/https?:\/\/\S+\/profile\?t=[\w-]+/)?.[0] ?? null;
  return {
    text,
    profileUrl: profile ? new URL(profile).pathname + new URL(profile).search : null,
    code: text.match(/TPX1\.[\w-]+/)?.[0] ?? null,
  };
}

/**
 * At the tablet: searches for `query` and checks in every result still waiting, one by
 * one, as staff would: tap the person's own button, see the green answer for that
 * person, and wait until the list (refreshed after each check-in) shows them as checked
 * in before tapping the next. Returns the names checked in.
 */
export async function checkInEveryoneFound(desk: Page, query: string, max = 25): Promise<string[]> {
  await desk.getByLabel("Search attendees").fill(query);
  await desk.getByLabel("Search attendees").press("Enter");
  const results = desk.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("listitem").first()).toBeVisible();
  const done: string[] = [];
  for (let i = 0; i < max; i++) {
    const first = results.getByRole("button", { name: /^Check in/ }).first();
    if ((await first.count()) === 0) break;
    const name = (await first.innerText()).replace(/^Check in\s*/, "").trim();
    const button = results.getByRole("button", { name: `Check in ${name}`, exact: true });
    await button.click();
    await expect(desk.getByRole("status").filter({ hasText: `${name} is checked in.` })).toBeVisible();
    await expect(button).toHaveCount(0, { timeout: 15_000 });
    done.push(name);
  }
  return done;
}

/** A staff member opens their invite link, sets a password, and signs in with it (lands on /staff). */
export async function acceptInviteAndSignIn(page: Page, invitePath: string, email: string, password: string): Promise<void> {
  await page.goto(invitePath);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/staff/);
}
