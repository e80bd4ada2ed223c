import { expect, test as setup } from "@playwright/test";

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
