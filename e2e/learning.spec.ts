import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ZONE } from "./support";

/**
 * The matcher-learning console (issue 11 §3, decision 0185): an organizer sees the
 * weights in use against the defaults, re-fits (too few outcomes on fresh data: nothing
 * moves, and the page says so) and cannot revert what was never learned.
 */
test("the organizer sees the matcher's weights and re-fits them", async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: "e2e/.auth/admin.json", timezoneId: ZONE, viewport: { width: 768, height: 1024 } });
  const page = await ctx.newPage();
  await page.goto("/admin/learning");
  await expect(page.getByRole("heading", { name: "Matcher learning" })).toBeVisible();
  const section = page.getByRole("region", { name: /^Weights for / }).first();
  await expect(section.getByRole("table", { name: /^Sessions weights/ })).toContainText("topicOverlap");
  await expect(section.getByRole("table", { name: /^Peers weights/ })).toContainText("sharedFocus");

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);

  await section.getByRole("button", { name: /^Re-fit weights for / }).click();
  await expect(section.getByRole("status")).toHaveText(/Re-fitted|Not enough outcomes yet/);
  await page.reload();
  await expect(page.getByRole("region", { name: /^Weights for / }).first()).toContainText(/Last fit|Fitted/);
  await ctx.close();
});
