import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventAttendees, eventMessages, recommendations, users } from "@/db/schema";
import { createDevEmailChannel, createDevSmsChannel } from "@/lib/channels/dev-outbox";
import { freeze, resetClock } from "@/lib/clock";
import { scanAtDoor } from "@/lib/checkin/tablet";
import { runBackstops } from "@/lib/jobs/backstops";
import { recordDispatchFailure } from "@/lib/jobs/health";
import { eventDashboard } from "@/lib/metrics/dashboard";
import { outboxFigures } from "@/lib/metrics/messages";
import { smsSegmentCount } from "@/lib/messaging/segments";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";

const zone = "America/Chicago";
let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  resetClock();
  await h.close();
});

describe("the dashboard's figures", () => {
  it("counts check-ins, arrivals, the outbox, lateness percentiles, failures, engagement and the SMS drain", async () => {
    freeze(local("2026-12-01 12:00", zone));
    const event = await makeEvent(h.db, { timezone: zone, start: "2026-12-10 09:00", end: "2026-12-10 17:00" });
    const [u] = await h.db.insert(users).values({ email: "m@tpx.test", name: "Mo", role: "staff" }).returning();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await registerAttendee(h.db, { eventSlug: event.slug, firstName: "A", lastName: `N${i}`, email: `m${i}@example.com`, phone: "+15125550123", smsConsent: true });
      if (!r.ok) throw new Error(r.error.message);
      ids.push(r.attendeeId);
    }
    const atts = await h.db.select().from(eventAttendees).where(eq(eventAttendees.eventId, event.id));
    freeze(local("2026-12-10 09:01", zone));
    await scanAtDoor(h.db, event.id, { method: "qr_code", code: atts[0].qrCodeData, nonce: "m-00000001", deviceId: "dev-0001" }, { kind: "staff", userId: u.id, name: "Mo" });
    freeze(local("2026-12-10 09:20", zone));
    await scanAtDoor(h.db, event.id, { method: "qr_code", code: atts[1].qrCodeData, nonce: "m-00000002", deviceId: "dev-0001" }, { kind: "staff", userId: u.id, name: "Mo" });

    // Three sent registration confirmations with known lateness (0, 10, 100 s), one failure.
    const sent = await h.db.select().from(eventMessages).where(eq(eventMessages.eventId, event.id)).limit(4);
    for (const [i, late] of [0, 10, 100].entries()) {
      await h.db.update(eventMessages).set({ status: "sent", actualSendTime: sql`${eventMessages.scheduledFor} + make_interval(secs => ${late})` }).where(eq(eventMessages.id, sent[i].id));
    }
    await h.db.update(eventMessages).set({ status: "failed", lastError: "21211 invalid number" }).where(eq(eventMessages.id, sent[3].id));
    await h.db.insert(recommendations).values([
      { eventId: event.id, attendeeId: atts[0].id, kind: "speaker", targetId: atts[2].id, rank: 1, score: 1, engagement: { attended: "x" } },
      { eventId: event.id, attendeeId: atts[0].id, kind: "speaker", targetId: atts[3].id, rank: 2, score: 1 },
    ]);

    freeze(local("2026-12-10 09:25", zone));
    const d = await eventDashboard(h.db, event.id);
    expect(d.attendance).toEqual({ registered: 4, checkedIn: 2, profilesComplete: 0 });
    expect(d.arrivals).toEqual([
      { at: local("2026-12-10 09:00", zone).toISOString(), arrivals: 1 },
      { at: local("2026-12-10 09:15", zone).toISOString(), arrivals: 1 },
    ]);
    expect(d.rate.perMinute).toBeCloseTo(1 / 15);
    expect(d.scans).toEqual({ checked_in: 2 });
    expect(d.lateness).toMatchObject({ sent: 3, p50: 10, max: 100 });
    expect(d.lateness.p95).toBeCloseTo(91);
    expect(d.delivery).toMatchObject({ sent: 3, failed: 1, rate: 0.75 });
    expect(d.failures).toEqual([{ reason: "21211 invalid number", count: 1 }]);
    expect(d.engagement).toEqual([{ kind: "speaker", recommended: 2, actedOn: 1, attended: 1 }]);
    expect(d.queue.waiting).toBeGreaterThan(0);
    expect(d.smsDrain.segmentsPerSecond).toBe(1);
    expect(d.smsDrain.seconds).toBe(d.smsDrain.segments);
    expect(d.messages.find((m) => m.type === "check_in_confirmation")?.count).toBe(2);
    expect(d.scheduler).toMatchObject({ localDriver: null, inngestConfigured: false, dispatchErrors: { count: 0, lastAgeMs: null }, backstops: null });
    expect(ids).toHaveLength(4);
  });

  it("reads the outbox figures in one pass that agree, figure by figure, with counting the rows one by one", async () => {
    freeze(local("2026-12-01 12:00", zone));
    const event = await makeEvent(h.db, { timezone: zone, start: "2026-12-11 09:00", end: "2026-12-11 17:00" });
    for (let i = 0; i < 6; i++) {
      const r = await registerAttendee(h.db, { eventSlug: event.slug, firstName: "O", lastName: `P${i}`, email: `o${i}@example.com`, phone: "+15125550124", smsConsent: true });
      if (!r.ok) throw new Error(r.error.message);
    }
    const all = await h.db.select().from(eventMessages).where(eq(eventMessages.eventId, event.id));
    // A mix: sent (one delivered), failed, cancelled, one long rendered SMS (2 segments), one sending.
    const [a, b, c, d, e, f] = all;
    await h.db.update(eventMessages).set({ status: "sent", actualSendTime: a.scheduledFor, deliveryStatus: "delivered" }).where(eq(eventMessages.id, a.id));
    await h.db.update(eventMessages).set({ status: "sent", actualSendTime: b.scheduledFor }).where(eq(eventMessages.id, b.id));
    await h.db.update(eventMessages).set({ status: "failed", lastError: "x" }).where(eq(eventMessages.id, c.id));
    await h.db.update(eventMessages).set({ status: "cancelled" }).where(eq(eventMessages.id, d.id));
    await h.db.update(eventMessages).set({ status: "sending" }).where(eq(eventMessages.id, e.id));
    const sms = all.find((m) => m.channel === "sms" && ![a, b, c, d, e, f].includes(m))!;
    await h.db.update(eventMessages).set({ renderedBody: "x".repeat(200) }).where(eq(eventMessages.id, sms.id));
    const rows = await h.db.select().from(eventMessages).where(eq(eventMessages.eventId, event.id));
    const waiting = rows.filter((m) => m.status === "scheduled" || m.status === "sending");
    // Half an hour before the second distinct send time: the first is overdue, the second within the hour.
    const times = [...new Set(waiting.map((m) => m.scheduledFor.getTime()))].sort((x, y) => x - y);
    const at = new Date(times[1] - 1_800_000);
    const inHour = (m: (typeof rows)[number]) => m.scheduledFor.getTime() > at.getTime() && m.scheduledFor.getTime() <= at.getTime() + 3600_000;
    const smsDue = waiting.filter((m) => m.channel === "sms" && m.scheduledFor.getTime() <= at.getTime() + 3600_000);
    const got = await outboxFigures(h.db, event.id, at);
    expect(got.queue).toEqual({
      waiting: waiting.length,
      overdue: waiting.filter((m) => m.scheduledFor.getTime() <= at.getTime()).length,
      nextHour: waiting.filter(inHour).length,
      nextHourSms: waiting.filter((m) => m.channel === "sms" && inHour(m)).length,
    });
    expect(got.queue.nextHour).toBeGreaterThan(0);
    expect(got.queue.overdue).toBeGreaterThan(0);
    expect(got.smsDue).toEqual({ messages: smsDue.length, segments: smsDue.reduce((n, m) => n + (m.renderedBody ? smsSegmentCount(m.renderedBody) : 1), 0) });
    expect(got.smsDue.segments).toBeGreaterThan(got.smsDue.messages); // the long one counts 2
    expect(got.delivery).toEqual({ sent: 2, failed: 1, delivered: 1, rate: 2 / 3 });
    const table = new Map<string, number>();
    for (const m of rows) table.set(`${m.type}|${m.status}`, (table.get(`${m.type}|${m.status}`) ?? 0) + 1);
    expect(new Map(got.messages.map((m) => [`${m.type}|${m.status}`, m.count]))).toEqual(table);
  });

  it("shows failed dispatches and when the backstops last ran, and by whom", async () => {
    const at = local("2026-12-10 09:30", zone);
    freeze(at);
    const event = await makeEvent(h.db, { timezone: zone, start: "2026-12-10 09:00", end: "2026-12-10 17:00" });
    await recordDispatchFailure(h.db, { events: 3, kinds: ["tpx/message.scheduled"], error: "Inngest answered 503" }, new Date(at.getTime() - 90_000));
    await recordDispatchFailure(h.db, { events: 1, kinds: ["tpx/attendee.checked-in"], error: "fetch failed" }, new Date(at.getTime() - 30_000));
    await runBackstops(h.db, { deps: { channels: { email: createDevEmailChannel(), sms: createDevSmsChannel() } }, now: new Date(at.getTime() - 20_000), source: "cron" });
    const d = await eventDashboard(h.db, event.id);
    expect(d.scheduler.dispatchErrors).toEqual({ count: 2, lastError: "fetch failed", lastAgeMs: 30_000 });
    expect(d.scheduler.backstops).toEqual({ at: new Date(at.getTime() - 20_000).toISOString(), ageMs: 20_000, source: "cron" });
    await runBackstops(h.db, { deps: { channels: { email: createDevEmailChannel(), sms: createDevSmsChannel() } }, now: at });
    expect((await eventDashboard(h.db, event.id)).scheduler.backstops).toMatchObject({ ageMs: 0, source: "local_driver" });
  });
});
