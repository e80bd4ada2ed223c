import { and, eq, inArray, notInArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventMessages } from "@/db/schema";
import { createTwilioChannel } from "@/lib/channels/sms/twilio";
import type { Channels } from "@/lib/channels/types";
import { freeze, resetClock } from "@/lib/clock";
import { now as clockNow } from "@/lib/clock";
import { startLocalDriver } from "@/lib/jobs/local-driver";
import { databasePacer, realSleep } from "@/lib/messaging/pacing";
import { smsSegmentCount } from "@/lib/messaging/segments";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";
import { startTwilioFake, type TwilioFake } from "./fakes/twilio-fake";

/**
 * Issue 13 §2: SMS at SMS_SEGMENTS_PER_SECOND per sending number, several numbers
 * spreading the load, against a Twilio fake that refuses (429) a number sending faster
 * than 1 segment/s. Real time: the fake and the pacer see the same clock.
 */
const NUMBERS = ["+15125550101", "+15125550102", "+15125550103"];
const PEOPLE = 9;
let h: DbHandle;
let twilio: TwilioFake;

beforeAll(async () => {
  resetClock();
  h = await createTestDb();
  // Tolerance: the time between the pacer's take and the fake's receipt varies on a loaded 2-core box
  // (measured up to ~1.5 s at load 10); an unpaced burst comes 0 ms apart and is still caught (second test).
  twilio = await startTwilioFake({ segmentsPerSecondPerSender: 1, paceToleranceMs: 1_500 });
});
afterAll(async () => {
  await twilio.close();
  await h.close();
});

async function dueSms(tag: string): Promise<string[]> {
  const event = await makeEvent(h.db, { start: "2027-12-10 09:00", end: "2027-12-10 17:00" });
  const ids: string[] = [];
  // Registered at noon in the event's zone: a confirmation SMS planned during quiet hours (evening
  // runs of this suite) would wait for the morning. Then back to real time, due now.
  freeze(local("2027-12-01 12:00", "America/Chicago"));
  try {
    for (let i = 0; i < PEOPLE; i++) {
      const r = await registerAttendee(h.db, { eventSlug: event.slug, firstName: "Sam", lastName: `N${i}`, email: `${tag}-${i}@example.com`, phone: `+1 512 555 02${10 + i}`, smsConsent: true });
      if (!r.ok) throw new Error(r.error.message);
      ids.push(...r.messageIds);
    }
  } finally {
    resetClock();
  }
  const rows = await h.db.select().from(eventMessages).where(inArray(eventMessages.id, ids));
  const sms = rows.filter((m) => m.channel === "sms" && m.type === "registration_confirmation").map((m) => m.id);
  await h.db.update(eventMessages).set({ scheduledFor: new Date() }).where(inArray(eventMessages.id, sms));
  await h.db.update(eventMessages).set({ status: "cancelled", statusReason: "test isolation" }).where(and(eq(eventMessages.status, "scheduled"), notInArray(eventMessages.id, sms)));
  return sms;
}

function channels(): Channels {
  return {
    email: { name: "rec", send: async (e) => ({ ok: true, provider: "rec", providerMessageId: e.messageId }) },
    sms: createTwilioChannel({ accountSid: "AC" + "0".repeat(32), authToken: "secret", from: NUMBERS.join(","), baseUrl: twilio.url, timeoutMs: 5_000 }),
  };
}

describe("several sending numbers, each at its pace", () => {
  it("spreads 9 SMS over 3 numbers at 1 segment/s each: no 429, every number used, each number's sends ≥ its pace apart", async () => {
    const ids = await dueSms("spread");
    const pacer = databasePacer(h.db, { segmentsPerSecond: 1, now: clockNow, sleep: realSleep });
    const driver = startLocalDriver({ db: h.db, channels: channels(), pacer, mode: "all", intervalMs: 3_600_000, backstopEveryMs: 3_600_000 });
    await driver.stop();
    const started = Date.now();
    for (let i = 0; i < 10; i++) await driver.tick();
    const took = Date.now() - started;
    const rows = await h.db.select().from(eventMessages).where(inArray(eventMessages.id, ids));
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(PEOPLE);
    expect(twilio.paced).toEqual([]);
    const mine = twilio.accepted.filter((m) => rows.some((r) => r.providerMessageId === m.sid));
    expect(mine).toHaveLength(PEOPLE);
    const byNumber = new Map<string, typeof mine>();
    for (const m of mine) byNumber.set(m.from!, [...(byNumber.get(m.from!) ?? []), m]);
    expect([...byNumber.keys()].sort()).toEqual(NUMBERS);
    for (const list of byNumber.values()) {
      for (let i = 1; i < list.length; i++) expect(list[i].createdAtMs - list[i - 1].createdAtMs).toBeGreaterThanOrEqual(smsSegmentCount(list[i - 1].body) * 1000 - 1_500);
    }
    // One number alone would need ≥ 9 s of pace for these; three take about a third of it.
    const segments = mine.reduce((a, m) => a + smsSegmentCount(m.body), 0);
    expect(took).toBeLessThan(segments * 1000);
  }, 120_000);

  it("the fake refuses a number sent faster than its pace (the check can fail); TPX retries those rows, nothing lost or sent twice", async () => {
    const ids = await dueSms("burst");
    const before = twilio.accepted.length;
    // No pacer: every SMS goes at once, all from the first number.
    const driver = startLocalDriver({ db: h.db, channels: channels(), mode: "all", intervalMs: 3_600_000, backstopEveryMs: 3_600_000 });
    await driver.stop();
    await driver.tick();
    expect(twilio.paced.length).toBeGreaterThan(0);
    const rows = await h.db.select().from(eventMessages).where(inArray(eventMessages.id, ids));
    const sent = rows.filter((r) => r.status === "sent");
    const retrying = rows.filter((r) => r.status === "scheduled" && r.nextAttemptAt && r.lastError?.includes("429"));
    expect(sent.length + retrying.length).toBe(PEOPLE);
    expect(retrying.length).toBeGreaterThan(0);
    expect(twilio.accepted.length - before).toBe(sent.length);
  }, 120_000);
});
