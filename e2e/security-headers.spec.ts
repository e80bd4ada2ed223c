import { expect, test, type Page } from "@playwright/test";

/** Security headers (docs/decisions/0121) and the real status of error pages (0122). */

function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(msg.text())) violations.push(msg.text());
  });
  page.on("pageerror", (err) => violations.push(`pageerror: ${err.message}`));
  return violations;
}

function nonceOf(csp: string): string {
  const m = /'nonce-([^']+)'/.exec(csp);
  expect(m, `CSP without a nonce: ${csp}`).not.toBeNull();
  return m![1];
}

async function eventPath(page: Page): Promise<string> {
  await page.goto("/");
  const href = await page.getByRole("link", { name: /Contractor Growth Summit/ }).first().getAttribute("href");
  expect(href).toMatch(/^\/events\//);
  return href!;
}

test.describe("security headers", () => {
  test("every page sends the CSP with a fresh nonce, the other headers, and no CSP violation", async ({ browser }) => {
    const ctx = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
    const page = await ctx.newPage();
    const violations = watchCsp(page);
    const paths = ["/", await eventPath(page), "/signin", "/admin"];
    const nonces = new Set<string>();

    for (const path of paths) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      const h = res!.headers();
      const csp = h["content-security-policy"];
      expect(csp, path).toContain("script-src 'self' 'nonce-");
      expect(csp).toContain("'strict-dynamic'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain("unsafe-eval");
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(h["x-frame-options"]).toBe("DENY");
      expect(h["permissions-policy"]).toContain("camera=(self)");
      // Plain-http e2e server: no HSTS (production over https only).
      expect(h["strict-transport-security"]).toBeUndefined();
      const nonce = nonceOf(csp);
      nonces.add(nonce);

      // Every script Next rendered carries this response's nonce.
      const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
      expect(scripts.length, path).toBeGreaterThan(0);
      expect(scripts.every((n) => n === nonce), `${path}: ${scripts.length} scripts`).toBe(true);
    }
    expect(nonces.size).toBe(paths.length);
    // Hydrated under the CSP: the admin header's sign-out button is interactive.
    await expect(page.getByRole("button", { name: /Sign out/ }).first()).toBeEnabled();
    expect(violations).toEqual([]);
    await ctx.close();
  });

  test("a script injected into the markup (as an XSS would) is refused, and the watcher sees it", async ({ page }) => {
    const violations = watchCsp(page);
    // Serve the real page with its real headers, plus an inline script without the nonce.
    await page.route("/", async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace("</body>", "<script>window.__injected = true</script></body>");
      await route.fulfill({ response: res, body: html });
    });
    await page.goto("/");
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  });

  test("the sign-in form works under the CSP (client-side sign-in, no violations)", async ({ page }) => {
    const violations = watchCsp(page);
    await page.goto("/signin");
    await page.getByLabel("Email").fill("admin@tpx.local");
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/email and password don't match/)).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe("error pages answer with their real status", () => {
  test("an invalid attendee link is a 404 with the 'link doesn't work' view", async ({ page }) => {
    const event = await eventPath(page);
    for (const sub of ["agenda", "profile", "registered", "check-in"]) {
      const res = await page.goto(`${event}/${sub}?t=not-a-real-token-aaaaaaaaaaaa`);
      expect(res?.status(), sub).toBe(404);
      await expect(page.getByRole("heading", { name: "This link doesn't work" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Go to the event page" })).toHaveAttribute("href", event);
    }
  });

  test("a staff account on /admin gets a 403", async ({ browser }) => {
    const ctx = await browser.newContext({ storageState: "e2e/.auth/staff.json" });
    const page = await ctx.newPage();
    const res = await page.goto("/admin");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await expect(page.getByText(/signed in as .* a staff account/)).toBeVisible();
    await ctx.close();
  });
});
