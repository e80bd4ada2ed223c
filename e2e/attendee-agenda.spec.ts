import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { asAdmin, onPhone } from "./support";
import { checkInById, createEventCopy, jumpClock, outbox, registerOnPhone, tokenFromConfirmation } from "./attendee-support";

/**
 * The attendee's day on a phone (issue 12), on a copy of the demo event one day
 * before the journey's: register, check in, the plan-first agenda page (Now/Next and
 * the picks above the fold, the QR one tap away), peers before and after the batch,
 * offline after a first visit.
 */
test.describe.configure({ mode: "serial" });

const SLUG = "attendee-day-e2e";
let admin: Page;
let ev: Awaited<ReturnType<typeof createEventCopy>>;
let agendaUrl = "";

test.beforeAll(async ({ browser }) => {
  admin = await asAdmin(browser);
  await admin.goto("/admin");
  ev = await createEventCopy(admin, SLUG, 6);
  await jumpClock(admin.request, ev.day.minus({ days: 6 }).set({ hour: 12 }));
});

test.afterAll(async () => {
  await admin.request.post("/api/dev/clock", { data: { reset: true } });
});

test("a phone registrant checks in and sees Now/Next and the three picks above the fold", async ({ browser }) => {
  const phone = await onPhone(browser);
  await registerOnPhone(phone, SLUG, { first: "Pia", last: "Nguyen", email: "pia.e2e@example.com", phone: "(512) 555-0191", company: "Nguyen HVAC" });
  const { token, attendeeId } = await tokenFromConfirmation(admin.request, ev.id, "Pia Nguyen");
  agendaUrl = `/events/${SLUG}/agenda?t=${token}`;
  // A complete profile: what the matching needs to find her peers.
  await phone.goto(`/events/${SLUG}/profile?t=${token}`);
  await phone.getByLabel("Type of business").fill("HVAC");
  await phone.getByLabel("Service area").fill("San Marcos, TX");
  await phone.getByLabel("Annual revenue").selectOption({ value: "1m_5m" });
  await phone.getByLabel("Team size").fill("9");
  for (const area of ["Pricing", "Hiring", "Marketing", "Operations"]) await phone.getByRole("checkbox", { name: area, exact: true }).check();
  await phone.getByRole("button", { name: "Save profile" }).click();
  await expect(phone.getByText("Profile complete — you won't get more reminders")).toBeVisible();

  // Morning of the event: Pia and a dozen of the imported attendees arrive.
  await jumpClock(admin.request, ev.day.set({ hour: 8, minute: 40 }));
  await checkInById(admin.request, ev.id, attendeeId);
  const others = [...new Set((await outbox(admin.request, ev.id, { type: "registration_confirmation" })).map((m) => m.attendee_id).filter((id): id is string => !!id && id !== attendeeId))];
  for (const id of others.slice(0, 12)) await checkInById(admin.request, ev.id, id);

  await phone.goto(agendaUrl);
  await expect(phone.getByRole("heading", { name: "Hi Pia", level: 1 })).toBeVisible();
  const day = phone.getByRole("region", { name: "Your day" });
  await expect(day.getByRole("listitem")).toHaveCount(3, { timeout: 30_000 });
  const nowNext = phone.getByRole("region", { name: "Now and next" });
  await expect(nowNext).toContainText("Now");
  await expect(nowNext).toContainText("Next");
  await phone.screenshot({ path: "test-results/attendee-agenda-390.png", fullPage: true });
  // Above the fold: Now/Next and the 3 picks' titles within the first screen (390×844).
  for (const el of [nowNext, ...(await day.getByRole("heading", { level: 3 }).all())]) {
    const box = await el.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(844);
  }
  // Everything before the full agenda within about two screens.
  const full = await phone.getByRole("heading", { name: "Full agenda" }).boundingBox();
  expect(full!.y).toBeLessThanOrEqual(844 * 2.2);
});

test("the QR code is one tap away at any scroll position", async ({ browser }) => {
  const phone = await onPhone(browser);
  await phone.goto(agendaUrl);
  await phone.getByRole("heading", { name: "Full agenda" }).scrollIntoViewIfNeeded();
  await phone.mouse.wheel(0, 5000);
  await phone.getByRole("button", { name: "My QR code" }).click();
  const dialog = phone.getByRole("dialog", { name: "Your check-in code" });
  await expect(dialog.getByRole("img", { name: "Check-in QR code for Pia Nguyen" })).toBeVisible();
  await expect(dialog).toContainText(/Checked in at 8:4\d AM/);
  await phone.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  // By keyboard: the button opens it, Close (with a visible focus ring) closes it, focus goes back to the button.
  const button = phone.getByRole("button", { name: "My QR code" });
  await button.focus();
  await phone.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  const close = dialog.getByRole("button", { name: "Close" });
  await expect(close).toBeFocused(); // focus moved into the dialog
  expect(await close.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  await phone.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test("peers: the time before the batch, the names after it", async ({ browser }) => {
  const phone = await onPhone(browser);
  await phone.goto(agendaUrl);
  const people = phone.getByRole("region", { name: "People to meet" });
  await expect(people).toContainText(/We'll introduce you to 3 people at 12:05 PM \(lunch\)/);

  await jumpClock(admin.request, ev.day.set({ hour: 11, minute: 46 }));
  // The batch has run when her introductions are in the outbox.
  await expect(async () => {
    const intros = await outbox(admin.request, ev.id, { type: "peer_introduction" });
    expect(intros.filter((m) => m.attendee_name === "Pia Nguyen").length).toBeGreaterThan(0);
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });
  await expect(async () => {
    await phone.goto(agendaUrl);
    await expect(people.getByRole("listitem").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });
  for (const card of await people.getByRole("listitem").all()) await expect(card.getByRole("heading", { level: 3 })).not.toBeEmpty();
});

test("the agenda page opens offline after a first visit and says when it was updated", async ({ browser }) => {
  const phone = await onPhone(browser);
  await phone.goto(agendaUrl);
  await expect(phone.getByText(/^Updated \d{1,2}:\d{2} [AP]M$/)).toBeVisible();
  await phone.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The worker has the page once it has answered the page's hand-over.
  await expect(async () => {
    const cached = await phone.evaluate(async (url) => Boolean(await caches.match(new URL(url, location.href).href)), agendaUrl);
    expect(cached).toBe(true);
  }).toPass({ timeout: 15_000 });
  await phone.context().setOffline(true);
  await phone.reload();
  await expect(phone.getByRole("heading", { name: "Hi Pia", level: 1 })).toBeVisible();
  await expect(phone.getByText(/You're offline — this is your plan as of/)).toBeVisible();
  await phone.context().setOffline(false);
});

for (const width of [390, 1280]) {
  test(`no serious or critical axe violations on the event and agenda pages at ${width}px`, async ({ browser }) => {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    for (const url of [`/events/${SLUG}`, agendaUrl, agendaUrl.replace("/agenda?", "/check-in?"), agendaUrl.replace("/agenda?", "/profile?"), "/"]) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${url}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
    await ctx.close();
  });
}
