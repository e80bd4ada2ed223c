import { and, eq, notInArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventMessages } from "@/db/schema";
import { createResendChannel } from "@/lib/channels/email/resend";
import { createTwilioChannel } from "@/lib/channels/sms/twilio";
import type { Channels } from "@/lib/channels/types";
import { advance, freeze, now, resetClock } from "@/lib/clock";
import { startLocalDriver } from "@/lib/jobs/local-driver";
import { reconcileUncertainSms } from "@/lib/messaging/reconcile";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";
import { startResendFake, type ResendFake } from "./fakes/resend-fake";
import { startTwilioFake, type TwilioFake } from "./fakes/twilio-fake";

/**
 * The outbox end to end: the local driver claims due rows, renders them and sends
 * through the REAL Resend and Twilio clients pointed at local fake servers.
 */
const zone = "America/Chicago";
let h: DbHandle;
let resend: ResendFake;
let twilio: TwilioFake;
let channels: Channels;

beforeAll(async () => {
  h = await createTestDb();
  resend = await startResendFake();
  twilio = await startTwilioFake();
  channels = {
    email: createResendChannel({ apiKey: "re_test_key", baseUrl: resend.url, from: "TPX <events@tpx.test>", timeoutMs: 2_000 }),
    sms: createTwilioChannel({ accountSid: "AC" + "0".repeat(32), authToken: "secret", from: "+15125550100", baseUrl: twilio.url, timeoutMs: 2_000 }),
  };
});
afterAll(async () => {
  resetClock();
  await Promise.all([resend.close(), twilio.close()]);
  await h.close();
});
beforeEach(() => {
  freeze(local("2026-12-01 10:00", zone));
  resend.setMode("ok");
  twilio.setMode("ok");
});

/** A registration whose two confirmations (email + SMS) are due now; other rows are pushed out of the way. */
async function confirmations(email: string, timezone = zone) {
  const event = await makeEvent(h.db, { timezone, start: "2027-12-10 09:00" });
  const res = await registerAttendee(h.db, {
    eventSlug: event.slug, firstName: "Ana", lastName: "Silva", email, phone: "+1 512 555 0177", smsConsent: true,
  });
  if (!res.ok) throw new Error(res.error.message);
  const rows = await h.db.select().from(eventMessages).where(eq(eventMessages.attendeeId, res.attendeeId));
  const conf = rows.filter((m) => m.type === "registration_confirmation");
  // Keep each test to its own two messages: nothing else may be due when the driver ticks.
  await h.db
    .update(eventMessages)
    .set({ status: "cancelled", statusReason: "test isolation" })
    .where(and(eq(eventMessages.status, "scheduled"), notInArray(eventMessages.id, conf.map((m) => m.id))));
  return { email: conf.find((m) => m.channel === "email")!, sms: conf.find((m) => m.channel === "sms")! };
}

async function row(id: string) {
  const [m] = await h.db.select().from(eventMessages).where(eq(eventMessages.id, id));
  return m;
}

function driver() {
  return startLocalDriver({ db: h.db, channels, mode: "all", intervalMs: 3_600_000 });
}

describe("delivery through the real provider clients", () => {
  it("sends due email and SMS once, with the row id as Resend's Idempotency-Key", async () => {
    const { email, sms } = await confirmations("ok@example.com");
    const d = driver();
    await d.tick();
    await d.tick(); // a second pass finds nothing to send
    await d.stop();
    const sentEmail = resend.requests.filter((r) => r.headers["idempotency-key"] === email.id);
    expect(sentEmail).toHaveLength(1);
    expect([(sentEmail[0].body as { to: string[] | string }).to].flat()).toEqual(["ok@example.com"]);
    const sentSms = twilio.requests.filter((r) => r.method === "POST" && (r.body as Record<string, string>).To === "+15125550177");
    expect(sentSms).toHaveLength(1);
    expect(await row(email.id)).toMatchObject({ status: "sent", attempts: 1, toAddress: "ok@example.com" });
    const smsRow = await row(sms.id);
    expect(smsRow).toMatchObject({ status: "sent", attempts: 1, toAddress: "+15125550177" });
    expect(smsRow.providerMessageId).toMatch(/^SM/);
    expect(smsRow.renderedBody).toBe((sentSms[0].body as Record<string, string>).Body);
  });

  it("retries a 5xx after 5 s and then 10 s, and succeeds on the third attempt", async () => {
    const { email } = await confirmations("retry@example.com");
    resend.setMode([500, 503, "ok"]);
    twilio.setMode("ok");
    const d = driver();
    await d.tick();
    let m = await row(email.id);
    expect(m).toMatchObject({ status: "scheduled", attempts: 1 });
    expect(m.nextAttemptAt!.getTime() - now().getTime()).toBe(5_000);
    advance(4_000);
    await d.tick();
    expect((await row(email.id)).attempts).toBe(1); // not due yet
    advance(1_000);
    await d.tick();
    m = await row(email.id);
    expect(m).toMatchObject({ status: "scheduled", attempts: 2 });
    expect(m.nextAttemptAt!.getTime() - now().getTime()).toBe(10_000);
    advance(10_000);
    await d.tick();
    await d.stop();
    expect(await row(email.id)).toMatchObject({ status: "sent", attempts: 3 });
    expect(resend.requests.filter((r) => r.headers["idempotency-key"] === email.id)).toHaveLength(3);
  });

  it("gives up after the first try and 3 retries (5 s, 10 s, 20 s) with the reason", async () => {
    const { sms } = await confirmations("giveup@example.com");
    twilio.setMode([500, 500, 500, 500]);
    const d = driver();
    for (const wait of [0, 5_000, 10_000, 20_000]) {
      advance(wait);
      await d.tick();
    }
    await d.stop();
    const m = await row(sms.id);
    expect(m.status).toBe("failed");
    expect(m.attempts).toBe(4);
    expect(m.statusReason).toMatch(/^gave up after 4 attempts/);
  });

  it("fails at once, without retrying, when Twilio says the number opted out (21610)", async () => {
    const { sms } = await confirmations("optedout@example.com");
    twilio.setMode({ code: 21610 });
    const d = driver();
    await d.tick();
    advance(60_000);
    await d.tick();
    await d.stop();
    const m = await row(sms.id);
    expect(m).toMatchObject({ status: "failed", attempts: 1 });
    expect(m.statusReason).toContain("21610");
  });

  it("honours a 429's Retry-After when it is longer than the backoff", async () => {
    const { email } = await confirmations("ratelimited@example.com");
    resend.setMode([{ status: 429, retryAfterSeconds: 30 }, "ok"]);
    const d = driver();
    await d.tick();
    await d.stop();
    const m = await row(email.id);
    expect(m.status).toBe("scheduled");
    expect(m.nextAttemptAt!.getTime() - now().getTime()).toBe(30_000);
  });

  it("does not resend an SMS whose send timed out after Twilio accepted it: it reconciles", async () => {
    // Twilio's list filters by its own clock: keep ours on real time for this one, with
    // the event in a zone where it is midday now (an SMS at night waits for 08:00).
    freeze(new Date());
    const offset = 12 - new Date().getUTCHours();
    const { sms } = await confirmations("uncertain@example.com", `Etc/GMT${offset <= 0 ? "+" : "-"}${Math.abs(offset)}`);
    twilio.setMode(["accept-then-hang"]);
    const d = driver();
    await d.tick();
    await d.stop();
    let m = await row(sms.id);
    expect(m.status, `${m.status} ${m.attempts} ${m.lastError} ${m.statusReason}`).toBe("sending");
    expect(m.uncertainSince).not.toBeNull();
    advance(31_000);
    const tally = await reconcileUncertainSms(h.db, channels);
    expect(tally).toMatchObject({ confirmed: 1, retried: 0 });
    m = await row(sms.id);
    expect(m.status).toBe("sent");
    expect(m.providerMessageId).toMatch(/^SM/);
    const posts = twilio.requests.filter((r) => r.method === "POST" && (r.body as Record<string, string>).Body === m.renderedBody);
    expect(posts).toHaveLength(1);
  });

  it("retries an SMS whose timed-out send Twilio never got", async () => {
    const { sms } = await confirmations("lost@example.com");
    twilio.setMode(["hang", "ok"]);
    const d = driver();
    await d.tick();
    advance(31_000);
    expect(await reconcileUncertainSms(h.db, channels)).toMatchObject({ confirmed: 0, retried: 1 });
    await d.tick();
    await d.stop();
    const m = await row(sms.id);
    expect(m, `${m.status} ${m.attempts} ${m.statusReason} ${m.lastError}`).toMatchObject({ status: "sent", attempts: 2 });
  });
});
