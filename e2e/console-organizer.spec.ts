import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import { acceptInviteAndSignIn, ZONE } from "./support";

/**
 * The organizer console from nothing (issue 8): create an event in another time zone,
 * agenda, sponsors from a CSV with one bad row, publish, a registration, the attendee
 * table and timeline, pause/resume, a staff invite accepted from the (dev) outbox.
 * Run at tablet width (768 px); every console page passes axe (no serious/critical).
 */
test.describe.configure({ mode: "serial" });

const TZ = "Asia/Tokyo"; // neither the machine's zone nor the browser's (America/Chicago)
const DAY = DateTime.now().setZone(TZ).plus({ days: 20 }).toFormat("yyyy-LL-dd");
const SLUG = `tokyo-build-${Date.now().toString(36)}`;
let admin: Page;
let eventUrl = "";

async function noSeriousA11yIssues(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  // Usable at 768 px: nothing forces the page wider than the tablet (wide tables scroll in their own box).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
}

test.beforeAll(async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: "e2e/.auth/admin.json", timezoneId: ZONE, viewport: { width: 768, height: 1024 } });
  admin = await ctx.newPage();
});

test("an organizer creates an event from nothing in another time zone", async () => {
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "New event" }).click();
  await noSeriousA11yIssues(admin);
  await admin.getByLabel("Name", { exact: true }).fill("Tokyo Build Day");
  await admin.getByLabel("Web address").fill("Not A Slug");
  await admin.getByLabel("Time zone").fill(TZ);
  await admin.getByLabel("Starts").fill(`${DAY}T09:00`);
  await admin.getByLabel("Ends", { exact: true }).fill(`${DAY}T08:00`);
  await admin.getByRole("button", { name: "Create event" }).click();
  const summary = admin.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("Web address must be lower-case letters");
  // Once every field is well-formed, the checks across fields (end after start) speak.
  await admin.getByLabel("Web address").fill(SLUG);
  await admin.getByRole("button", { name: "Create event" }).click();
  await expect(summary).toContainText("Ends must be after the start");
  await admin.getByLabel("Ends", { exact: true }).fill(`${DAY}T17:00`);
  await admin.getByRole("button", { name: "Create event" }).click();
  await expect(admin.getByRole("heading", { name: "Agenda", level: 1 })).toBeVisible();
  await expect(admin.getByText("Event created as a draft")).toBeVisible();
  eventUrl = admin.url().replace(/\/agenda.*$/, "");
});

test("adds a session and a lunch in the event's local time", async () => {
  for (const item of [
    { title: "Pricing for profit", type: "session", start: "10:00", end: "10:45", room: "Hall A" },
    { title: "Lunch", type: "lunch", start: "12:00", end: "13:00", room: "Terrace" },
  ]) {
    await admin.getByLabel("Title").fill(item.title);
    await admin.getByLabel("Type").selectOption(item.type);
    await admin.getByLabel("Starts").fill(`${DAY}T${item.start}`);
    await admin.getByLabel("Ends", { exact: true }).fill(`${DAY}T${item.end}`);
    await admin.getByLabel(/^Room/).fill(item.room);
    await admin.getByRole("button", { name: "Add item" }).click();
    await expect(admin.getByRole("status").filter({ hasText: `Added "${item.title}"` })).toBeVisible();
  }
  await admin.reload();
  await expect(admin.getByRole("heading", { name: "Terrace" })).toBeVisible();
  await expect(admin.getByText("10:00 AM – 10:45 AM")).toBeVisible();
  await noSeriousA11yIssues(admin);
});

test("imports sponsors from a CSV: the bad row is named by line, fixed, imported", async () => {
  await admin.goto(`${eventUrl}/import`);
  await admin.getByLabel("What to import").selectOption("sponsors");
  const bad = "name,booth_number,focus_areas,pcr_score\nAcme Supply,12,roofing;hvac,4.5\nBrightPath Solar,14,solar,9\n";
  await admin.getByLabel("File").setInputFiles({ name: "sponsors.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await admin.getByRole("button", { name: "Check file" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: "Nothing was imported" })).toContainText("Line 3, column pcr_score: must be between 0 and 5");
  await admin.getByLabel(/^Contents/).fill(bad.replace(",9\n", ",4\n"));
  await admin.getByRole("button", { name: "Check file" }).click();
  await expect(admin.getByRole("heading", { name: "Preview: 2 rows, no errors" })).toBeVisible();
  await noSeriousA11yIssues(admin);
  await admin.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "2 rows imported." })).toBeVisible();
  await admin.getByRole("link", { name: "Sponsors" }).click();
  await expect(admin.getByRole("cell", { name: "BrightPath Solar", exact: true })).toBeVisible();
  await noSeriousA11yIssues(admin);
});

test("publishes the event", async () => {
  await admin.goto(`${eventUrl}/edit`);
  await noSeriousA11yIssues(admin);
  await admin.getByRole("button", { name: "Publish" }).click();
  await expect(admin.getByText("Published: the public page is live.")).toBeVisible();
});

test("a person registers; the organizer finds them, reads their timeline, pauses and resumes messaging", async ({ browser }) => {
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(`/events/${SLUG}`);
  await phone.getByLabel("First name").fill("Kenji");
  await phone.getByLabel("Last name").fill("Sato");
  await phone.getByLabel("Email").fill(`kenji.${SLUG}@example.com`);
  await phone.getByRole("button", { name: "Register" }).click();
  await expect(phone.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

  await admin.goto(`${eventUrl}/attendees`);
  await admin.getByLabel("Search", { exact: true }).fill("kenji");
  await admin.getByRole("button", { name: "Search" }).click();
  await expect(admin).toHaveURL(/q=kenji/);
  await noSeriousA11yIssues(admin);
  await admin.getByRole("link", { name: "Kenji Sato" }).click();
  const timeline = admin.getByRole("table", { name: "Message timeline" });
  await expect(timeline.getByRole("row").filter({ hasText: "Registration confirmation" }).first()).toBeVisible();
  await expect(timeline).toContainText("Check-in reminder (1 hour)");
  await noSeriousA11yIssues(admin);

  await admin.goto(`${eventUrl}/messages`);
  await admin.getByRole("button", { name: "Pause messaging" }).click();
  await expect(admin.getByText("Messaging paused. Nothing is sent until you resume.")).toBeVisible();
  await admin.reload();
  await expect(admin.getByText(/^Messaging is paused since/)).toBeVisible();
  await noSeriousA11yIssues(admin);
  await admin.getByRole("button", { name: "Resume messaging" }).click();
  await expect(admin.getByText(/^Messaging resumed\./)).toBeVisible();

  await admin.goto(`${eventUrl}/outbox`);
  await expect(admin.getByRole("row").filter({ hasText: "Kenji Sato" }).first()).toBeVisible();
  await noSeriousA11yIssues(admin);
});

test("invites a staff member who accepts from the emailed link and reaches only check-in", async ({ browser }) => {
  const email = `mika.${SLUG}@example.com`;
  await admin.goto("/admin/staff");
  await admin.getByLabel("Name", { exact: true }).fill("Mika Staff");
  await admin.getByLabel("Email", { exact: true }).fill(email);
  await admin.getByRole("checkbox", { name: "Tokyo Build Day" }).check();
  await admin.getByRole("button", { name: "Send invite" }).click();
  await expect(admin.getByText(`Invite sent to ${email}.`)).toBeVisible();
  await admin.reload();
  await noSeriousA11yIssues(admin);
  await admin.getByText("Show email (dev outbox)").first().click();
  const body = await admin.getByLabel(`Invite email to ${email}`).innerText();
  const path = /\/invite\?t=[A-Za-z0-9_-]+/.exec(body)![0];

  const staff = await (await browser.newContext({ viewport: { width: 768, height: 1024 } })).newPage();
  await acceptInviteAndSignIn(staff, path, email, "a tablet password 2026");
  await expect(staff.getByRole("link", { name: /Tokyo Build Day/ })).toBeVisible();
  await expect(staff.getByRole("link", { name: /Contractor Growth Summit/ })).toHaveCount(0);
  await staff.goto(`${eventUrl.replace(/^.*\/admin/, "/admin")}/attendees`);
  await expect(staff.getByRole("heading", { name: /not allowed|can't|403|access/i }).first()).toBeVisible();
  // The used link is gone.
  await staff.goto(path);
  await expect(staff.getByRole("heading", { name: /couldn.t find/i }).first()).toBeVisible();
});
