import { chromium } from "@playwright/test";
const base = "http://localhost:3300";
const sizes = [["phone", 390, 844], ["tablet", 768, 1024], ["desktop", 1280, 800]] as const;
async function main() {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  // sign in as admin and staff
  const states: Record<string, string> = {};
  for (const [role, email, pw] of [["admin", "admin@tpx.local", "tpx-demo-admin"], ["staff", "staff@tpx.local", "tpx-demo-staff"]]) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.goto(base + "/signin");
    await p.getByLabel("Email").fill(email);
    await p.getByLabel("Password").fill(pw);
    await p.getByRole("button", { name: "Sign in" }).click();
    await p.waitForURL(/\/(admin|staff)/);
    states[role] = `/tmp/state-${role}.json`;
    await ctx.storageState({ path: states[role] });
    await ctx.close();
  }
  const admin = await (await browser.newContext({ storageState: states.admin })).newPage();
  await admin.goto(base + "/admin");
  const dash = await admin.getByRole("link", { name: /^Dashboard of/ }).first().getAttribute("href");
  const eventId = dash!.split("/")[3];
  const res = await admin.request.get(`${base}/api/admin/events/${eventId}/messages?type=registration_confirmation&channel=email`);
  const body = await res.json();
  const text: string = JSON.stringify(body);
  const token = /agenda\?t=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? /[?&]t=([A-Za-z0-9_-]{20,})/.exec(text)?.[1];
  // The event day at 10:05 (event 7 days after today, America/Chicago), and the token's owner checked in at the tablet.
  const day = new Date(Date.now() + 7 * 864e5).toLocaleDateString("en-CA", { timeZone: "America/Chicago" });
  const r1 = await admin.request.post(`${base}/api/dev/clock`, { data: { to: `${day}T10:05:00-06:00` } });
  console.log("clock", r1.status());
  const staff = await (await browser.newContext({ storageState: states.staff, viewport: { width: 1024, height: 1366 } })).newPage();
  await staff.goto(`${base}/staff/events/${eventId}?q=example.com`);
  for (let i = 0; i < 12; i++) {
    const b = staff.getByRole("list", { name: "Search results" }).getByRole("button", { name: /^Check in/ }).first();
    if (!(await b.count())) break;
    await b.click();
    await staff.waitForTimeout(1200);
  }
  await staff.context().close();
  await admin.waitForTimeout(8000);
  const pages: Array<[string, string, string | null]> = [
    ["home", "/", null],
    ["event", "/events/contractor-growth-summit-2026", null],
    ["agenda", `/events/contractor-growth-summit-2026/agenda?t=${token}`, null],
    ["admin", "/admin", "admin"],
    ["dashboard", `/admin/events/${eventId}/dashboard`, "admin"],
    ["attendees", `/admin/events/${eventId}/attendees`, "admin"],
    ["agenda-admin", `/admin/events/${eventId}/agenda`, "admin"],
    ["inbox", `/admin/events/${eventId}/inbox`, "admin"],
    ["outbox", `/admin/events/${eventId}/outbox`, "admin"],
    ["tablet", `/staff/events/${eventId}`, "staff"],
  ];
  for (const [name, w, h] of sizes) {
    for (const [pn, url, role] of pages) {
      const ctx = await browser.newContext({ viewport: { width: w, height: h }, storageState: role ? states[role] : undefined, timezoneId: "America/Chicago" });
      const p = await ctx.newPage();
      await p.goto(base + url);
      await p.waitForTimeout(1500);
      await p.screenshot({ path: `/work/shots/${pn}-${name}.png`, fullPage: false });
      await ctx.close();
    }
  }
  await browser.close();
  console.log("token", token?.slice(0, 6));
}
main().catch((e) => { console.error(e); process.exit(1); });
