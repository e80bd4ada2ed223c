import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventAttendees, eventMessages, users } from "@/db/schema";
import { checkIn, type CheckInActor } from "@/lib/checkin/check-in";
import { freeze, resetClock } from "@/lib/clock";
import { cancelRegistration } from "@/lib/registration/cancel";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";

const zone = "America/Chicago";
let h: DbHandle;
let sam: CheckInActor;

beforeAll(async () => {
  h = await createTestDb();
  const [u] = await h.db.insert(users).values({ email: "sam@tpx.test", name: "Sam", role: "staff" }).returning();
  sam = { kind: "staff", userId: u.id, name: u.name };
});
afterAll(async () => {
  resetClock();
  await h.close();
});
beforeEach(() => freeze(local("2026-12-01 12:00", zone)));

async function registered(email: string, event?: Awaited<ReturnType<typeof makeEvent>>) {
  const ev = event ?? (await makeEvent(h.db, { timezone: zone, start: "2026-12-10 09:00", end: "2026-12-10 17:00" }));
  const res = await registerAttendee(h.db, { eventSlug: ev.slug, firstName: "Jo", lastName: "Kim", email, phone: "+15125550111", smsConsent: true });
  if (!res.ok) throw new Error(res.error.message);
  const [a] = await h.db.select().from(eventAttendees).where(eq(eventAttendees.id, res.attendeeId));
  return { event: ev, attendee: a };
}

describe("check-in", () => {
  it("checks in by QR once; a second scan says when and by whom; the confirmation SMS is planned at once", async () => {
    const { event, attendee } = await registered("qr@example.com");
    freeze(local("2026-12-10 09:02", zone));
    const first = await checkIn(h.db, { method: "qr_code", code: attendee.qrCodeData, eventId: event.id }, sam);
    expect(first).toMatchObject({ ok: true, status: "checked_in", name: "Jo Kim", method: "qr_code" });
    freeze(local("2026-12-10 09:30", zone));
    const again = await checkIn(h.db, { method: "qr_code", code: attendee.qrCodeData, eventId: event.id }, sam);
    expect(again).toMatchObject({ ok: true, status: "already_checked_in", message: "Jo Kim is already checked in at 09:02 (by Sam)." });

    const msgs = await h.db.select().from(eventMessages).where(eq(eventMessages.attendeeId, attendee.id));
    const confirmations = msgs.filter((m) => m.type === "check_in_confirmation");
    expect(confirmations.map((m) => [m.channel, m.scheduledFor.toISOString()])).toEqual([
      ["sms", local("2026-12-10 09:02", zone).toISOString()],
    ]);
    const [a] = await h.db.select().from(eventAttendees).where(eq(eventAttendees.id, attendee.id));
    expect(a).toMatchObject({ checkInMethod: "qr_code", checkedInBy: (sam as { userId: string }).userId, planStatus: "pending" });
  });

  it("replays the first answer for a retried request with the same nonce", async () => {
    const { attendee } = await registered("nonce@example.com");
    freeze(local("2026-12-10 08:00", zone));
    const req = { method: "qr_code" as const, code: attendee.qrCodeData, nonce: "tablet-7-attempt-1" };
    const first = await checkIn(h.db, req, sam);
    const retry = await checkIn(h.db, req, sam);
    expect(first.ok && retry.ok && retry.status).toBe("checked_in");
    expect(first.ok && retry.ok && retry.checkInTime.getTime()).toBe(first.ok ? first.checkInTime.getTime() : 0);
    const other = await checkIn(h.db, { ...req, nonce: "tablet-7-attempt-2" }, sam);
    expect(other.ok && other.status).toBe("already_checked_in");
  });

  it("turns concurrent scans of one code into exactly one check-in", async () => {
    const { attendee } = await registered("race@example.com");
    freeze(local("2026-12-10 08:30", zone));
    const results = await Promise.all(
      Array.from({ length: 6 }, () => checkIn(h.db, { method: "qr_code", code: attendee.qrCodeData }, sam)),
    );
    const statuses = results.map((r) => (r.ok ? r.status : r.error.code));
    expect(statuses.filter((s) => s === "checked_in")).toHaveLength(1);
    expect(statuses.filter((s) => s === "already_checked_in")).toHaveLength(5);
    const msgs = await h.db.select().from(eventMessages).where(eq(eventMessages.attendeeId, attendee.id));
    expect(msgs.filter((m) => m.type === "check_in_confirmation")).toHaveLength(1);
  });

  it("opens at 20:00 the night before and closes 24 h after the end, saying when", async () => {
    const { attendee } = await registered("window@example.com");
    freeze(local("2026-12-09 19:59", zone));
    const early = await checkIn(h.db, { method: "self", token: attendee.accessToken }, { kind: "attendee" });
    expect(!early.ok && early.error).toMatchObject({ status: 409, code: "check_in_not_open", message: "Check-in opens Wed, Dec 9 at 8:00 PM CST." });
    freeze(local("2026-12-11 17:01", zone));
    const late = await checkIn(h.db, { method: "self", token: attendee.accessToken }, { kind: "attendee" });
    expect(!late.ok && late.error).toMatchObject({ code: "check_in_closed", message: "Check-in closed Fri, Dec 11 at 5:00 PM CST." });
    freeze(local("2026-12-09 20:00", zone));
    const self = await checkIn(h.db, { method: "self", token: attendee.accessToken }, { kind: "attendee" });
    expect(self).toMatchObject({ ok: true, status: "checked_in", method: "self" });
  });

  it("answers an unknown code, a code for another event and a cancelled registration clearly", async () => {
    freeze(local("2026-12-10 09:00", zone));
    const unknown = await checkIn(h.db, { method: "qr_code", code: "TPX1.not-a-real-code" }, sam);
    expect(!unknown.ok && unknown.error).toMatchObject({ status: 404, code: "unknown_code" });

    freeze(local("2026-12-01 12:00", zone));
    const { attendee } = await registered("elsewhere@example.com");
    const other = await makeEvent(h.db, { timezone: zone, start: "2026-12-10 09:00" });
    freeze(local("2026-12-10 09:00", zone));
    const wrong = await checkIn(h.db, { method: "qr_code", code: attendee.qrCodeData, eventId: other.id }, sam);
    expect(!wrong.ok && wrong.error.code).toBe("wrong_event");
    expect(!wrong.ok && wrong.error.message).toMatch(/^Jo Kim is registered for Test Summit \d+, not this event\.$/);

    freeze(local("2026-12-01 12:00", zone));
    const { attendee: gone } = await registered("gone@example.com");
    await cancelRegistration(h.db, gone.id);
    freeze(local("2026-12-10 09:00", zone));
    const cancelled = await checkIn(h.db, { method: "qr_code", code: gone.qrCodeData }, sam);
    expect(!cancelled.ok && cancelled.error).toMatchObject({ status: 409, code: "registration_cancelled" });
  });

  it("finds attendees at the desk by full name, email, company or phone digits, never cancelled ones", async () => {
    const { searchAttendees } = await import("@/lib/checkin/search");
    const { event, attendee } = await registered("findme@example.com");
    await registerAttendee(h.db, { eventSlug: event.slug, firstName: "Gone", lastName: "Person", email: "gone.person@example.com", smsConsent: false });
    const [gone] = await searchAttendees(h.db, event.id, "gone person");
    await cancelRegistration(h.db, gone.attendeeId);
    expect((await searchAttendees(h.db, event.id, "jo kim")).map((r) => r.attendeeId)).toEqual([attendee.id]);
    expect((await searchAttendees(h.db, event.id, "FINDME")).map((r) => r.email)).toEqual(["findme@example.com"]);
    expect((await searchAttendees(h.db, event.id, "555-0111")).map((r) => r.attendeeId)).toEqual([attendee.id]);
    expect(await searchAttendees(h.db, event.id, "gone")).toEqual([]);
    expect(await searchAttendees(h.db, event.id, "j")).toEqual([]); // too short to search
  });
});
