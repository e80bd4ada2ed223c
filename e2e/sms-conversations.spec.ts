import { expect, test, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import { asAdmin, asStaff, checkInEveryoneFound, EVENT_DAY, jumpTo, ZONE } from "./support";

/**
 * Two-way SMS on the demo event, through the console's "simulate inbound SMS" box (the
 * same pipeline as the Twilio webhook): YES to an introduction, a rating after a
 * session, a concierge question, and an opt-out that stops the next SMS.
 */
test.describe.configure({ mode: "serial" });

const EVENT = "Contractor Growth Summit 2026";
let admin: Page;
let outboxUrl = "";
let inboxUrl = "";
let who = "";

async function simulate(page: Page, body: string) {
  const box = page.getByRole("form", { name: "Text from the attendee" });
  await box.getByLabel("Text from the attendee").fill(body);
  await box.getByRole("button", { name: "Simulate" }).click();
  return box.getByRole("status");
}

async function openConversation(page: Page, name: string) {
  await page.goto(inboxUrl);
  await page.getByRole("link", { name: `Conversation with ${name}` }).click();
  await expect(page.getByRole("heading", { name: `Conversation with ${name}`, level: 1 })).toBeVisible();
}

test.beforeAll(async ({ browser }) => {
  admin = await asAdmin(browser);
  await admin.goto("/admin");
  await admin.getByRole("link", { name: `SMS inbox of ${EVENT}` }).click();
  await expect(admin.getByRole("heading", { name: "SMS inbox", level: 1 })).toBeVisible();
  inboxUrl = admin.url();
  outboxUrl = inboxUrl.replace(/\/inbox$/, "/outbox");

  // Everyone arrives in the morning; batch matching runs at lunch − 15, introductions at lunch + 5.
  await jumpTo(admin, EVENT_DAY.set({ hour: 8, minute: 40 }));
  const desk = await asStaff(browser);
  await desk.goto("/staff");
  await desk.getByRole("link", { name: new RegExp(EVENT) }).click();
  await checkInEveryoneFound(desk, "example.com");
  await desk.context().close();
  await admin.goto(inboxUrl);
  await jumpTo(admin, EVENT_DAY.set({ hour: 12, minute: 6 }));
  await expect(async () => {
    await admin.goto(`${outboxUrl}?type=peer_introduction&status=sent`);
    await expect(admin.getByRole("row").nth(1)).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 30_000, intervals: [1_000] });
  who = (await admin.getByRole("row").nth(1).locator("td").first().locator(".font-medium").innerText()).trim();
});

test("YES to an introduction accepts the match and plans the 20-minute check", async () => {
  await openConversation(admin, who);
  await expect(await simulate(admin, "YES")).toContainText(/Answered: Great, we've let \w+ know/);
  await expect(admin.getByRole("region", { name: "Peer matches" })).toContainText("accepted");
  const check = admin.getByRole("listitem").filter({ hasText: "Peer match attendance" });
  await expect(check.getByText("scheduled", { exact: true })).toBeVisible();
  const planned = DateTime.fromISO((await check.locator("time").getAttribute("datetime"))!);
  const answered = DateTime.fromISO((await admin.locator('[data-kind="inbound"] time').last().getAttribute("datetime"))!);
  expect(Math.round(planned.diff(answered, "minutes").minutes)).toBe(20);
});

test("'I'd give it a 4' after a talk shows on the speaker (after a bundled request: asked back, then 'A4 B5')", async () => {
  // Whoever still has an SMS rating request coming (the day's budget may have moved someone's to the page).
  const eventId = inboxUrl.split("/")[5];
  const list = (await (await admin.request.get(`/api/admin/events/${eventId}/messages?type=speaker_pcr_request&status=scheduled&channel=sms`)).json()) as {
    messages: Array<{ id: string; attendee_name: string; scheduled_for: string }>;
  };
  const next = list.messages.sort((a, b) => a.scheduled_for.localeCompare(b.scheduled_for))[0];
  expect(next, "an SMS rating request still to come").toBeTruthy();
  const id = next.id;
  await jumpTo(admin, DateTime.fromISO(next.scheduled_for).setZone(ZONE).plus({ minutes: 1 }));
  await expect(async () => {
    await admin.goto(`${outboxUrl}?type=speaker_pcr_request`);
    await expect(admin.locator(`tr[data-message-id="${id}"]`).getByText("sent", { exact: true })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000, intervals: [500, 1_000] });

  await openConversation(admin, next.attendee_name);
  // Whether the afternoon's requests went one by one or, when the day's SMS budget was full, as one
  // "rate the last two talks" text (docs/decisions/0151) depends on whose day it was.
  const request = admin.getByRole("listitem").filter({ hasText: /rate the last two talks from 1 to 5: reply like "A4 B5"|how was .+\? Reply with a rating/ }).last();
  await expect(request).toBeVisible({ timeout: 20_000 });
  const ratingsShown = admin.getByRole("region", { name: "Ratings" });
  if (/rate the last two talks/.test(await request.innerText())) {
    // A single score to a two-talk text is asked back, and the letters answer it.
    await expect(await simulate(admin, "I'd give it a 4")).toContainText(/Answered: Thanks! Which talk was that for\? Reply like "A4 B4" \(A = .+, B = .+\)\./);
    await expect(await simulate(admin, "A4 B5")).toContainText(/Answered: Thanks! Your 4\/5 for .+ is in\. Thanks! Your 5\/5 for .+ is in\./);
    await expect(ratingsShown).toContainText(/5\/5 · PCR now \d\.\d\d/);
  } else {
    await expect(await simulate(admin, "I'd give it a 4")).toContainText(/Answered: Thanks! Your 4\/5 for .+ is in\./);
  }
  await expect(ratingsShown).toContainText(/4\/5 · PCR now \d\.\d\d/);
});

test("'where is booth 105?' gets a true answer", async () => {
  await openConversation(admin, who);
  await expect(await simulate(admin, "where is booth 105?")).toContainText("Answered: Booth 105 is TradeTalent Staffing.");
});

test("'stop texting me' opts out: the next SMS is skipped as opted out", async () => {
  await openConversation(admin, who);
  await expect(await simulate(admin, "stop texting me")).toContainText("Handled as opt_out (no reply).");
  await expect(admin.getByText(/opted out of SMS/).first()).toBeVisible();
  const reply = admin.getByRole("form", { name: "Message" });
  await reply.getByLabel("Message").fill("Sorry to see you go!");
  await reply.getByRole("button", { name: "Send reply" }).click();
  await expect(reply.getByRole("status")).toHaveText("Reply queued.");
  await expect(async () => {
    await admin.reload();
    const last = admin.locator('[data-kind="outbound"]').filter({ hasText: "Sorry to see you go!" });
    await expect(last.getByText("skipped", { exact: true })).toBeVisible({ timeout: 500 });
    await expect(last).toContainText("opted out of SMS");
  }).toPass({ timeout: 20_000, intervals: [1_000] });
});

test.afterAll(async () => {
  await admin.request.post("/api/dev/clock", { data: { reset: true } });
});
