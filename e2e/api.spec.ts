import { expect, test } from "@playwright/test";

/** The JSON endpoints as an integrator or a misbehaving client would call them. */
const SLUG = "contractor-growth-summit-2026";

test("registration endpoint: per-field errors, 404, then the same answer for a new and a known email", async ({ request }) => {
  const bad = await request.post("/api/event-check-in/register", { data: { eventSlug: SLUG, firstName: "", email: "nope" } });
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  expect(body.error.code).toBe("invalid_input");
  expect(body.error.fields).toMatchObject({ firstName: "is required", email: "is not a valid email address" });

  const unknown = await request.post("/api/event-check-in/register", { data: { eventSlug: "no-such-event", firstName: "A", lastName: "B", email: "a@example.org" } });
  expect(unknown.status()).toBe(404);

  const malformed = await request.post("/api/event-check-in/register", { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe("invalid_json");

  const person = { event_slug: SLUG, first_name: "Cy", last_name: "Api", email: "cy.api@example.org", phone: "512-555-0170", sms_opt_in: true };
  const first = await request.post("/api/event-check-in/register", { data: person });
  expect(first.status()).toBe(202);
  const again = await request.post("/api/event-check-in/register", { data: person });
  // A known email gets the very same answer: nothing tells a stranger who is registered, and no ids (SPEC §8).
  expect(again.status()).toBe(202);
  expect(await again.json()).toEqual(await first.json());
  expect(JSON.stringify(await first.json())).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
});

test("admin endpoints refuse anonymous callers; the outbox JSON lists an attendee's messages", async ({ request, browser }) => {
  const events = await request.get("/api/admin/events/00000000-0000-0000-0000-000000000000/messages");
  expect(events.status()).toBe(401);
  expect((await request.post("/api/dev/clock", { data: { reset: true } })).status()).toBe(401);
  expect((await request.get("/api/event-check-in/attendee?t=not-a-real-token-at-all-123")).status()).toBe(404);
  expect((await request.get("/api/event-check-in/attendee?t=%00not-a-real-token-at-all")).status()).toBe(400);

  const ctx = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  const page = await ctx.newPage();
  await page.goto("/admin");
  await page.getByRole("link", { name: "Outbox of Contractor Growth Summit 2026" }).click();
  await page.waitForURL(/\/admin\/events\/[0-9a-f-]{36}\/outbox/);
  const eventId = page.url().match(/events\/([0-9a-f-]{36})\/outbox/)![1];
  const res = await page.request.get(`/api/admin/events/${eventId}/messages?type=registration_confirmation`);
  expect(res.status()).toBe(200);
  const json = await res.json();
  const cy = json.messages.filter((m: { attendee_name: string }) => m.attendee_name === "Cy Api");
  expect(cy.map((m: { channel: string; dedupe_key?: string }) => m.channel).sort()).toEqual(["email", "email", "sms", "sms"]);
  expect(json.event.timezone).toBe("America/Chicago");

  // Staff may look an attendee up by id; nobody else may.
  const cyId = cy[0].attendee_id as string;
  expect((await request.get(`/api/event-check-in/attendee?attendee_id=${cyId}`)).status()).toBe(401);
  const state = await page.request.get(`/api/event-check-in/attendee?attendee_id=${cyId}`);
  expect(await state.json()).toMatchObject({ attendee_id: cyId, profile_completion_status: "pending", missing_fields: ["company_name", "revenue_tier", "team_size", "focus_areas"] });

  // Cancelling the registration cancels every pending message.
  expect((await request.delete(`/api/admin/attendees/${cyId}`)).status()).toBe(401);
  const cancelled = await page.request.delete(`/api/admin/attendees/${cyId}`);
  expect(cancelled.status()).toBe(200);
  expect((await cancelled.json()).cancelled_messages).toBeGreaterThanOrEqual(18);
  const after = await (await page.request.get(`/api/admin/events/${eventId}/messages?attendee=${cyId}&status=scheduled`)).json();
  expect(after.messages).toEqual([]);
  await ctx.close();
});
