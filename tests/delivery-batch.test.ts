import { performance } from "node:perf_hooks";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventAttendees, eventMessages, type Event } from "@/db/schema";
import { createDevEmailChannel, createDevSmsChannel } from "@/lib/channels/dev-outbox";
import { claimDueMessages } from "@/lib/messaging/deliver";
import { deliverBatch } from "@/lib/messaging/deliver-batch";
import { batchIdempotencyKey, createResendChannel } from "@/lib/channels/email/resend";
import { requestThrottle } from "@/lib/channels/throttle";
import type { Channels } from "@/lib/channels/types";
import { advance, freeze, now, resetClock } from "@/lib/clock";
import { EMAIL_LANE_CLAIM, nextClaim, startLocalDriver } from "@/lib/jobs/local-driver";
import { databasePacer } from "@/lib/messaging/pacing";
import { qrImageUrl } from "@/lib/messaging/qr-link";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "./db";
import { waitFor } from "./wait";
import { local, makeEvent } from "./factories";
import { startResendFake, type ResendFake } from "./fakes/resend-fake";

/**
 * Issue 13 §2: email bursts through Resend's batch endpoint (≤ 100 per request) at the
 * account's request rate, against a fake that answers 429 beyond 2 requests/s. Each
 * row is sent once, whatever the retries, and gets its own provider id.
 */
const zone = "America/Chicago";
const PEOPLE = 130;
let h: DbHandle;
let resend: ResendFake;
let event: Event;

beforeAll(async () => {
  h = await createTestDb();
  resend = await startResendFake({ requestsPerSecond: 2 });
  freeze(local("2026-12-01 10:00", zone));
  event = await makeEvent(h.db, { timezone: zone, start: "2027-12-10 09:00" });
  for (let i = 0; i < PEOPLE; i++) {
    const r = await registerAttendee(h.db, { eventSlug: event.slug, firstName: "Bo", lastName: `Batch${i}`, email: `batch-${i}@example.com`, phone: `+1 512 555 ${String(1000 + i)}`, smsConsent: false });
    if (!r.ok) throw new Error(r.error.message);
  }
}, 240_000);
afterAll(async () => {
  resetClock();
  await resend.close();
  await h.close();
});

/** One reminder email per person due now (no attachments: it can go in a batch); everything else out of the way. */
async function dueReminders(type: "profile_completion_reminder" | "check_in_reminder_1_hour" = "profile_completion_reminder"): Promise<string[]> {
  await h.db.update(eventMessages).set({ status: "cancelled", statusReason: "test isolation" }).where(eq(eventMessages.status, "scheduled"));
  const rows = await h.db
    .select({ id: eventMessages.id, attendeeId: eventMessages.attendeeId, scheduledFor: eventMessages.scheduledFor })
    .from(eventMessages)
    .where(and(eq(eventMessages.eventId, event.id), eq(eventMessages.type, type), eq(eventMessages.channel, "email")));
  const first = new Map<string, { id: string; t: number }>();
  for (const r of rows) {
    const seen = first.get(r.attendeeId!);
    if (!seen || r.scheduledFor.getTime() < seen.t) first.set(r.attendeeId!, { id: r.id, t: r.scheduledFor.getTime() });
  }
  const ids = [...first.values()].map((v) => v.id);
  await h.db
    .update(eventMessages)
    .set({ status: "scheduled", statusReason: null, scheduledFor: new Date(now().getTime() - 1_000), nextAttemptAt: null, attempts: 0, toAddress: null, renderedBody: null, renderedHtml: null, renderedSubject: null, providerMessageId: null, batchKey: null })
    .where(inArray(eventMessages.id, ids));
  return ids;
}

function channelsWith(opts: { throttle?: boolean; timeoutMs?: number } = {}): Channels {
  return {
    email: createResendChannel({
      apiKey: "re_test_key", baseUrl: resend.url, from: "TPX <events@tpx.test>", timeoutMs: opts.timeoutMs ?? 5_000,
      throttle: opts.throttle === false ? undefined : requestThrottle(2),
    }),
    sms: createDevSmsChannel(),
  };
}

async function drain(channels: Channels) {
  const driver = startLocalDriver({ db: h.db, channels, mode: "all", intervalMs: 60_000, backstopEveryMs: 3_600_000 });
  await driver.stop(); // no timer passes: tick() below is the only pass
  let total = 0;
  for (let i = 0; i < 5; i++) total += await driver.tick();
  return total;
}

async function rowsOf(ids: string[]) {
  return h.db.select().from(eventMessages).where(inArray(eventMessages.id, ids));
}

beforeEach(() => {
  resend.setMode("ok");
  resend.requests.length = 0;
  resend.accepted.length = 0;
  resend.rateLimited.length = 0;
});

describe("email bursts through Resend's batch endpoint", () => {
  it("sends 130 emails in 2 batch requests within 2 requests/s, each row once with its own provider id", async () => {
    const ids = await dueReminders();
    expect(ids).toHaveLength(PEOPLE);
    await drain(channelsWith());
    const batches = resend.requests.filter((r) => r.path === "/emails/batch");
    expect(batches.length).toBe(2);
    expect(batches.map((b) => (b.body as unknown[]).length).sort((a, b) => a - b)).toEqual([30, 100]);
    expect(resend.rateLimited).toHaveLength(0);
    const rows = await rowsOf(ids);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    // Per-row results mapped back: each row's id is the one Resend gave the email to its address.
    const fresh = resend.accepted.filter((a) => !a.replay);
    expect(new Set(fresh.map((a) => a.id)).size).toBe(PEOPLE);
    const idByTo = new Map<string, string>();
    for (const b of batches) {
      const fromThisBatch = fresh.filter((a) => a.key === b.headers["idempotency-key"]).map((a) => a.id);
      (b.body as Array<{ to: string }>).forEach((e, j) => idByTo.set(String(e.to), fromThisBatch[j]));
    }
    for (const r of rows) expect(r.providerMessageId).toBe(idByTo.get(r.toAddress!));
    // The batch key is the rows' own: deterministic from their ids.
    for (const b of batches) {
      const batchIds = rows.filter((r) => (b.body as Array<{ to: string }>).some((e) => String(e.to) === r.toAddress)).map((r) => r.id);
      expect(b.headers["idempotency-key"]).toBe(batchIdempotencyKey(batchIds));
    }
  }, 60_000);

  it("sends a burst of check-in reminders in batches too, each showing its own person's hosted QR (decision 0197)", async () => {
    const ids = await dueReminders("check_in_reminder_1_hour");
    expect(ids).toHaveLength(PEOPLE);
    await drain(channelsWith());
    const batches = resend.requests.filter((r) => r.path === "/emails/batch");
    // Two batches (a request the fake refused with 429, e.g. still in the last test's second, is retried under the same key).
    const sizeByKey = new Map(batches.map((b) => [b.headers["idempotency-key"], (b.body as unknown[]).length]));
    expect([...sizeByKey.values()].sort((a, b) => a - b)).toEqual([30, 100]);
    expect(resend.requests.filter((r) => r.path === "/emails")).toHaveLength(0);
    const rows = await rowsOf(ids);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    const sentHtml = new Map(batches.flatMap((b) => (b.body as Array<{ to: string; html: string }>).map((e) => [String(e.to), e.html] as const)));
    for (const r of rows) expect(sentHtml.get(r.toAddress!)).toContain(qrImageUrl(r.attendeeId!));
  }, 60_000);

  it("a batch whose answer was lost is retried with the same key: Resend replays it, nothing is sent twice", async () => {
    const ids = await dueReminders();
    resend.setMode(["accept-then-hang", "ok"]);
    await drain(channelsWith({ timeoutMs: 1_500 }));
    const rows = await rowsOf(ids);
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(PEOPLE);
    const fresh = resend.accepted.filter((a) => !a.replay);
    expect(fresh).toHaveLength(PEOPLE); // each email accepted once
    expect(resend.accepted.some((a) => a.replay)).toBe(true); // the retry was answered from the first
  }, 60_000);

  it("without the throttle the fake answers 429 beyond 2 requests/s; the channel honours Retry-After and every email is taken once", async () => {
    // Four batch requests at the same instant from an unthrottled channel (as two processes sharing the account would).
    const email = channelsWith({ throttle: false }).email;
    const batch = (k: number) =>
      [0, 1].map((j) => ({ messageId: `00000000-0000-4000-8000-0000000000${k}${j}`, to: `r${k}${j}@example.com`, subject: "s", html: "<p>h</p>", text: "h" }));
    const results = await Promise.all([1, 2, 3, 4].map((k) => email.sendBatch!(batch(k))));
    expect(resend.rateLimited.length).toBeGreaterThan(0); // the limit was really hit
    expect(results.flat().every((r) => r.ok)).toBe(true);
    expect(resend.accepted.filter((x) => !x.replay)).toHaveLength(8);
    expect(new Set(results.flat().map((r) => (r.ok ? r.providerMessageId : "")))).toHaveProperty("size", 8);
  }, 60_000);

  it("renders a claimed pass without stalling the event loop: other timers (the SMS lanes' pacing) keep running", async () => {
    const ids = await dueReminders();
    const rows = await claimDueMessages(h.db, PEOPLE, now());
    expect(rows).toHaveLength(PEOPLE);
    // A 5 ms timer beside the pass: the longest gap between its ticks is the longest stretch nothing else could run.
    let last = performance.now();
    let longest = 0;
    const ticker = setInterval(() => {
      longest = Math.max(longest, performance.now() - last);
      last = performance.now();
    }, 5);
    const t = performance.now();
    const outcomes = await deliverBatch(h.db, rows, now(), { channels: { email: createDevEmailChannel(), sms: createDevSmsChannel() } }, 8);
    const pass = performance.now() - t;
    clearInterval(ticker);
    longest = Math.max(longest, performance.now() - last);
    expect(outcomes.every((o) => o.status === "sent")).toBe(true);
    expect((await rowsOf(ids)).every((r) => r.status === "sent")).toBe(true);
    // Rendering 130 emails is most of the pass; without the yields the whole pass was one stretch (298 of 298 ms on PGlite).
    expect(longest, `longest gap ${Math.round(longest)} ms of a ${Math.round(pass)} ms pass`).toBeLessThan(pass / 4);
  }, 60_000);

  it("renders the next claim while a batch waits for its answer: the email lane is pipelined", async () => {
    const ids = await dueReminders();
    const base = channelsWith();
    let first = true;
    let storedWhileWaiting = -1;
    const email = {
      ...base.email,
      async sendBatch(emails: Parameters<NonNullable<Channels["email"]["sendBatch"]>>[0], o?: { idempotencyKey?: string }) {
        if (first) {
          first = false;
          // The first batch's request is out: the other 30 rows are claimed and rendered meanwhile.
          const mine = new Set(emails.map((e) => e.messageId));
          const others = ids.filter((id) => !mine.has(id));
          // Stored renderings (the next pass may even have sent already: this request waits here, not on the rate).
          const rendered = async () => (await rowsOf(others)).filter((r) => r.renderedBody !== null).length;
          storedWhileWaiting = await waitFor(rendered, (n) => n === others.length, 5_000, 50);
        }
        return base.email.sendBatch!(emails, o);
      },
    };
    // One pass of the driver (a stopped driver's tick claims once; this one runs until the queue is empty).
    const driver = startLocalDriver({ db: h.db, channels: { ...base, email }, mode: "all", intervalMs: 3_600_000, backstopEveryMs: 3_600_000 });
    try {
      expect(await driver.tick()).toBe(PEOPLE);
    } finally {
      await driver.stop();
    }
    expect(storedWhileWaiting).toBe(PEOPLE - 100);
    expect((await rowsOf(ids)).every((r) => r.status === "sent")).toBe(true);
    expect(new Set(resend.requests.filter((r) => r.path === "/emails/batch").map((r) => r.headers["idempotency-key"])).size).toBe(2);
  }, 60_000);

  it("with SMS in lanes of their own, a pass mostly skipped at send makes the next claim larger: fuller batches, fewer requests", async () => {
    const ids = await dueReminders("check_in_reminder_1_hour");
    // 111 of the 130 have checked in already: their reminder is skipped at send.
    const attendees = (await rowsOf(ids)).map((r) => r.attendeeId!).sort();
    await h.db.update(eventAttendees).set({ checkInTime: now() }).where(inArray(eventAttendees.id, attendees.slice(0, 111)));
    try {
      const base = channelsWith();
      const channels: Channels = { ...base, sms: { ...base.sms, sender: "+15125550100" } };
      const pacer = databasePacer(h.db, { segmentsPerSecond: 1, now, sleep: async (ms) => advance(ms) });
      // Claims of 40, up to 120: the first pass sends ~6 of its 40, so the next claims the other 90 at once.
      const driver = startLocalDriver({ db: h.db, channels, pacer, mode: "all", intervalMs: 3_600_000, backstopEveryMs: 3_600_000, batchSize: 40, emailClaimMax: 120 });
      try {
        expect(await driver.tick()).toBe(PEOPLE);
      } finally {
        await driver.stop();
      }
      const rows = await rowsOf(ids);
      expect(rows.filter((r) => r.status === "skipped")).toHaveLength(111);
      expect(rows.filter((r) => r.status === "sent")).toHaveLength(19);
      // Two batches where claims of 40 make four. (A 429 left by the last test's second is retried under the same key.)
      const keys = new Set(resend.requests.filter((r) => r.path === "/emails/batch").map((r) => r.headers["idempotency-key"]));
      expect(keys.size).toBe(2);
    } finally {
      await h.db.update(eventAttendees).set({ checkInTime: null }).where(eq(eventAttendees.eventId, event.id));
    }
  }, 60_000);

  it("the next claim: the base after a pass mostly sent, up to 3 batches after one mostly skipped", () => {
    expect(EMAIL_LANE_CLAIM).toBe(300);
    expect(nextClaim(100, 300, 100, 100)).toBe(100);
    expect(nextClaim(100, 300, 100, 50)).toBe(100);
    expect(nextClaim(100, 300, 100, 40)).toBe(250);
    expect(nextClaim(100, 300, 100, 30)).toBe(300);
    expect(nextClaim(100, 300, 300, 0)).toBe(300);
    expect(nextClaim(100, 300, 0, 0)).toBe(100);
  });
});
