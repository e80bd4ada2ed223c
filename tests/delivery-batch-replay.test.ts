import { and, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventMessages, type Event } from "@/db/schema";
import { createDevSmsChannel } from "@/lib/channels/dev-outbox";
import { batchIdempotencyKey, createResendChannel } from "@/lib/channels/email/resend";
import type { Channels } from "@/lib/channels/types";
import { freeze, now, resetClock } from "@/lib/clock";
import { claimDueMessages, deliverMessage, type DeliveryDeps } from "@/lib/messaging/deliver";
import { deliverBatch } from "@/lib/messaging/deliver-batch";
import { recoverStaleClaims } from "@/lib/messaging/reconcile";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";
import { startResendFake, type ResendFake, type ResendSentEmail } from "./fakes/resend-fake";

/**
 * Decision 0210: a batch that may have been taken (every try unanswered, or the worker
 * died after Resend accepted it) is only ever sent again as exactly that batch — same
 * members, order and Idempotency-Key — however its rows are claimed later; so Resend
 * answers from its record and no email goes out twice. A batch refused with a status
 * sent nothing: its rows lose the key and regroup.
 */
const zone = "America/Chicago";
const PEOPLE = 14;
let h: DbHandle;
let resend: ResendFake;
let event: Event;
let deps: DeliveryDeps;

beforeAll(async () => {
  h = await createTestDb();
  freeze(local("2026-12-01 10:00", zone));
  event = await makeEvent(h.db, { timezone: zone, start: "2027-12-10 09:00" });
  for (let i = 0; i < PEOPLE; i++) {
    const r = await registerAttendee(h.db, { eventSlug: event.slug, firstName: "Re", lastName: `Play${i}`, email: `replay-${i}@example.com`, phone: `+1 512 555 ${String(2000 + i)}`, smsConsent: false });
    if (!r.ok) throw new Error(r.error.message);
  }
}, 120_000);
afterAll(async () => {
  resetClock();
  await h.close();
});
// A fresh fake per test: its idempotency record must not answer one test's batch from another's.
beforeEach(async () => {
  resend = await startResendFake();
  deps = { channels: channels() };
});
afterEach(async () => {
  await resend.close();
});

function channels(): Channels {
  return {
    email: createResendChannel({ apiKey: "re_test_key", baseUrl: resend.url, from: "TPX <events@tpx.test>", timeoutMs: 400, sleep: async () => {} }),
    sms: createDevSmsChannel(),
  };
}

/** One profile reminder email per person: `dueNow` due now, the rest `laterMs` later (default a day); everything else out of the way. */
async function prepare(dueNow: number, laterMs = 86_400_000): Promise<{ now: string[]; later: string[] }> {
  await h.db.update(eventMessages).set({ status: "cancelled", statusReason: "test isolation" }).where(eq(eventMessages.status, "scheduled"));
  const rows = await h.db
    .select({ id: eventMessages.id, attendeeId: eventMessages.attendeeId, scheduledFor: eventMessages.scheduledFor })
    .from(eventMessages)
    .where(and(eq(eventMessages.eventId, event.id), eq(eventMessages.type, "profile_completion_reminder"), eq(eventMessages.channel, "email")));
  const first = new Map<string, { id: string; t: number }>();
  for (const r of rows) {
    const seen = first.get(r.attendeeId!);
    if (!seen || r.scheduledFor.getTime() < seen.t) first.set(r.attendeeId!, { id: r.id, t: r.scheduledFor.getTime() });
  }
  const ids = [...first.values()].map((v) => v.id);
  expect(ids).toHaveLength(PEOPLE);
  const reset = { status: "scheduled" as const, statusReason: null, nextAttemptAt: null, attempts: 0, claimedAt: null, uncertainSince: null, lastError: null, batchKey: null, toAddress: null, renderedBody: null, renderedHtml: null, renderedSubject: null, provider: null, providerMessageId: null, actualSendTime: null };
  const split = { now: ids.slice(0, dueNow), later: ids.slice(dueNow) };
  await h.db.update(eventMessages).set({ ...reset, scheduledFor: new Date(now().getTime() - 1_000) }).where(inArray(eventMessages.id, split.now));
  if (split.later.length) await h.db.update(eventMessages).set({ ...reset, scheduledFor: new Date(now().getTime() + laterMs) }).where(inArray(eventMessages.id, split.later));
  return split;
}

const rowsOf = (ids: string[]) => h.db.select().from(eventMessages).where(inArray(eventMessages.id, ids));
const advance = (ms: number) => freeze(new Date(now().getTime() + ms));
const sorted = (ids: string[]) => [...ids].sort();

async function claimAndDeliver(limit: number) {
  const claimed = await claimDueMessages(h.db, limit, now());
  await deliverBatch(h.db, claimed, now(), deps, 8);
  return claimed;
}

/** Per address, the ids of the emails the fake took for the first time (a replay takes nothing new). */
function freshIdsByTo(): Map<string, string[]> {
  const byTo = new Map<string, string[]>();
  for (const key of new Set(resend.accepted.filter((a) => !a.replay).map((a) => a.key))) {
    const request = resend.requests.find((r) => r.headers["idempotency-key"] === key)!;
    const body = (Array.isArray(request.body) ? request.body : [request.body]) as ResendSentEmail[];
    const ids = resend.accepted.filter((a) => !a.replay && a.key === key).map((a) => a.id);
    body.forEach((e, j) => byTo.set(String(e.to), [...(byTo.get(String(e.to)) ?? []), ids[j]]));
  }
  return byTo;
}

/** Every row sent once: one email taken per address, the row carrying that email's id. */
async function expectEachSentOnce(ids: string[]) {
  const rows = await rowsOf(ids);
  expect(rows.map((r) => r.status)).toEqual(rows.map(() => "sent"));
  const byTo = freshIdsByTo();
  expect(resend.accepted.filter((a) => !a.replay)).toHaveLength(ids.length);
  for (const r of rows) expect(byTo.get(r.toAddress!)).toEqual([r.providerMessageId]);
}

const batchRequests = () => resend.requests.filter((r) => r.path === "/emails/batch");
const ALL_HANG = ["accept-then-hang", "accept-then-hang", "accept-then-hang", "ok"] as const;

describe("a batch that may have been taken is only ever sent again as exactly that batch", () => {
  it("all 3 tries unanswered after the fake took it; the retry claimed in another grouping (3 of its rows + 4 new) replays it: each email once", async () => {
    const ids = await prepare(10, 1_000);
    resend.setMode([...ALL_HANG]);
    const first = await claimAndDeliver(100);
    expect(sorted(first.map((r) => r.id))).toEqual(sorted(ids.now));
    const key = batchIdempotencyKey(ids.now);
    let rows = await rowsOf(ids.now);
    expect(rows.map((r) => [r.status, r.batchKey])).toEqual(rows.map(() => ["scheduled", key]));
    expect(batchRequests().map((r) => r.headers["idempotency-key"])).toEqual([key, key, key]);
    expect(resend.accepted.filter((a) => !a.replay)).toHaveLength(10); // taken, though no answer came back

    // The retries are due at +5 s; the 4 others at +1 s. A claim of 7 takes the 4 new rows and 3 of the batch.
    advance(6_000);
    const second = await claimAndDeliver(7);
    const inBatch = second.filter((r) => ids.now.includes(r.id));
    expect(inBatch).toHaveLength(3);
    expect(second.filter((r) => ids.later.includes(r.id))).toHaveLength(4);

    await expectEachSentOnce([...ids.now, ...ids.later]);
    // The replay: the whole batch of 10, in id order, under its key, answered from the record.
    const replay = batchRequests().filter((r) => r.headers["idempotency-key"] === key).at(-1)!;
    expect((replay.body as ResendSentEmail[]).length).toBe(10);
    expect(resend.accepted.filter((a) => a.replay && a.key === key).length).toBeGreaterThanOrEqual(10);
    // The 4 new rows went as their own batch, with their own key.
    const fresh = batchRequests().find((r) => r.headers["idempotency-key"] === batchIdempotencyKey(ids.later));
    expect((fresh?.body as ResendSentEmail[]).length).toBe(4);
    rows = await rowsOf(ids.now);
    // The 7 rows the first claim did not take were claimed into the replay: attempts counted, the answer recorded.
    expect(rows.map((r) => r.attempts)).toEqual(rows.map(() => 2));
  }, 60_000);

  it("the worker dies after the fake took the batch; after recoverStaleClaims the redelivery (3 rows claimed) replays it: each email once", async () => {
    const ids = await prepare(10);
    let died = false;
    const dying: DeliveryDeps = {
      ...deps,
      hooks: {
        afterProviderAnswer: () => {
          if (!died) {
            died = true;
            throw new Error("worker died");
          }
        },
      },
    };
    const first = await claimDueMessages(h.db, 100, now());
    await expect(deliverBatch(h.db, first, now(), dying, 8)).rejects.toThrow("worker died");
    const key = batchIdempotencyKey(ids.now);
    const stuck = await rowsOf(ids.now);
    expect(stuck.map((r) => [r.status, r.batchKey])).toEqual(stuck.map(() => ["sending", key]));
    expect(resend.accepted.filter((a) => !a.replay)).toHaveLength(10);

    advance(6 * 60_000);
    expect(await recoverStaleClaims(h.db, { now: now() })).toBe(10);
    await claimAndDeliver(3);
    await expectEachSentOnce(ids.now);
    expect(batchRequests()).toHaveLength(2);
    expect(batchRequests().map((r) => r.headers["idempotency-key"])).toEqual([key, key]);
    expect(batchRequests()[1].rawBody).toBe(batchRequests()[0].rawBody);
  }, 60_000);

  it("a batch refused with a status (500 to every try) sent nothing: the key is cleared, the rows regroup and send", async () => {
    const ids = await prepare(10);
    resend.setMode([500, 500, 500, "ok"]);
    await claimAndDeliver(100);
    const refusedKey = batchIdempotencyKey(ids.now);
    const rows = await rowsOf(ids.now);
    expect(rows.map((r) => [r.status, r.batchKey])).toEqual(rows.map(() => ["scheduled", null]));
    expect(resend.accepted).toHaveLength(0);

    advance(6_000);
    const part = await claimAndDeliver(4);
    const partKey = batchIdempotencyKey(part.map((r) => r.id));
    expect((await rowsOf(part.map((r) => r.id))).map((r) => r.batchKey)).toEqual(part.map(() => partKey));
    await claimAndDeliver(100);
    await expectEachSentOnce(ids.now);
    const keys = batchRequests().map((r) => r.headers["idempotency-key"]);
    expect(keys.slice(0, 3)).toEqual([refusedKey, refusedKey, refusedKey]);
    expect(keys[3]).toBe(partKey);
    expect(keys).not.toContain(undefined);
    expect(new Set(keys.slice(3)).size).toBe(2); // regrouped: 4 and 6, new keys
  }, 60_000);

  it("a 422 for the batch fails its rows and clears the key; a try that went unanswered keeps it even when a later try is refused", async () => {
    const ids = await prepare(10);
    resend.setMode([422]);
    await claimAndDeliver(100);
    let rows = await rowsOf(ids.now);
    expect(rows.map((r) => [r.status, r.batchKey])).toEqual(rows.map(() => ["failed", null]));

    const again = await prepare(10);
    resend.setMode([500, "accept-then-hang", 500, "ok"]);
    await claimAndDeliver(100);
    const key = batchIdempotencyKey(again.now);
    rows = await rowsOf(again.now);
    expect(rows.map((r) => [r.status, r.batchKey])).toEqual(rows.map(() => ["scheduled", key]));
    advance(6_000);
    await claimAndDeliver(2);
    await expectEachSentOnce(again.now);
  }, 60_000);

  it("Resend answering that the key is in flight (409 concurrent_idempotent_requests) to every try keeps the key: another request may be taking it", async () => {
    const ids = await prepare(10);
    const inFlight = { status: 409, name: "concurrent_idempotent_requests", message: "in progress" };
    resend.setMode([inFlight, inFlight, inFlight, "ok"]);
    await claimAndDeliver(100);
    const key = batchIdempotencyKey(ids.now);
    const rows = await rowsOf(ids.now);
    expect(rows.map((r) => [r.status, r.batchKey])).toEqual(rows.map(() => ["scheduled", key]));
    advance(6_000);
    await claimAndDeliver(3);
    await expectEachSentOnce(ids.now);
    expect(new Set(batchRequests().map((r) => r.headers["idempotency-key"]))).toEqual(new Set([key]));
  }, 60_000);

  it("processClaimed (deliverMessage, the Inngest and backstop path) on one row of a stored batch replays the whole batch, never a single send", async () => {
    const ids = await prepare(10);
    resend.setMode([...ALL_HANG]);
    await claimAndDeliver(100);
    const key = batchIdempotencyKey(ids.now);
    advance(6_000);
    const outcome = await deliverMessage(h.db, ids.now[4], deps);
    expect(outcome).toEqual({ status: "sent" });
    expect(resend.requests.filter((r) => r.path === "/emails")).toHaveLength(0);
    const last = batchRequests().at(-1)!;
    expect(last.headers["idempotency-key"]).toBe(key);
    expect((last.body as ResendSentEmail[]).length).toBe(10);
    await expectEachSentOnce(ids.now);
  }, 60_000);
});

describe("the Resend fake models the batch Idempotency-Key as Resend does", () => {
  const email = (n: number, subject = "s") => ({ messageId: `00000000-0000-4000-8000-00000000000${n}`, to: `k${n}@example.com`, subject, html: "<p>h</p>", text: "h" });

  it("same key and payload: the recorded ids, nothing new; same key, another payload: 409 invalid_idempotent_request; another key: sent", async () => {
    const ch = channels().email;
    const first = await ch.sendBatch!([email(1), email(2)], { idempotencyKey: "batch-k" });
    const again = await ch.sendBatch!([email(1), email(2)], { idempotencyKey: "batch-k" });
    expect(again).toEqual(first);
    expect(first.every((r) => r.ok)).toBe(true);
    expect(resend.accepted.map((a) => a.replay)).toEqual([false, false, true, true]);

    const reordered = await ch.sendBatch!([email(2), email(1)], { idempotencyKey: "batch-k" });
    const changed = await ch.sendBatch!([email(1), email(2, "other")], { idempotencyKey: "batch-k" });
    for (const r of [...reordered, ...changed]) expect(r).toMatchObject({ ok: false, kind: "permanent", code: "invalid_idempotent_request" });
    expect(reordered.some((r) => !r.ok && r.unanswered)).toBe(false);
    expect(resend.accepted).toHaveLength(4);

    const other = await ch.sendBatch!([email(1), email(2)], { idempotencyKey: "batch-other" });
    expect(other.every((r) => r.ok)).toBe(true);
    expect(resend.accepted.filter((a) => !a.replay)).toHaveLength(4);
  });

  it("accept-then-hang takes the batch without answering: the results are transient and marked unanswered", async () => {
    resend.setMode("accept-then-hang");
    const results = await channels().email.sendBatch!([email(3), email(4)], { idempotencyKey: "batch-h" });
    for (const r of results) expect(r).toMatchObject({ ok: false, kind: "transient", unanswered: true });
    expect(resend.accepted.filter((a) => !a.replay)).toHaveLength(2);
    expect(resend.requests).toHaveLength(3);
  });

  it("refuses a batch that breaks the endpoint's rules before sending anything", async () => {
    const ch = channels().email;
    await expect(ch.sendBatch!([])).rejects.toThrow(/1 to 100/);
    await expect(ch.sendBatch!([{ ...email(5), attachments: [{ filename: "a.png", content: "AA==", contentType: "image/png" }] }, email(6)])).rejects.toThrow(/attachments/);
    expect(resend.requests).toHaveLength(0);
  });
});
