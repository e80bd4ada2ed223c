import { createHmac } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import twilio from "twilio";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contractors, eventMessages, inboundMessages } from "@/db/schema";
import { POST as resendWebhook } from "@/app/api/webhooks/resend/route";
import { POST as smsWebhook } from "@/app/api/webhooks/twilio/sms/route";
import { POST as statusWebhook } from "@/app/api/webhooks/twilio/status/route";
import { createDevSmsChannel, createDevEmailChannel } from "@/lib/channels/dev-outbox";
import { createTwilioChannel } from "@/lib/channels/sms/twilio";
import { freeze, resetClock } from "@/lib/clock";
import { setDbHandle } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { deliverMessage } from "@/lib/messaging/deliver";
import { nextDeliveryStatus } from "@/lib/inbound/delivery-status";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";
import { startTwilioFake, type TwilioFake } from "./fakes/twilio-fake";
import { makeTexter } from "./inbound-support";

/** The webhooks as Twilio and Resend call them: signatures, idempotency, ordering, STOP end to end. */
const AUTH_TOKEN = "twilio-test-auth-token";
const PUBLIC = "https://tpx.example.com";
const RESEND_SECRET = `whsec_${Buffer.from("resend-test-secret-0123456789").toString("base64")}`;
const AT = local("2026-12-10 12:40", "America/Chicago");
let h: DbHandle;
let fake: TwilioFake;
let n = 0;
const sid = () => `SM${(++n).toString(16).padStart(32, "0")}`;

function twilioRequest(path: string, params: Record<string, string>, opts: { sign?: "ok" | "none" | { url: string }; tamper?: Record<string, string>; host?: string } = {}) {
  const signedUrl = typeof opts.sign === "object" ? opts.sign.url : `${PUBLIC}${path}`;
  const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, signedUrl, params);
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (opts.sign !== "none") headers["x-twilio-signature"] = signature;
  // The app runs behind a proxy: the URL it sees is internal. Only the configured base counts.
  return new Request(`http://${opts.host ?? "10.0.0.7:3000"}${path}`, {
    method: "POST",
    headers,
    body: new URLSearchParams({ ...params, ...opts.tamper }).toString(),
  });
}

beforeAll(async () => {
  h = await createTestDb();
  setDbHandle(h);
  fake = await startTwilioFake();
  Object.assign(process.env, { TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_WEBHOOK_BASE_URL: PUBLIC, RESEND_WEBHOOK_SECRET: RESEND_SECRET });
  resetEnvForTests();
});
afterAll(async () => {
  for (const k of ["TWILIO_AUTH_TOKEN", "TWILIO_WEBHOOK_BASE_URL", "RESEND_WEBHOOK_SECRET"]) delete process.env[k];
  resetEnvForTests();
  resetClock();
  setDbHandle(undefined);
  await fake.close();
  await h.close();
});
beforeEach(() => freeze(AT));

describe("POST /api/webhooks/twilio/sms signature", () => {
  it("accepts a valid signature (checked against the public URL, not the Host) and stores the text once", async () => {
    const e = await makeEvent(h.db);
    const t = await makeTexter(h.db, e);
    const params = { MessageSid: sid(), From: t.phone, To: "+15125550100", Body: "what's next?", AccountSid: "AC" + "1".repeat(32) };
    const res = await smsWebhook(twilioRequest("/api/webhooks/twilio/sms", params, { host: "evil.example" }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<Response></Response>");

    // Twilio retries the same MessageSid: answered the same, processed once.
    const again = await smsWebhook(twilioRequest("/api/webhooks/twilio/sms", params));
    expect(again.status).toBe(200);
    const rows = await h.db.select().from(inboundMessages).where(eq(inboundMessages.providerSid, params.MessageSid));
    expect(rows).toHaveLength(1);
    const replies = await h.db.select().from(eventMessages).where(and(eq(eventMessages.attendeeId, t.attendee.id), eq(eventMessages.type, "sms_reply")));
    expect(replies).toHaveLength(1);
  });

  it.each([
    ["a tampered parameter", { tamper: { Body: "STOP" } }],
    ["a signature for another URL", { sign: { url: "https://attacker.example/api/webhooks/twilio/sms" } }],
    ["a missing header", { sign: "none" as const }],
  ])("refuses %s with 403 and stores nothing", async (_label, opts) => {
    const params = { MessageSid: sid(), From: "+15125550111", Body: "hello" };
    const res = await smsWebhook(twilioRequest("/api/webhooks/twilio/sms", params, opts));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: "bad_signature", message: expect.any(String) } });
    expect(await h.db.select().from(inboundMessages).where(eq(inboundMessages.providerSid, params.MessageSid))).toHaveLength(0);
  });

  it("refuses a body that is not a form", async () => {
    const res = await smsWebhook(new Request(`${PUBLIC}/api/webhooks/twilio/sms`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));
    expect(res.status).toBe(400);
  });
});

describe("STOP honoured end to end", () => {
  it("100 pending SMS for a number, STOP arrives: none is sent afterwards", async () => {
    const e = await makeEvent(h.db);
    const t = await makeTexter(h.db, e);
    const rows = await h.db
      .insert(eventMessages)
      .values(
        Array.from({ length: 100 }, (_, i) => ({
          eventId: e.id, attendeeId: t.attendee.id, contractorId: t.contractor.id, type: "agenda_ready" as const, channel: "sms" as const,
          dedupeKey: `s${i}`, scheduledFor: new Date(AT.getTime() - 1000), personalization: {},
        })),
      )
      .returning({ id: eventMessages.id });
    // Ten of them are already claimed by a driver when the STOP lands.
    const inFlight = rows.slice(0, 10).map((r) => r.id);
    await h.db.execute(sql`update event_messages set status = 'sending' where id in (${sql.join(inFlight.map((id) => sql`${id}::uuid`), sql`, `)})`);

    const res = await smsWebhook(twilioRequest("/api/webhooks/twilio/sms", { MessageSid: sid(), From: t.phone, Body: "Stop!" }));
    expect(res.status).toBe(200);

    // The driver's claimed rows go back to scheduled (a crashed claim recovered) and every row is delivered through the real code.
    await h.db.execute(sql`update event_messages set status = 'scheduled' where id in (${sql.join(inFlight.map((id) => sql`${id}::uuid`), sql`, `)})`);
    const channels = { sms: createDevSmsChannel(), email: createDevEmailChannel() };
    const outcomes = await Promise.all(rows.map((r) => deliverMessage(h.db, r.id, { channels, now: () => AT })));
    expect(outcomes.filter((o) => o.status === "sent")).toHaveLength(0);
    const after = await h.db.select().from(eventMessages).where(eq(eventMessages.attendeeId, t.attendee.id));
    expect(after.every((m) => m.status === "skipped" && m.statusReason === "opted out of SMS")).toBe(true);
    expect(after).toHaveLength(100);
  });

  it("Twilio 21610 on send marks the number opted out", async () => {
    const e = await makeEvent(h.db);
    const t = await makeTexter(h.db, e);
    const [row] = await h.db
      .insert(eventMessages)
      .values({ eventId: e.id, attendeeId: t.attendee.id, contractorId: t.contractor.id, type: "agenda_ready", channel: "sms", dedupeKey: "m", scheduledFor: AT })
      .returning();
    fake.setMode({ code: 21610 });
    const sms = createTwilioChannel({ accountSid: "AC" + "0".repeat(32), authToken: "x", from: "+15125550100", baseUrl: fake.url, timeoutMs: 2000 });
    const out = await deliverMessage(h.db, row.id, { channels: { sms, email: createDevEmailChannel() }, now: () => AT });
    expect(out).toMatchObject({ status: "failed" });
    const [c] = await h.db.select().from(contractors).where(eq(contractors.id, t.contractor.id));
    expect(c.smsOptedOutAt).not.toBeNull();
  });
});

describe("POST /api/webhooks/twilio/status", () => {
  it("never moves a delivery status backwards", async () => {
    const e = await makeEvent(h.db);
    const t = await makeTexter(h.db, e);
    const providerId = sid();
    const [row] = await h.db
      .insert(eventMessages)
      .values({ eventId: e.id, attendeeId: t.attendee.id, contractorId: t.contractor.id, type: "agenda_ready", channel: "sms", dedupeKey: "st", scheduledFor: AT, status: "sent", providerMessageId: providerId })
      .returning();
    const post = (status: string) => statusWebhook(twilioRequest("/api/webhooks/twilio/status", { MessageSid: providerId, MessageStatus: status }));
    for (const s of ["sent", "delivered", "sent", "queued", "delivered"]) expect((await post(s)).status).toBe(204);
    const [m] = await h.db.select().from(eventMessages).where(eq(eventMessages.id, row.id));
    expect(m.deliveryStatus).toBe("delivered");
    const unsigned = await statusWebhook(twilioRequest("/api/webhooks/twilio/status", { MessageSid: providerId, MessageStatus: "failed" }, { sign: "none" }));
    expect(unsigned.status).toBe(403);
  });

  it.each([
    [null, "queued", "queued"],
    ["queued", "sent", "sent"],
    ["sent", "queued", null],
    ["delivered", "undelivered", null],
    ["sent", "failed", "failed"],
    ["failed", "delivered", null],
    ["delivered", "delivered", null],
    ["sent", "bogus", null],
  ])("%s + %s → %s", (current, incoming, want) => expect(nextDeliveryStatus(current, incoming)).toBe(want));
});

describe("POST /api/webhooks/resend", () => {
  function signed(payload: object, secret = RESEND_SECRET) {
    const body = JSON.stringify(payload);
    const id = "msg_" + Math.random().toString(36).slice(2);
    const ts = String(Math.floor(Date.now() / 1000));
    const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
    const signature = createHmac("sha256", key).update(`${id}.${ts}.${body}`).digest("base64");
    return new Request(`${PUBLIC}/api/webhooks/resend`, {
      method: "POST",
      headers: { "content-type": "application/json", "svix-id": id, "svix-timestamp": ts, "svix-signature": `v1,${signature}` },
      body,
    });
  }

  it("a signed bounce stops email to the address; a bad signature is refused", async () => {
    const e = await makeEvent(h.db);
    const t = await makeTexter(h.db, e);
    const event = { type: "email.bounced", created_at: new Date().toISOString(), data: { email_id: "e1", to: [t.contractor.email], bounce: { type: "Permanent", subType: "General", message: "no such user" } } };
    const forged = await resendWebhook(signed(event, `whsec_${Buffer.from("another-secret-abcdefghijk").toString("base64")}`));
    expect(forged.status).toBe(403);
    expect((await h.db.select().from(contractors).where(eq(contractors.id, t.contractor.id)))[0].emailBouncedAt).toBeNull();

    expect((await resendWebhook(signed(event))).status).toBe(204);
    expect((await h.db.select().from(contractors).where(eq(contractors.id, t.contractor.id)))[0].emailBouncedAt).not.toBeNull();
  });
});
