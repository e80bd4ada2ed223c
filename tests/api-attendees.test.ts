import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createApiKey } from "@/lib/access/api-keys";
import { freeze, resetClock } from "@/lib/clock";
import { setDbHandle } from "@/lib/db";
import * as attendeesRoute from "@/app/api/v1/events/[eventId]/attendees/route";
import * as attendeeRoute from "@/app/api/v1/events/[eventId]/attendees/[attendeeId]/route";
import * as messagesRoute from "@/app/api/v1/events/[eventId]/messages/route";
import * as eventRoute from "@/app/api/v1/events/[eventId]/route";
import * as sponsorsRoute from "@/app/api/v1/events/[eventId]/sponsors/route";
import * as speakersRoute from "@/app/api/v1/events/[eventId]/speakers/route";
import * as metricsRoute from "@/app/api/v1/events/[eventId]/metrics/route";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";
import { call } from "./support/api-client";

const zone = "America/New_York";
let h: DbHandle;
let readKey: string;
let writeKey: string;

beforeAll(async () => {
  h = await createTestDb();
  setDbHandle(h);
  readKey = (await createApiKey(h.db, { name: "read", scope: "read", createdBy: null })).key;
  writeKey = (await createApiKey(h.db, { name: "write", scope: "write", createdBy: null })).key;
});
afterAll(async () => {
  resetClock();
  setDbHandle(undefined);
  await h.close();
});
beforeEach(() => freeze(local("2026-11-30 14:00", zone)));

const dana = { first_name: "Dana", last_name: "Reyes", email: "Dana.Reyes@Example.com", phone: "(512) 555-0142", sms_consent: true, company_name: "Reyes Roofing" };

describe("/api/v1 attendees, messages and metrics", () => {
  it("registers (201, then 200 for the same email), lists, gets, filters messages, cancels and counts", async () => {
    const event = await makeEvent(h.db, { timezone: zone });
    const p = { eventId: event.id };
    const first = await call(attendeesRoute.POST, "POST", "/", { key: writeKey, params: p, body: dana });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ event_id: event.id, email: "dana.reyes@example.com", phone: "+15125550142", cancelled_at: null });
    expect(first.json).not.toHaveProperty("access_token");
    const again = await call(attendeesRoute.POST, "POST", "/", { key: writeKey, params: p, body: dana });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    await call(attendeesRoute.POST, "POST", "/", { key: writeKey, params: p, body: { ...dana, email: "sam@example.com", phone: undefined, sms_consent: false } });

    const list = await call(attendeesRoute.GET, "GET", "/", { key: readKey, params: p });
    expect(list.json.data.map((a: { email: string }) => a.email)).toEqual(["dana.reyes@example.com", "sam@example.com"]);
    const got = await call(attendeeRoute.GET, "GET", "/", { key: readKey, params: { ...p, attendeeId: first.json.id } });
    expect(got.json).toEqual(again.json);

    const sms = await call(messagesRoute.GET, "GET", "/", { key: readKey, params: p, query: { attendee_id: first.json.id, channel: "sms", type: "registration_confirmation" } });
    expect(sms.status).toBe(200);
    expect(sms.json.data).toHaveLength(2);
    expect(sms.json.data[0]).not.toHaveProperty("rendered_body");
    const badFilter = await call(messagesRoute.GET, "GET", "/", { key: readKey, params: p, query: { status: "lost" } });
    expect(badFilter.status).toBe(400);
    expect(Object.keys(badFilter.json.error.fields)).toEqual(["status"]);

    const before = await call(metricsRoute.GET, "GET", "/", { key: readKey, params: p });
    expect(before.json).toMatchObject({ event_id: event.id, registered: 2, cancelled: 0, checked_in: 0 });
    const scheduled = before.json.messages.scheduled;
    expect(scheduled).toBeGreaterThan(20);

    const cancel = await call(attendeeRoute.DELETE, "DELETE", "/", { key: writeKey, params: { ...p, attendeeId: first.json.id } });
    expect(cancel.status).toBe(200);
    expect(cancel.json.attendee.cancelled_at).toBe(local("2026-11-30 14:00", zone).toISOString());
    expect(cancel.json.cancelled_messages).toBeGreaterThan(10);
    const twice = await call(attendeeRoute.DELETE, "DELETE", "/", { key: writeKey, params: { ...p, attendeeId: first.json.id } });
    expect(twice.json.cancelled_messages).toBe(0);

    const after = await call(metricsRoute.GET, "GET", "/", { key: readKey, params: p });
    expect(after.json).toMatchObject({ registered: 1, cancelled: 1 });
    expect(after.json.messages.cancelled).toBe(cancel.json.cancelled_messages);
    expect(after.json.messages.scheduled).toBe(scheduled - cancel.json.cancelled_messages);
    const active = await call(attendeesRoute.GET, "GET", "/", { key: readKey, params: p, query: { cancelled: "false" } });
    expect(active.json.data.map((a: { email: string }) => a.email)).toEqual(["sam@example.com"]);
  });

  it("keeps registrations inside their event and names bad fields in snake_case", async () => {
    const a = await makeEvent(h.db, { timezone: zone });
    const b = await makeEvent(h.db, { timezone: zone });
    const reg = await call(attendeesRoute.POST, "POST", "/", { key: writeKey, params: { eventId: a.id }, body: { ...dana, email: "kim@example.com" } });
    const cross = await call(attendeeRoute.GET, "GET", "/", { key: readKey, params: { eventId: b.id, attendeeId: reg.json.id } });
    expect(cross.status).toBe(404);
    expect((await call(attendeeRoute.DELETE, "DELETE", "/", { key: writeKey, params: { eventId: b.id, attendeeId: reg.json.id } })).status).toBe(404);
    const bad = await call(attendeesRoute.POST, "POST", "/", { key: writeKey, params: { eventId: a.id }, body: { ...dana, email: "not-an-email", first_name: " " } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toEqual({ first_name: "is required" });
    const email = await call(attendeesRoute.POST, "POST", "/", { key: writeKey, params: { eventId: a.id }, body: { ...dana, email: "not-an-email" } });
    expect(email.json.error.fields).toEqual({ email: "is not a valid email address" });
    const phone = await call(attendeesRoute.POST, "POST", "/", { key: writeKey, params: { eventId: a.id }, body: { ...dana, email: "lee@example.com", phone: "12" } });
    expect(phone.json.error.fields).toEqual({ phone: "is not a valid mobile number" });
    const draft = await makeEvent(h.db, { timezone: zone, status: "draft" });
    expect((await call(attendeesRoute.POST, "POST", "/", { key: writeKey, params: { eventId: draft.id }, body: dana })).status).toBe(404);
  });

  it("moves the planned reminders when PATCH changes the event's times", async () => {
    const event = await makeEvent(h.db, { timezone: zone, start: "2026-12-10 09:00", end: "2026-12-10 17:00" });
    const p = { eventId: event.id };
    const reg = await call(attendeesRoute.POST, "POST", "/", { key: writeKey, params: p, body: { ...dana, email: "moves@example.com" } });
    const nightBefore = async () =>
      (await call(messagesRoute.GET, "GET", "/", { key: readKey, params: p, query: { attendee_id: reg.json.id, type: "check_in_reminder_night_before", channel: "email" } })).json.data[0];
    expect((await nightBefore()).scheduled_for).toBe(local("2026-12-09 20:00", zone).toISOString());
    const patched = await call(eventRoute.PATCH, "PATCH", "/", { key: writeKey, params: p, body: { starts_at: "2026-12-11T09:00:00-05:00", ends_at: "2026-12-11T17:00:00-05:00", status: "published" } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ starts_at: local("2026-12-11 09:00", zone).toISOString(), name: event.name });
    expect((await nightBefore()).scheduled_for).toBe(local("2026-12-10 20:00", zone).toISOString());
    const backwards = await call(eventRoute.PATCH, "PATCH", "/", { key: writeKey, params: p, body: { ends_at: "2026-12-11T08:00:00-05:00" } });
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.fields).toEqual({ ends_at: "must be after starts_at" });
    const live = await call(eventRoute.PATCH, "PATCH", "/", { key: writeKey, params: p, body: { status: "live" } });
    expect(live.json.error.fields).toHaveProperty("status");
  });

  it("adds and lists speakers and sponsors; a duplicate key is a 409", async () => {
    const event = await makeEvent(h.db, { timezone: zone });
    const p = { eventId: event.id };
    const s1 = await call(speakersRoute.POST, "POST", "/", { key: writeKey, params: p, body: { key: "jordan", name: "Jordan Ellis", focus_areas: ["Pricing", "pricing", "Hiring"] } });
    expect(s1.status).toBe(201);
    expect(s1.json.focus_areas).toEqual(["pricing", "hiring"]);
    expect((await call(speakersRoute.POST, "POST", "/", { key: writeKey, params: p, body: { key: "jordan", name: "Other" } })).status).toBe(409);
    const sp = await call(sponsorsRoute.POST, "POST", "/", { key: writeKey, params: p, body: { name: "RoofPro Supply", booth_number: "12", target_revenue_tiers: ["1m_5m"] } });
    expect(sp.status).toBe(201);
    expect(sp.json.key).toMatch(/^sponsor-[0-9a-f]{12}$/);
    const badTier = await call(sponsorsRoute.POST, "POST", "/", { key: writeKey, params: p, body: { name: "X", target_revenue_tiers: ["huge"] } });
    expect(Object.keys(badTier.json.error.fields)).toEqual(["target_revenue_tiers.0"]);
    expect((await call(speakersRoute.GET, "GET", "/", { key: readKey, params: p })).json.data.map((s: { name: string }) => s.name)).toEqual(["Jordan Ellis"]);
    expect((await call(sponsorsRoute.GET, "GET", "/", { key: readKey, params: p })).json.data.map((s: { booth_number: string }) => s.booth_number)).toEqual(["12"]);
  });
});
