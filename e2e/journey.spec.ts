import { expect, test, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import { asAdmin, asStaff, checkInEveryoneFound, confirmationEmailOf, EVENT_DAY, expectOutboxStatus, jumpTo, onPhone, TODAY, ZONE } from "./support";

/**
 * The attendee journey on the seeded demo event, in order (one server, one clock):
 * register → outbox → profile reminders → night before → staff check-in → plan →
 * agenda page on a phone → a session alert at its minute.
 */
test.describe.configure({ mode: "serial" });

const EVENT = "Contractor Growth Summit 2026";
let outboxUrl = "";
let eventId = "";
let admin: Page;
let benCode = "";

test.beforeAll(async ({ browser }) => {
  admin = await asAdmin(browser);
  await admin.goto("/admin");
  await admin.getByRole("link", { name: `Outbox of ${EVENT}` }).click();
  await expect(admin.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
  outboxUrl = admin.url();
  eventId = outboxUrl.match(/events\/([0-9a-f-]{36})\//)![1];
  // Start at midday on the event's clock: an SMS confirmation at night would wait for
  // 08:00 (quiet hours), and CI runs at any hour.
  await jumpTo(admin, TODAY.set({ hour: 12, minute: 0 }));
});

async function register(page: Page, who: { first: string; last: string; email: string; phone: string; company: string }) {
  await page.goto("/");
  await page.getByRole("link", { name: new RegExp(EVENT) }).click();
  await expect(page.getByRole("heading", { name: EVENT, level: 1 })).toBeVisible();
  await page.getByLabel("First name").fill(who.first);
  await page.getByLabel("Last name").fill(who.last);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel(/^Company/).fill(who.company);
  await page.getByLabel(/^Mobile phone/).fill(who.phone);
  await page.getByLabel(/Text me my confirmation/).check();
  await page.getByRole("button", { name: "Register" }).click();
  // The same answer for a new and a known email: the links travel only in the confirmation (SPEC §8).
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expect(page.getByText(who.email.toLowerCase())).toBeVisible();
}

test("a person registers for the demo event and gets the confirmation with their code and profile link", async ({ browser }) => {
  const page = await onPhone(browser);
  await register(page, { first: "Ana", last: "Lopez", email: "ana.e2e@example.com", phone: "(512) 555-0187", company: "Lopez Roofing" });
  const email = await confirmationEmailOf(admin, eventId, "Ana Lopez");
  expect(email.code).toMatch(/^TPX1\./);
  expect(email.profileUrl).toContain("/profile?t=");
  // Registering again says exactly the same, and reveals nothing more.
  await register(page, { first: "Ana", last: "Lopez", email: "ana.e2e@example.com", phone: "(512) 555-0187", company: "Lopez Roofing" });
  expect(page.url()).not.toContain("t=");
});

test("the organizer sees the confirmation email and SMS sent, and every reminder planned", async () => {
  await expectOutboxStatus(admin, outboxUrl, { attendee: "Ana Lopez", type: "Registration confirmation", channel: "Email" }, "sent");
  await expectOutboxStatus(admin, outboxUrl, { attendee: "Ana Lopez", type: "Registration confirmation", channel: "SMS" }, "sent");
  const sms = admin.getByRole("row").filter({ hasText: "Ana Lopez" }).filter({ hasText: "Registration confirmation" }).filter({ has: admin.getByText("SMS", { exact: true }) }).first();
  await expect(sms).toContainText("you're registered for Contractor Growth Summit");
  await expect(sms).toContainText("+15125550187");
  const night = admin.getByRole("row").filter({ hasText: "Ana Lopez" }).filter({ hasText: "Check-in reminder (night before)" });
  await expect(night).toHaveCount(2);
  await expect(night.first()).toContainText("8:00 PM");
  await expect(night.first()).toContainText("scheduled");
});

test("completing the profile stops the next profile reminder", async ({ browser }) => {
  const page = await onPhone(browser);
  await register(page, { first: "Ben", last: "Okoro", email: "ben.e2e@example.com", phone: "(512) 555-0188", company: "Okoro Solar" });
  const email = await confirmationEmailOf(admin, eventId, "Ben Okoro");
  benCode = email.code!;
  await page.goto(email.profileUrl!);
  await page.getByLabel("Type of business").fill("Solar");
  await page.getByLabel("Service area").fill("Round Rock, TX");
  await page.getByLabel("Annual revenue").selectOption({ value: "1m_5m" });
  await page.getByLabel("Team size").fill("14");
  for (const area of ["Pricing", "Hiring", "Marketing", "Financing", "Operations", "Sales"]) {
    await page.getByRole("checkbox", { name: area, exact: true }).check();
  }
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile complete — you won't get more reminders")).toBeVisible();

  // The first profile reminder is tomorrow at 10:00: Ana's goes out, Ben's is skipped.
  await admin.goto(outboxUrl);
  await jumpTo(admin, TODAY.plus({ days: 1 }).set({ hour: 10, minute: 1 }));
  await expectOutboxStatus(admin, `${outboxUrl}?type=profile_completion_reminder&status=sent`, { attendee: "Ana Lopez", type: "Profile completion reminder", channel: "SMS" }, "sent");
  await expectOutboxStatus(admin, `${outboxUrl}?type=profile_completion_reminder&status=skipped`, { attendee: "Ben Okoro", type: "Profile completion reminder", channel: "SMS" }, "skipped");
  await expect(admin.getByRole("row").filter({ hasText: "Ben Okoro" }).first()).toContainText("profile completed");
});

test("the night-before reminder goes out at 20:00", async () => {
  await admin.goto(outboxUrl);
  await jumpTo(admin, EVENT_DAY.minus({ days: 1 }).set({ hour: 20, minute: 0 }));
  await expectOutboxStatus(admin, outboxUrl, { attendee: "Ana Lopez", type: "Check-in reminder (night before)", channel: "Email" }, "sent");
  await expectOutboxStatus(admin, outboxUrl, { attendee: "Ana Lopez", type: "Check-in reminder (night before)", channel: "SMS" }, "sent");
});

test("staff check people in by code and by search; a second scan says when and by whom", async ({ browser }) => {
  await admin.goto(outboxUrl);
  await jumpTo(admin, EVENT_DAY.set({ hour: 8, minute: 40 }));
  const desk = await asStaff(browser);
  await desk.goto("/staff");
  await desk.getByRole("link", { name: new RegExp(EVENT) }).click();

  await desk.getByLabel("QR code").fill(benCode);
  await desk.getByLabel("QR code").press("Enter");
  await expect(desk.getByRole("status").filter({ hasText: "Ben Okoro is checked in." })).toBeVisible();
  await desk.getByLabel("QR code").fill(benCode);
  await desk.getByLabel("QR code").press("Enter");
  await expect(desk.getByRole("status").filter({ hasText: /Ben Okoro is already checked in at 08:4\d \(by Sam Staff\)\./ })).toBeVisible();

  // The demo attendees arrive too (search by the demo domain, check each in).
  expect((await checkInEveryoneFound(desk, "example.com")).length).toBeGreaterThan(5);
});

test("the attendee opens the agenda link from the outbox on a phone: 3 sessions, 3 sponsors, 3 peers with reasons", async ({ browser }) => {
  // Batch peer matching runs at lunch − 15 min.
  await admin.goto(outboxUrl);
  await jumpTo(admin, EVENT_DAY.set({ hour: 11, minute: 46 }));
  await expectOutboxStatus(admin, `${outboxUrl}?type=peer_introduction`, { attendee: "Ben Okoro", type: "Peer introduction" }, "scheduled");
  await expectOutboxStatus(admin, `${outboxUrl}?type=agenda_ready`, { attendee: "Ben Okoro", type: "Agenda ready", channel: "SMS" }, "sent");
  const smsText = await admin.getByRole("row").filter({ hasText: "Ben Okoro" }).filter({ has: admin.getByText("SMS", { exact: true }) }).first().innerText();
  const link = smsText.match(/https?:\/\/\S+\/agenda\?t=[\w-]+/)?.[0];
  expect(link, smsText).toBeTruthy();

  const phone = await onPhone(browser);
  await phone.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(phone.getByRole("heading", { name: "Hi Ben", level: 1 })).toBeVisible();
  await expect(phone.getByRole("link", { name: EVENT })).toBeVisible();
  await expect(phone.getByRole("region", { name: "Your plan" })).toContainText("3 sessions · 3 sponsors · 3 people to meet");
  const day = phone.getByRole("region", { name: "Your day" });
  await expect(day.getByText(/Recommended for you · #\d/)).toHaveCount(3);
  const sponsors = phone.getByRole("region", { name: "Sponsors to visit" });
  await expect(sponsors.getByRole("listitem")).toHaveCount(3);
  await expect(sponsors.getByText(/Booth \d+/)).toHaveCount(3);
  const people = phone.getByRole("region", { name: "People to meet" });
  await expect(people.getByRole("listitem")).toHaveCount(3);
  for (const card of await people.getByRole("listitem").all()) {
    await expect(card.getByRole("heading", { level: 3 })).toBeVisible();
    expect((await card.innerText()).length).toBeGreaterThan(40); // company and common ground, not just a name
  }
});

test("moving the dev clock to 15 min before a recommended session sends its alert", async () => {
  await admin.goto(`${outboxUrl}?type=speaker_alert&status=scheduled`);
  const row = admin.getByRole("row").filter({ hasText: "Ben Okoro" }).filter({ hasText: "Speaker alert" }).first();
  const id = await row.getAttribute("data-message-id");
  const due = await row.locator("time").first().getAttribute("datetime");
  expect(due).toBeTruthy();
  await jumpTo(admin, DateTime.fromISO(due!).setZone(ZONE).plus({ minutes: 1 }));
  await expect(async () => {
    await admin.goto(`${outboxUrl}?type=speaker_alert`);
    const sent = admin.locator(`tr[data-message-id="${id}"]`);
    await expect(sent.getByText("sent", { exact: true })).toBeVisible({ timeout: 500 });
    await expect(sent).toContainText(/starting at \d{1,2}:\d{2} [AP]M/i);
  }).toPass({ timeout: 20_000, intervals: [500, 1_000] });
});

test.afterAll(async () => {
  await admin.request.post("/api/dev/clock", { data: { reset: true } });
});
