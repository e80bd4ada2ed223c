/** The live dashboard (issue 9, SPEC §7): a new check-in shows within 5 s, without a reload. */
import { expect, test } from "@playwright/test";
import { asAdmin, asStaff } from "./support";
import { EVENT, openCheckIn, openTablet, registerSomeone } from "./tablet-support";

test("the organizer's dashboard shows a check-in made at a tablet within 5 seconds, without reloading", async ({ browser }) => {
  await openCheckIn(browser);
  const code = await registerSomeone(browser, { first: "Dee", last: "Dash", company: "Live Roofing" });
  const admin = await asAdmin(browser);
  await admin.goto("/admin");
  await admin.getByRole("link", { name: `Dashboard of ${EVENT}` }).click();
  await expect(admin.getByRole("heading", { name: `${EVENT}: live`, level: 1 })).toBeVisible();
  for (const region of ["Arrivals over time", "Messages by type and status", "Failures by reason", "Recommendation engagement", "Scheduler"]) {
    await expect(admin.getByRole("region", { name: region })).toBeVisible();
  }
  const figure = admin.getByRole("group", { name: "Checked in" });
  const before = Number((await figure.locator("p").nth(1).innerText()).split("/")[0].trim());
  await admin.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  const desk = await asStaff(browser);
  await openTablet(desk);
  await desk.getByLabel("QR code").fill(code);
  await desk.getByLabel("QR code").press("Enter");
  await expect(desk.getByRole("status")).toContainText("Dee Dash is checked in.");

  await expect(figure).toContainText(`${before + 1} /`, { timeout: 5_000 });
  expect(await admin.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await expect(admin.getByRole("group", { name: "Lateness p50 / p95 / max" })).toBeVisible();
});
