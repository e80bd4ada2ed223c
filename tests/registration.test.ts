import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contractors, eventAttendees, eventMessages, events } from "@/db/schema";
import { freeze, resetClock } from "@/lib/clock";
import { cancelRegistration } from "@/lib/registration/cancel";
import { registerAttendee } from "@/lib/registration/register";
import { replanEventMessages } from "@/lib/scheduling/replan";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";

const zone = "America/New_York";
let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  resetClock();
  await h.close();
});
beforeEach(() => freeze(local("2026-11-30 14:00", zone)));

const person = (slug: string, extra: Record<string, unknown> = {}) => ({
  eventSlug: slug,
  firstName: "Dana",
  lastName: "Reyes",
  email: "  Dana.Reyes@Example.COM ",
  phone: "(512) 555-0142",
  smsConsent: true,
  companyName: "Reyes Roofing",
  ...extra,
});

async function messagesOf(attendeeId: string) {
  return h.db.select().from(eventMessages).where(eq(eventMessages.attendeeId, attendeeId)).orderBy(eventMessages.scheduledFor);
}

describe("registration", () => {
  it("registers once, normalises contact details and plans every pre-event message at local times", async () => {
    const event = await makeEvent(h.db, { timezone: zone, start: "2026-12-10 09:00", end: "2026-12-10 17:00" });
    const res = await registerAttendee(h.db, person(event.slug));
    if (!res.ok) throw new Error(res.error.message);
    expect(res.created).toBe(true);
    expect(res.accessToken.length).toBeGreaterThanOrEqual(22);

    const [c] = await h.db.select().from(contractors).where(eq(contractors.id, res.contractorId));
    expect(c.email).toBe("dana.reyes@example.com");
    expect(c.phone).toBe("+15125550142");

    const rows = await messagesOf(res.attendeeId);
    const summary = rows.map((m) => `${m.type}/${m.channel}/${m.dedupeKey}@${m.scheduledFor.toISOString()}`);
    // 2 confirmations + 3 check-in reminders x2 + 6 profile days x2 (D = 10 > 3)
    expect(rows).toHaveLength(20);
    expect(summary).toContain(`registration_confirmation/email/r1@${local("2026-11-30 14:00", zone).toISOString()}`);
    expect(summary).toContain(`check_in_reminder_night_before/sms/main@${local("2026-12-09 20:00", zone).toISOString()}`);
    expect(summary).toContain(`check_in_reminder_1_hour/email/main@${local("2026-12-10 08:00", zone).toISOString()}`);
    expect(summary).toContain(`check_in_reminder_event_start/sms/main@${local("2026-12-10 09:00", zone).toISOString()}`);
    const profileDays = rows.filter((m) => m.type === "profile_completion_reminder" && m.channel === "email").map((m) => m.dedupeKey);
    expect(profileDays).toEqual(["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-07", "2026-12-08", "2026-12-09"]);
    expect(rows.every((m) => m.status === "scheduled")).toBe(true);
  });

  it("treats a second registration with the same email as the same one and re-sends only the confirmation", async () => {
    const event = await makeEvent(h.db, { timezone: zone });
    const first = await registerAttendee(h.db, person(event.slug, { email: "same@example.com" }));
    const again = await registerAttendee(h.db, person(event.slug, { email: "SAME@example.com", companyName: undefined }));
    if (!first.ok || !again.ok) throw new Error("registration failed");
    expect(again.created).toBe(false);
    expect(again.attendeeId).toBe(first.attendeeId);
    const rows = await messagesOf(first.attendeeId);
    expect(rows.filter((m) => m.type === "registration_confirmation").map((m) => m.dedupeKey).sort()).toEqual(["r1", "r1", "r2", "r2"]);
    expect(rows.filter((m) => m.type === "check_in_reminder_1_hour")).toHaveLength(2);
    const [c] = await h.db.select().from(contractors).where(eq(contractors.email, "same@example.com"));
    expect(c.companyName).toBe("Reyes Roofing"); // not blanked by the second form
  });

  it("plans email only without SMS consent and nothing past for a late registrant", async () => {
    const event = await makeEvent(h.db, { timezone: zone, start: "2026-12-10 09:00" });
    freeze(local("2026-12-10 08:30", zone)); // inside the last hour
    const res = await registerAttendee(h.db, person(event.slug, { email: "late@example.com", smsConsent: false }));
    if (!res.ok) throw new Error(res.error.message);
    const rows = await messagesOf(res.attendeeId);
    expect(rows.map((m) => `${m.type}/${m.channel}`)).toEqual([
      "registration_confirmation/email",
      "check_in_reminder_event_start/email",
    ]);
  });

  it("rejects bad input with per-field errors and writes nothing", async () => {
    const event = await makeEvent(h.db, { timezone: zone });
    const before = await h.db.select({ n: count() }).from(contractors);
    const res = await registerAttendee(h.db, { eventSlug: event.slug, firstName: "", lastName: "X", email: "nope", phone: "123", smsConsent: true });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.status).toBe(400);
    expect(res.error.fields).toMatchObject({
      firstName: "is required",
      email: "is not a valid email address",
    });
    const after = await h.db.select({ n: count() }).from(contractors);
    expect(after[0].n).toBe(before[0].n);
  });

  it("answers 404 for an unknown or draft event and 409 once the event is over", async () => {
    const draft = await makeEvent(h.db, { timezone: zone, status: "draft" });
    const unknown = await registerAttendee(h.db, person("no-such-event"));
    const hidden = await registerAttendee(h.db, person(draft.slug));
    expect(!unknown.ok && unknown.error.status).toBe(404);
    expect(!hidden.ok && hidden.error.status).toBe(404);
    const past = await makeEvent(h.db, { timezone: zone, start: "2026-11-20 09:00", end: "2026-11-20 17:00" });
    const over = await registerAttendee(h.db, person(past.slug));
    expect(!over.ok && over.error).toMatchObject({ status: 409, code: "registration_closed", message: "This event is over." });
  });

  it("moves every pending reminder when the event moves, and leaves sent ones alone", async () => {
    const event = await makeEvent(h.db, { timezone: zone, start: "2026-12-10 09:00", end: "2026-12-10 17:00" });
    const res = await registerAttendee(h.db, person(event.slug, { email: "mover@example.com" }));
    if (!res.ok) throw new Error(res.error.message);
    await h.db
      .update(eventMessages)
      .set({ status: "sent" })
      .where(and(eq(eventMessages.attendeeId, res.attendeeId), eq(eventMessages.type, "registration_confirmation")));
    await h.db
      .update(events)
      .set({ startsAt: local("2026-12-11 10:00", zone), endsAt: local("2026-12-11 18:00", zone) })
      .where(eq(events.id, event.id));
    await replanEventMessages(h.db, event.id);
    const rows = await messagesOf(res.attendeeId);
    const at = (type: string, channel = "email") =>
      rows.find((m) => m.type === type && m.channel === channel && m.status === "scheduled")?.scheduledFor.toISOString();
    expect(at("check_in_reminder_night_before")).toBe(local("2026-12-10 20:00", zone).toISOString());
    expect(at("check_in_reminder_1_hour", "sms")).toBe(local("2026-12-11 09:00", zone).toISOString());
    const profileKeys = rows.filter((m) => m.type === "profile_completion_reminder" && m.channel === "email" && m.status === "scheduled").map((m) => m.dedupeKey);
    expect(profileKeys).toEqual(["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-08", "2026-12-09", "2026-12-10"]);
    const cancelled = rows.filter((m) => m.status === "cancelled").map((m) => m.dedupeKey);
    expect(cancelled).toEqual(["2026-12-07", "2026-12-07"]);
    expect(rows.filter((m) => m.type === "registration_confirmation").every((m) => m.status === "sent")).toBe(true);
  });

  it("cancels every pending message when the registration is cancelled", async () => {
    const event = await makeEvent(h.db, { timezone: zone });
    const res = await registerAttendee(h.db, person(event.slug, { email: "cancel@example.com" }));
    if (!res.ok) throw new Error(res.error.message);
    const out = await cancelRegistration(h.db, res.attendeeId);
    expect(out).toMatchObject({ ok: true, cancelledMessages: 20 });
    const rows = await messagesOf(res.attendeeId);
    expect(new Set(rows.map((m) => m.status))).toEqual(new Set(["cancelled"]));
    const [a] = await h.db.select().from(eventAttendees).where(eq(eventAttendees.id, res.attendeeId));
    expect(a.cancelledAt).not.toBeNull();
  });

  it("makes concurrent registrations with the same email one registration", async () => {
    const event = await makeEvent(h.db, { timezone: zone });
    const results = await Promise.all(
      [1, 2, 3].map(() => registerAttendee(h.db, person(event.slug, { email: "race@example.com" }))),
    );
    const ids = new Set(results.map((r) => (r.ok ? r.attendeeId : r.error.code)));
    expect(ids.size).toBe(1);
    const [{ n }] = await h.db.select({ n: count() }).from(eventAttendees).where(eq(eventAttendees.eventId, event.id));
    expect(n).toBe(1);
  });
});

describe("registration security", () => {
  it("never lets the public form change a known person's phone, name or SMS consent", async () => {
    const event = await makeEvent(h.db, { timezone: zone });
    await registerAttendee(h.db, person(event.slug, { email: "victim@example.com", phone: "+15125550100", smsConsent: false }));
    const other = await makeEvent(h.db, { timezone: zone });
    const res = await registerAttendee(h.db, {
      eventSlug: other.slug, firstName: "Mallory", lastName: "X", email: "victim@example.com", phone: "+15125550999", smsConsent: true,
    });
    expect(res.ok).toBe(true);
    const [c] = await h.db.select().from(contractors).where(eq(contractors.email, "victim@example.com"));
    expect(c).toMatchObject({ firstName: "Dana", lastName: "Reyes", phone: "+15125550100", smsOptIn: false });
  });
});
