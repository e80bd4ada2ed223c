/**
 * The check-in tablet (issue 9), on a tablet viewport as staff: typed code, search,
 * the amber second scan, a red unknown code, undo, offline scans synced when the
 * network returns, and the organizer pages refused. The camera path is in
 * tablet-camera.spec.ts (its own project: the browser needs the fake camera flags).
 */
import { expect, test, type Page } from "@playwright/test";
import { asStaff } from "./support";
import { openCheckIn, openTablet, registerSomeone } from "./tablet-support";

const status = (desk: Page) => desk.getByRole("status");

test.beforeAll(async ({ browser }) => {
  await openCheckIn(browser);
});

test("staff check in by typed code (green), the second scan is amber, an unknown code red; undo takes it back", async ({ browser }) => {
  const code = await registerSomeone(browser, { first: "Tia", last: "Typed", company: "Typed Roofing" });
  const undoCode = await registerSomeone(browser, { first: "Uma", last: "Undo", company: "Undo Plumbing" });
  const desk = await asStaff(browser);
  await openTablet(desk);

  const field = desk.getByLabel("QR code");
  await field.fill(code);
  await field.press("Enter");
  await expect(status(desk).filter({ hasText: "Checked in" })).toContainText("Tia Typed is checked in.");
  await expect(status(desk)).toContainText("Typed Roofing");
  await expect(field).toBeFocused();

  await field.fill(code);
  await field.press("Enter");
  await expect(status(desk).filter({ hasText: "Already checked in" })).toContainText(/Tia Typed is already checked in at \d\d:\d\d \(by Sam Staff\)\./);

  await field.fill("TPX1.not-anybody-at-all");
  await field.press("Enter");
  await expect(desk.getByRole("alert").filter({ hasText: "Not registered" })).toBeVisible();

  await field.fill(undoCode);
  await field.press("Enter");
  await expect(status(desk)).toContainText("Uma Undo is checked in.");
  await desk.getByRole("button", { name: "Undo" }).click();
  await expect(status(desk).filter({ hasText: "Check-in undone" })).toContainText("Uma Undo is no longer checked in.");
  await field.fill(undoCode);
  await field.press("Enter");
  await expect(status(desk)).toContainText("Uma Undo is checked in.");
});

test("staff find someone by company and check them in from the results", async ({ browser }) => {
  await registerSomeone(browser, { first: "Sid", last: "Search", company: "Findable Solar" });
  const desk = await asStaff(browser);
  await openTablet(desk);
  await desk.getByLabel("Search attendees").fill("Findable");
  await desk.getByLabel("Search attendees").press("Enter");
  await desk.getByRole("list", { name: "Search results" }).getByRole("button", { name: "Check in Sid Search" }).click();
  await expect(status(desk)).toContainText("Sid Search is checked in.");
  await expect(desk.getByRole("list", { name: "Search results" })).toContainText(/Checked in/);
});

test("offline, three scans are checked against the signed list, queued, and synced when the network is back", async ({ browser }) => {
  const codes = [];
  for (const last of ["One", "Two", "Three"]) codes.push(await registerSomeone(browser, { first: "Off", last, company: `Offline ${last} Co` }));
  const desk = await asStaff(browser);
  await openTablet(desk);
  await expect(desk.getByText(/signature verified/)).toBeVisible();

  await desk.context().setOffline(true);
  const field = desk.getByLabel("QR code");
  for (const [i, code] of codes.entries()) {
    await field.fill(code);
    await field.press("Enter");
    await expect(status(desk).filter({ hasText: "Checked in (offline)" })).toContainText(`Off ${["One", "Two", "Three"][i]} is checked in.`);
  }
  await expect(desk.getByText("3 scans waiting to sync")).toBeVisible();
  await field.fill("TPX1.offline-stranger");
  await field.press("Enter");
  await expect(desk.getByRole("alert").filter({ hasText: "Not registered" })).toBeVisible();
  await field.fill(codes[0]);
  await field.press("Enter");
  await expect(status(desk).filter({ hasText: "Already checked in" })).toBeVisible();

  await desk.context().setOffline(false);
  await expect(desk.getByText("All scans synced")).toBeVisible({ timeout: 15_000 });
  await desk.getByLabel("Search attendees").fill("Offline");
  await desk.getByLabel("Search attendees").press("Enter");
  await expect(desk.getByRole("list", { name: "Search results" }).getByText(/Checked in/)).toHaveCount(3);
});

test("once visited, the tablet page loads without a network (service worker)", async ({ browser }) => {
  const desk = await asStaff(browser);
  await openTablet(desk);
  await expect.poll(() => desk.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active && navigator.serviceWorker.controller)), { timeout: 20_000 }).toBe(true);
  // The page re-fetched itself through the worker once it took control; give that a moment to land in the cache.
  await expect.poll(() => desk.evaluate(async () => (await caches.keys()).length), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect
    .poll(() => desk.evaluate(async (url) => Boolean(await caches.match(url)), desk.url()), { timeout: 20_000 })
    .toBe(true);
  await desk.context().setOffline(true);
  await desk.reload();
  await expect(desk.getByLabel("QR code")).toBeVisible();
  await expect(desk.getByText("Offline: scans are saved on this tablet")).toBeVisible();
  await desk.context().setOffline(false);
});

test("staff are refused the organizer pages", async ({ browser }) => {
  const desk = await asStaff(browser);
  const eventId = await openTablet(desk);
  for (const path of ["/admin", `/admin/events/${eventId}/dashboard`, `/admin/events/${eventId}/outbox`]) {
    await desk.goto(path);
    await expect(desk.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  }
  const res = await desk.request.get(`/admin/events/${eventId}/dashboard/data`);
  expect(res.status()).toBe(403);
});
