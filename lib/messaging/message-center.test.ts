import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventMessages } from "@/db/schema";
import { freeze, resetClock } from "@/lib/clock";
import { buildDemoEventFile } from "@/lib/demo/demo-event";
import { importEventFile } from "@/lib/events/import";
import { createTestDb } from "@/tests/db";
import { claimDueMessages } from "./deliver";
import { cancelMessage, getMessageCenter, isEventMessagingPaused, isLate, pauseEventMessaging, previewHtml, resumeEventMessaging, retryMessage } from "./message-center";

const NOW = new Date("2026-11-26T15:00:00Z");
let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(() => h.close());
beforeEach(async () => {
  freeze(NOW);
  await h.db.execute(sql`truncate table events, contractors cascade`);
});
afterEach(() => resetClock());

async function demo() {
  return (await importEventFile(h.db, buildDemoEventFile(NOW), { now: NOW })).eventId;
}

describe("pause and resume", () => {
  it("a paused event's due rows are not claimed and wait as scheduled; resume makes them claimable", async () => {
    const eventId = await demo();
    expect(await isEventMessagingPaused(h.db, eventId)).toBe(false);
    expect((await pauseEventMessaging(h.db, eventId)).ok).toBe(true);
    expect(await isEventMessagingPaused(h.db, eventId)).toBe(true);
    const later = new Date(NOW.getTime() + 30 * 86400_000);
    expect(await claimDueMessages(h.db, 1000, later)).toEqual([]);
    const [{ n }] = await h.db.select({ n: sql<number>`count(*)::int` }).from(eventMessages).where(and(eq(eventMessages.eventId, eventId), eq(eventMessages.status, "scheduled")));
    expect(n).toBeGreaterThan(0);
    expect((await resumeEventMessaging(h.db, eventId)).ok).toBe(true);
    expect((await claimDueMessages(h.db, 1000, later)).length).toBe(n);
  });
});

describe("failures", () => {
  it("retry puts a failed row back; cancel refuses a sent one", async () => {
    const eventId = await demo();
    const [row] = await h.db.select().from(eventMessages).where(eq(eventMessages.eventId, eventId)).limit(1);
    await h.db.update(eventMessages).set({ status: "failed", lastError: "21211 invalid number", attempts: 4 }).where(eq(eventMessages.id, row.id));
    const center = await getMessageCenter(h.db, eventId);
    expect(center.failures.map((f) => f.lastError)).toEqual(["21211 invalid number"]);
    expect((await retryMessage(h.db, eventId, row.id)).ok).toBe(true);
    const [after] = await h.db.select().from(eventMessages).where(eq(eventMessages.id, row.id));
    expect([after.status, after.attempts]).toEqual(["scheduled", 0]);
    await h.db.update(eventMessages).set({ status: "sent" }).where(eq(eventMessages.id, row.id));
    expect((await cancelMessage(h.db, eventId, row.id)).ok).toBe(false);
    expect((await retryMessage(h.db, "00000000-0000-4000-8000-000000000000", row.id)).ok).toBe(false);
  });

  it("flags late sends and shows the QR in the email preview", async () => {
    const at = new Date("2026-12-01T10:00:00Z");
    expect(isLate({ status: "sent", scheduledFor: at, actualSendTime: new Date(at.getTime() + 120_000) }, at)).toBe(true);
    expect(isLate({ status: "sent", scheduledFor: at, actualSendTime: new Date(at.getTime() + 5_000) }, at)).toBe(false);
    expect(isLate({ status: "scheduled", scheduledFor: at, actualSendTime: null }, new Date(at.getTime() + 61_000))).toBe(true);
    const eventId = await demo();
    const [m] = await h.db.select().from(eventMessages).where(eq(eventMessages.eventId, eventId)).limit(1);
    const html = await previewHtml(h.db, '<img src="cid:qr" alt="QR">', m.attendeeId);
    expect(html).toMatch(/^<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="QR">$/);
  });
});
