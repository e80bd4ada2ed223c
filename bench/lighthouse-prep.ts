/**
 * Prepares a running demo server for bench/lighthouse.ts: as the demo organizer it
 * moves the dev clock to the event day at 10:05, as the demo staff checks in the first
 * attendee found by `--q` at the tablet, waits for their check-in confirmation and
 * prints the agenda path (with its token) to pass to `--page`.
 *
 *   E2E_PORT=3300 npx tsx scripts/e2e-server.ts &
 *   npx tsx bench/lighthouse-prep.ts --base http://localhost:3300 [--q an]
 */
import { chromium, type Page } from "@playwright/test";
import { DateTime } from "luxon";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const base = arg("--base", "http://localhost:3300");
const query = arg("--q", "an");
const ZONE = "America/Chicago";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium" });
  try {
    const page = await (await browser.newContext({ timezoneId: ZONE, baseURL: base })).newPage();
    await signIn(page, "admin@tpx.local", "tpx-demo-admin");
    // The demo event is seeded 7 local days after the server's today.
    const at = DateTime.now().setZone(ZONE).plus({ days: 7 }).startOf("day").set({ hour: 10, minute: 5 });
    await page.goto("/admin");
    const clock = page.getByRole("region", { name: "Dev clock" });
    await clock.locator("time").filter({ hasNotText: "…" }).waitFor();
    await clock.getByLabel("Jump to").fill(at.toFormat("yyyy-LL-dd'T'HH:mm"));
    await clock.getByRole("button", { name: "Jump", exact: true }).click();
    await clock.getByText(/^Jumped to/).waitFor();

    await page.goto("/staff");
    await page.locator('a[href^="/staff/events/"]').first().click();
    await page.waitForURL(/\/staff\/events\//);
    const eventId = page.url().split("/").at(-1)!.split("?")[0];
    await page.getByLabel("Search attendees").fill(query);
    await page.getByLabel("Search attendees").press("Enter");
    const first = page.getByRole("list", { name: "Search results" }).getByRole("button", { name: /^Check in/ }).first();
    const name = (await first.innerText()).replace(/^Check in\s*/, "").trim();
    await first.click();
    await page.getByRole("status").filter({ hasText: `${name} is checked in.` }).waitFor();

    for (let i = 0; i < 60; i++) {
      const res = await page.request.get(`/api/admin/events/${eventId}/messages?type=check_in_confirmation`);
      const { messages } = (await res.json()) as { messages: Array<{ attendee_name: string; body: string | null }> };
      const path = messages.find((m) => m.attendee_name === name && m.body)?.body?.match(/\/events\/\S+\/agenda\?t=[\w-]+/)?.[0];
      if (path) {
        console.log(`checked in ${name}; agenda page: ${path}`);
        return;
      }
      await page.waitForTimeout(1000);
    }
    throw new Error(`no check-in confirmation with an agenda link for ${name} within 60 s`);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
