import { expect, test } from "@playwright/test";

/** An organizer gives an integrator a key, the integrator uses it, the organizer takes it back. */
test("an API key is created in the console, works against /api/v1, and stops working once revoked", async ({ browser, request, baseURL }) => {
  const ctx = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const admin = await ctx.newPage();
  await admin.goto("/admin");
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "API keys" }).click();
  await expect(admin.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();

  await admin.getByLabel("Name").fill("Partner CRM");
  await admin.getByLabel("Scope").selectOption("read");
  await admin.getByRole("button", { name: "Create key" }).click();
  const created = admin.getByRole("status", { name: "New API key" });
  await expect(created).toContainText("Key “Partner CRM” created (read)");
  await created.getByRole("button", { name: "Copy key" }).click();
  await expect(created.getByRole("button", { name: "Copied" })).toBeVisible();
  const key = await admin.evaluate(() => navigator.clipboard.readText());
  expect(key).toMatch(/^tpx_[A-Za-z0-9_-]{43}$/);
  await expect(created.getByLabel("New API key value")).toHaveValue(key);

  const auth = { Authorization: `Bearer ${key}` };
  const events = await request.get("/api/v1/events", { headers: auth });
  expect(events.status()).toBe(200);
  const body = await events.json();
  expect(body.data.map((e: { slug: string }) => e.slug)).toContain("contractor-growth-summit-2026");
  expect(body).toHaveProperty("next_cursor");
  // A read key cannot write.
  expect((await request.post("/api/v1/events", { headers: auth, data: {} })).status()).toBe(403);

  // Shown once: after a reload only the prefix is on the page, and the key has been used.
  await admin.reload();
  const row = admin.getByRole("row").filter({ hasText: "Partner CRM" });
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText("Never");
  expect(await admin.content()).not.toContain(key);

  await row.getByRole("button", { name: "Revoke Partner CRM" }).click();
  const dialog = admin.getByRole("dialog", { name: "Revoke “Partner CRM”?" });
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Revoked");

  const refused = await request.get("/api/v1/events", { headers: auth });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("invalid_api_key");
  await ctx.close();
});

test("the API reference renders from our own files, with no request to another origin", async ({ page, baseURL }) => {
  const origins = new Set<string>();
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.protocol !== "data:") origins.add(url.origin);
  });
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { name: /TPX API/, level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Register someone" })).toBeVisible();
  await expect(page.getByRole("link", { name: "openapi.json" })).toHaveAttribute("href", "/api/v1/openapi.json");
  await page.waitForLoadState("networkidle");
  expect([...origins]).toEqual([new URL(baseURL!).origin]);

  const doc = await page.request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect((await doc.json()).openapi).toBe("3.1.0");
});
