import { and, eq, notInArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventMessages, type Message } from "@/db/schema";
import { createResendChannel } from "@/lib/channels/email/resend";
import { createTwilioChannel } from "@/lib/channels/sms/twilio";
import type { Channels } from "@/lib/channels/types";
import { advance, freeze, nowMs, resetClock } from "@/lib/clock";
import { runBackstops } from "@/lib/jobs/backstops";
import { claimDueMessages, deliverMessage, processClaimed, type DeliveryHooks } from "@/lib/messaging/deliver";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";
import { startResendFake, type ResendFake } from "./fakes/resend-fake";
import { startTwilioFake, type TwilioFake } from "./fakes/twilio-fake";

/**
 * Issue 7: a sender "killed" between claim and provider call, and between the
 * provider's accept and the row update (an injected throw at those points, as a
 * SIGKILL would leave it), for both channels. After recovery the fakes have seen
 * exactly one message per row.
 */
const zone = "America/Chicago";
let h: DbHandle;
let resend: ResendFake;
let twilio: TwilioFake;
let channels: Channels;

beforeAll(async () => {
  h = await createTestDb();
  resend = await startResendFake();
  twilio = await startTwilioFake({ now: nowMs });
  channels = {
    email: createResendChannel({ apiKey: "re_test", baseUrl: resend.url, from: "TPX <e@tpx.test>", timeoutMs: 2_000 }),
    sms: createTwilioChannel({ accountSid: "AC" + "0".repeat(32), authToken: "s", from: "+15125550100", baseUrl: twilio.url, timeoutMs: 2_000 }),
  };
});
afterAll(async () => {
  resetClock();
  await Promise.all([resend.close(), twilio.close()]);
  await h.close();
});
beforeEach(() => freeze(local("2026-12-01 10:00", zone)));

let n = 0;
async function confirmation(channel: "email" | "sms"): Promise<Message> {
  const event = await makeEvent(h.db, { timezone: zone, start: "2027-12-10 09:00" });
  const res = await registerAttendee(h.db, {
    eventSlug: event.slug, firstName: "Ana", lastName: "Silva", email: `crash${++n}@example.com`, phone: `+1 512 555 01${10 + n}`, smsConsent: true,
  });
  if (!res.ok) throw new Error(res.error.message);
  const rows = await h.db.select().from(eventMessages).where(eq(eventMessages.attendeeId, res.attendeeId));
  const target = rows.find((m) => m.type === "registration_confirmation" && m.channel === channel)!;
  await h.db.update(eventMessages).set({ status: "cancelled" }).where(and(eq(eventMessages.status, "scheduled"), notInArray(eventMessages.id, [target.id])));
  return target;
}

const crash = (at: keyof DeliveryHooks, id: string): DeliveryHooks => ({
  [at]: (row: Message) => {
    if (row.id === id) throw new Error(`killed ${at}`);
  },
});

async function killedSend(row: Message, at: keyof DeliveryHooks) {
  const [claimed] = await claimDueMessages(h.db, 10, new Date(nowMs()));
  expect(claimed.id).toBe(row.id);
  await expect(processClaimed(h.db, claimed, { channels, hooks: crash(at, row.id) })).rejects.toThrow(/killed/);
  const [stuck] = await h.db.select().from(eventMessages).where(eq(eventMessages.id, row.id));
  expect(stuck.status).toBe("sending");
  // Stored at claim time, before the provider call: what recovery needs.
  expect(stuck.toAddress).toBeTruthy();
  expect(stuck.renderedBody).toBeTruthy();
}

async function recoverAndDeliver(id: string) {
  advance(5 * 60_000 + 1_000);
  await runBackstops(h.db, { deps: { channels } });
  const [after] = await h.db.select().from(eventMessages).where(eq(eventMessages.id, id));
  if (after.status === "scheduled") await deliverMessage(h.db, id, { channels });
  const [done] = await h.db.select().from(eventMessages).where(eq(eventMessages.id, id));
  return done;
}

const smsPosts = (to: string) => twilio.accepted.filter((m) => m.to === to);
const emailsFor = (id: string) => resend.accepted.filter((a) => a.key === id);

describe("a sender killed mid-send recovers with exactly one message at the provider", () => {
  it("email, killed between claim and provider call: resent once", async () => {
    const row = await confirmation("email");
    await killedSend(row, "beforeProviderCall");
    expect(emailsFor(row.id)).toHaveLength(0);
    const done = await recoverAndDeliver(row.id);
    expect(done.status).toBe("sent");
    expect(emailsFor(row.id)).toHaveLength(1);
  });

  it("email, killed after Resend accepted it: the resend carries the same Idempotency-Key and body, so nothing new is sent", async () => {
    const row = await confirmation("email");
    await killedSend(row, "afterProviderAnswer");
    expect(emailsFor(row.id)).toHaveLength(1);
    const done = await recoverAndDeliver(row.id);
    expect(done.status).toBe("sent");
    const seen = emailsFor(row.id);
    expect(seen.map((a) => a.replay)).toEqual([false, true]); // one email; the second call was answered from the key
    expect(new Set(seen.map((a) => a.id)).size).toBe(1);
  });

  it("SMS, killed between claim and provider call: looked up at Twilio, not found, sent once", async () => {
    const row = await confirmation("sms");
    await killedSend(row, "beforeProviderCall");
    const [stuck] = await h.db.select().from(eventMessages).where(eq(eventMessages.id, row.id));
    expect(smsPosts(stuck.toAddress!)).toHaveLength(0);
    const done = await recoverAndDeliver(row.id);
    expect(done.status).toBe("sent");
    expect(smsPosts(stuck.toAddress!)).toHaveLength(1);
    expect(twilio.requests.some((r) => r.method === "GET" && r.query.To === stuck.toAddress)).toBe(true);
  });

  it("SMS, killed after Twilio accepted it: reconciled from Twilio, never resent, with a real send time", async () => {
    const row = await confirmation("sms");
    const claimedAt = nowMs();
    await killedSend(row, "afterProviderAnswer");
    const [stuck] = await h.db.select().from(eventMessages).where(eq(eventMessages.id, row.id));
    expect(smsPosts(stuck.toAddress!)).toHaveLength(1);
    const done = await recoverAndDeliver(row.id);
    expect(done.status).toBe("sent");
    expect(done.statusReason).toBe("confirmed by provider after a timeout");
    expect(smsPosts(stuck.toAddress!)).toHaveLength(1);
    expect(done.providerMessageId).toBe(smsPosts(stuck.toAddress!)[0].sid);
    // Not 1970: the time Twilio took it (second resolution), right after the claim.
    expect(Math.abs(done.actualSendTime!.getTime() - claimedAt)).toBeLessThan(2_000);
  });
});
