import { expect, test as setup } from "@playwright/test";
import { acceptInviteAndSignIn } from "./support";

/** Signs in once per role and saves the session for the journeys. */
for (const [role, email, password] of [
  ["admin", "admin@tpx.local", "tpx-demo-admin"],
  ["staff", "staff@tpx.local", "tpx-demo-staff"],
] as const) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(role === "admin" ? /\/admin/ : /\/staff/);
    await page.context().storageState({ path: `e2e/.auth/${role}.json` });
  });
}

/**
 * "Staff of another event" (the role matrix's otherStaff): an organizer makes a second
 * event and invites a staff member to it alone, who accepts from the emailed link (dev
 * outbox) and signs in. The demo's own staff account has no assignment (it may work every desk).
 */
export const OTHER_DESK_EVENT = "Demo copy matrix-other-desk";
setup("sign in as staff of another event", async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: "e2e/.auth/admin.json" })).newPage();
  const made = await admin.request.post("/api/dev/demo-event", { data: { slug: "matrix-other-desk", daysAhead: 60 } });
  expect(made.status(), await made.text()).toBe(200);
  const email = `other.desk.${Date.now().toString(36)}@example.com`;
  await admin.goto("/admin/staff");
  await admin.getByLabel("Name", { exact: true }).fill("Oscar Otherdesk");
  await admin.getByLabel("Email", { exact: true }).fill(email);
  await admin.getByRole("checkbox", { name: OTHER_DESK_EVENT }).check();
  await admin.getByRole("button", { name: "Send invite" }).click();
  await expect(admin.getByText(`Invite sent to ${email}.`)).toBeVisible();
  await admin.reload();
  await admin.getByText("Show email (dev outbox)").first().click();
  const body = await admin.getByLabel(`Invite email to ${email}`).innerText();
  const path = /\/invite\?t=[A-Za-z0-9_-]+/.exec(body)![0];
  await admin.context().close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await acceptInviteAndSignIn(page, path, email, "another desk password 2026");
  await expect(page.getByRole("link", { name: new RegExp(OTHER_DESK_EVENT) })).toBeVisible();
  // The picker lists the one event they were invited to, not the demo event beside it.
  await expect(page.getByRole("list", { name: "Events" }).getByRole("link")).toHaveCount(1);
  await context.storageState({ path: "e2e/.auth/otherStaff.json" });
  await context.close();
});
