import { expect, test, type Page } from "@playwright/test";
import { asAdmin, onPhone } from "./support";
import { checkInById, createEventCopy, jumpClock, outbox, registerOnPhone, tokenFromConfirmation } from "./attendee-support";

/**
 * After the event (issue 11), on a copy of the demo event tomorrow (its own slug: the
 * specs after this one keep theirs, and the clock is reset at the end). Moving the clock
 * past the end completes the event; the thank-you goes to who came and "sorry we missed
 * you" to who did not; the connection summary lists the booth the attendee visited; the
 * feedback form works from its link once.
 */
test.describe.configure({ mode: "serial" });

const SLUG = "after-event-e2e";
let admin: Page;
let ev: Awaited<ReturnType<typeof createEventCopy>>;
let ana = { token: "", attendeeId: "" };
let noah = { token: "", attendeeId: "" };

test.beforeAll(async ({ browser }) => {
  admin = await asAdmin(browser);
  await admin.goto("/admin");
  ev = await createEventCopy(admin, SLUG, 1);
  await jumpClock(admin.request, ev.day.minus({ days: 1 }).set({ hour: 12 }));
});

test.afterAll(async () => {
  await admin.request.post("/api/dev/clock", { data: { reset: true } });
});

async function smsTo(attendeeId: string, type: string) {
  let body = "";
  await expect(async () => {
    const rows = (await outbox(admin.request, ev.id, { type, channel: "sms" })).filter((m) => m.attendee_id === attendeeId);
    expect(rows.map((r) => r.status)).toEqual(["sent"]);
    body = rows[0].body ?? "";
  }).toPass({ timeout: 30_000, intervals: [500, 1_000] });
  return body;
}

test("past the end: the thank-you to the attendee who came, 'sorry we missed you' to the one who did not", async ({ browser }) => {
  const phone = await onPhone(browser);
  await registerOnPhone(phone, SLUG, { first: "Ana", last: "After", email: "ana.after@example.com", phone: "(512) 555-0181", company: "After Roofing" });
  await registerOnPhone(phone, SLUG, { first: "Noah", last: "Show", email: "noah.show@example.com", phone: "(512) 555-0182", company: "Show Electric" });
  ana = await tokenFromConfirmation(admin.request, ev.id, "Ana After");
  noah = await tokenFromConfirmation(admin.request, ev.id, "Noah Show");

  await jumpClock(admin.request, ev.day.set({ hour: 8, minute: 40 }));
  await checkInById(admin.request, ev.id, ana.attendeeId);
  // The demo event ends with the 17:30–19:00 reception; the thank-you goes at 19:30.
  await jumpClock(admin.request, ev.day.set({ hour: 19, minute: 31 }));

  const outboxUrl = `/admin/events/${ev.id}/outbox`;
  await expect(async () => {
    await admin.goto(`${outboxUrl}?attendee=${ana.attendeeId}&type=post_event_thank_you`);
    const row = admin.getByRole("row").filter({ hasText: "Post-event thank you" }).filter({ has: admin.getByText("SMS", { exact: true }) });
    await expect(row.getByText("sent", { exact: true })).toBeVisible({ timeout: 500 });
    await expect(row).toContainText("Hi Ana, thank you for coming to Demo copy after-event-e2e!");
  }).toPass({ timeout: 30_000, intervals: [500, 1_000] });
  await expect(async () => {
    await admin.goto(`${outboxUrl}?attendee=${noah.attendeeId}&type=post_event_thank_you`);
    const row = admin.getByRole("row").filter({ hasText: "Post-event thank you" }).filter({ has: admin.getByText("SMS", { exact: true }) });
    await expect(row.getByText("sent", { exact: true })).toBeVisible({ timeout: 500 });
    await expect(row).toContainText("Hi Noah, sorry we missed you at Demo copy after-event-e2e.");
  }).toPass({ timeout: 30_000, intervals: [500, 1_000] });
  await admin.goto(`/admin/events/${ev.id}/feedback`);
  await expect(admin.getByText("completed", { exact: true })).toBeVisible();
  // Only who came is asked which booths they visited.
  expect(await smsTo(ana.attendeeId, "sponsor_batch_check")).toContain("which sponsor booths did you visit");
  expect((await outbox(admin.request, ev.id, { type: "sponsor_batch_check" })).filter((m) => m.attendee_id === noah.attendeeId)).toEqual([]);
});

test("the connection summary lists what the attendee did: the booth she visited", async () => {
  await admin.goto(`/admin/events/${ev.id}/conversations/${ana.attendeeId}`);
  const box = admin.getByRole("form", { name: "Text from the attendee" });
  await box.getByLabel("Text from the attendee").fill("booths 105");
  await box.getByRole("button", { name: "Simulate" }).click();
  await expect(box.getByRole("status")).toContainText("Answered:");

  await jumpClock(admin.request, ev.day.plus({ days: 1 }).set({ hour: 19, minute: 1 }));
  await expect(async () => {
    const rows = (await outbox(admin.request, ev.id, { type: "connection_summary", channel: "email" })).filter((m) => m.attendee_id === ana.attendeeId);
    expect(rows.map((r) => r.status)).toEqual(["sent"]);
    expect(rows[0].body).toContain("Sponsors you visited:");
    expect(rows[0].body).toContain("TradeTalent Staffing (booth 105)");
  }).toPass({ timeout: 30_000, intervals: [500, 1_000] });
  expect((await outbox(admin.request, ev.id, { type: "connection_summary" })).filter((m) => m.attendee_id === noah.attendeeId)).toEqual([]);
});

test("the feedback form works from its link once and refuses a second submission", async ({ browser }) => {
  // 10:00 local two days after the end date.
  await jumpClock(admin.request, ev.day.plus({ days: 2 }).set({ hour: 10, minute: 1 }));
  const text = await smsTo(ana.attendeeId, "feedback_request");
  const link = new URL(/https?:\/\/\S+\/feedback\?t=[\w-]+/.exec(text)![0]);
  const first = await onPhone(browser);
  const second = await onPhone(browser);
  await first.goto(link.pathname + link.search);
  await second.goto(link.pathname + link.search); // a second tab, opened before the first answer

  await expect(first.getByRole("heading", { name: "How was it?", level: 1 })).toBeVisible();
  await first.getByText("4", { exact: true }).click();
  await first.getByLabel(/^Comment/).fill("Great lunch, more time at the booths please.");
  await first.getByRole("button", { name: "Send feedback" }).click();
  await expect(first.getByText("Thank you! Your feedback is in.")).toBeVisible();

  await second.getByText("5", { exact: true }).click();
  await second.getByRole("button", { name: "Send feedback" }).click();
  // (Next's route announcer is an alert too: the one with the answer.)
  await expect(second.getByRole("alert").filter({ hasText: "You have already sent your feedback for this event." })).toBeVisible();
  await first.reload();
  await expect(first.getByRole("status").filter({ hasText: "You have already sent your feedback for this event. Thank you! Your rating: 4/5" })).toBeVisible();
  await expect(first.getByRole("button", { name: "Send feedback" })).toHaveCount(0);

  await admin.goto(`/admin/events/${ev.id}/feedback`);
  const row = admin.getByRole("table", { name: "Event ratings" }).getByRole("row").filter({ hasText: "Post-event feedback" });
  await expect(row).toContainText("4 / 5");
  await expect(admin.getByRole("region", { name: "Comments" })).toContainText("Great lunch, more time at the booths please.");
});
