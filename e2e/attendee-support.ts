import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import { TODAY, ZONE } from "./support";

/** A copy of the demo event for the attendee specs (its own slug and day: the journey keeps the demo event). */
export async function createEventCopy(admin: Page, slug: string, daysAhead: number): Promise<{ id: string; slug: string; day: DateTime }> {
  const res = await admin.request.post("/api/dev/demo-event", { data: { slug, daysAhead } });
  expect(res.status(), await res.text()).toBe(200);
  const { id } = (await res.json()) as { id: string };
  return { id, slug, day: TODAY.plus({ days: daysAhead }) };
}

type OutboxRow = { attendee_id: string | null; attendee_name: string | null; type: string; channel: string; status: string; status_reason: string | null; body: string | null; subject: string | null; scheduled_for: string };

export async function outbox(request: APIRequestContext, eventId: string, query: Record<string, string> = {}): Promise<OutboxRow[]> {
  const res = await request.get(`/api/admin/events/${eventId}/messages?${new URLSearchParams(query)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { messages: OutboxRow[] }).messages;
}

/** The attendee's link token, from their sent confirmation (registration answers never show it). */
export async function tokenFromConfirmation(request: APIRequestContext, eventId: string, name: string): Promise<{ token: string; attendeeId: string; rows: OutboxRow[] }> {
  let found: { token: string; attendeeId: string; rows: OutboxRow[] } | null = null;
  await expect(async () => {
    const rows = (await outbox(request, eventId, { type: "registration_confirmation" })).filter((m) => m.attendee_name === name);
    const withLink = rows.find((m) => m.body && /[?&]t=([\w-]+)/.test(m.body));
    expect(withLink, JSON.stringify(rows)).toBeTruthy();
    found = { token: /[?&]t=([\w-]+)/.exec(withLink!.body!)![1], attendeeId: withLink!.attendee_id!, rows };
  }).toPass({ timeout: 20_000, intervals: [500, 1_000] });
  return found!;
}

/** Staff check-in by id (the admin's session is staff too). */
export async function checkInById(request: APIRequestContext, eventId: string, attendeeId: string): Promise<void> {
  const res = await request.post("/api/event-check-in/check-in", { data: { method: "manual", event_id: eventId, attendee_id: attendeeId } });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

export async function jumpClock(request: APIRequestContext, at: DateTime): Promise<void> {
  const res = await request.post("/api/dev/clock", { data: { to: at.setZone(ZONE).toISO() } });
  expect(res.status()).toBe(200);
}

export async function registerOnPhone(page: Page, slug: string, who: { first: string; last: string; email: string; phone: string; company: string; spanish?: boolean }) {
  await page.goto(`/events/${slug}`);
  await page.getByLabel("First name").fill(who.first);
  await page.getByLabel("Last name").fill(who.last);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel(/^Company/).fill(who.company);
  await page.getByLabel(/^Mobile phone/).fill(who.phone);
  if (who.spanish) await page.getByRole("radio", { name: "Español" }).check();
  await page.getByLabel(/Text me my confirmation|Envíenme/).check();
  await page.getByRole("button", { name: /^(Register|Registrarme)$/ }).click();
  await expect(page).toHaveURL(/\/registered/);
}
