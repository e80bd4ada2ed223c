import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTwilioChannel, type TwilioChannelOptions } from "./twilio";
import type { OutgoingSms } from "../types";
import { startTwilioFake, type TwilioFake } from "@/tests/fakes/twilio-fake";
import { refusedUrl } from "@/tests/fakes/scripted-server";

const ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
const AUTH_TOKEN = "test-auth-token";
const FROM_NUMBER = "+15005550006";
const MESSAGES_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;

function sms(overrides: Partial<OutgoingSms> = {}): OutgoingSms {
  return { messageId: "msg_01HZXSMS", to: "+447700900123", body: "Doors open at 19:00. Your table: 4.", ...overrides };
}

describe("createTwilioChannel against a fake Twilio", () => {
  let fake: TwilioFake;
  const channel = (overrides: Partial<TwilioChannelOptions> = {}) =>
    createTwilioChannel({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      from: FROM_NUMBER,
      baseUrl: fake.url,
      timeoutMs: 300,
      ...overrides,
    });

  beforeAll(async () => {
    fake = await startTwilioFake({ maxPageSize: 2 });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    fake.accepted.length = 0;
    fake.setMode("ok");
  });

  it("sends To/From/Body with Basic auth and returns Twilio's SID", async () => {
    const result = await channel().send(sms({ statusCallback: "https://tpx.test/api/twilio/status" }));

    expect(fake.accepted).toHaveLength(1);
    expect(result).toEqual({ ok: true, provider: "twilio", providerMessageId: fake.accepted[0].sid });
    expect(fake.accepted[0].sid).toMatch(/^SM[0-9a-f]{32}$/);
    const [request] = fake.requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe(MESSAGES_PATH);
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString("base64")}`);
    expect(request.headers["content-type"]).toContain("application/x-www-form-urlencoded");
    expect(request.body).toEqual({
      To: "+447700900123",
      From: FROM_NUMBER,
      Body: "Doors open at 19:00. Your table: 4.",
      StatusCallback: "https://tpx.test/api/twilio/status",
    });
  });

  it("sends from a Messaging Service when `from` is an MG SID", async () => {
    const result = await channel({ from: "MG0123456789abcdef0123456789abcdef" }).send(sms());
    expect(result.ok).toBe(true);
    expect(fake.sentForms()).toEqual([
      { To: "+447700900123", MessagingServiceSid: "MG0123456789abcdef0123456789abcdef", Body: "Doors open at 19:00. Your table: 4." },
    ]);
  });

  it("treats a 500 as transient", async () => {
    fake.setMode(500);
    expect(await channel().send(sms())).toMatchObject({ ok: false, kind: "transient", code: 20500 });
  });

  it("turns a 429's Retry-After into retryAfterMs", async () => {
    fake.setMode({ status: 429, code: 20429, retryAfterSeconds: 3 });
    expect(await channel().send(sms())).toMatchObject({ ok: false, kind: "transient", code: 20429, retryAfterMs: 3000 });
  });

  it("keeps each concurrent send's Retry-After to itself", async () => {
    fake.setMode([
      { status: 429, retryAfterSeconds: 3 },
      { status: 429, retryAfterSeconds: 9 },
    ]);
    const shared = channel();
    const results = await Promise.all([shared.send(sms()), shared.send(sms({ to: "+447700900999" }))]);
    const waits = results.map((r) => (r.ok ? undefined : r.retryAfterMs)).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(waits).toEqual([3000, 9000]);
  });

  it("fails at once when the recipient opted out (21610)", async () => {
    fake.setMode({ code: 21610 });
    expect(await channel().send(sms())).toEqual({
      ok: false,
      kind: "permanent",
      code: 21610,
      reason: "recipient has opted out (Twilio 21610)",
    });
  });

  it.each([21211, 21614])("fails at once on an invalid or non-mobile number (%i)", async (code) => {
    fake.setMode({ code });
    const result = await channel().send(sms({ to: "+15005550001" }));
    expect(result).toMatchObject({ ok: false, kind: "permanent", code });
    expect(result.ok === false && result.reason).toMatch(new RegExp(`'To'.*\\(Twilio ${code}\\)$`));
  });

  it("fails at once on another 4xx with Twilio's message", async () => {
    fake.setMode({ code: 21408, message: "Permission to send an SMS has not been enabled for the region indicated by the 'To' number" });
    expect(await channel().send(sms())).toEqual({
      ok: false,
      kind: "permanent",
      code: 21408,
      reason: "Permission to send an SMS has not been enabled for the region indicated by the 'To' number",
    });
  });

  it("reports a timeout as uncertain, never as transient", async () => {
    fake.setMode("hang");
    const started = performance.now();
    const result = await channel().send(sms());
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result).toEqual({
      ok: false,
      kind: "uncertain",
      code: "ECONNABORTED",
      reason: "twilio: no answer within 300 ms; the SMS may have been accepted",
    });
  });

  it("treats a refused connection (nothing sent) as transient", async () => {
    const result = await channel({ baseUrl: await refusedUrl() }).send(sms());
    expect(result).toMatchObject({ ok: false, kind: "transient", code: "ECONNREFUSED" });
  });

  it("follows a scripted sequence: 503, 500, then success", async () => {
    fake.setMode([503, 500, "ok"]);
    const kinds = [];
    for (let i = 0; i < 3; i++) {
      const r = await channel().send(sms());
      kinds.push(r.ok ? "ok" : r.kind);
    }
    expect(kinds).toEqual(["transient", "transient", "ok"]);
    expect(fake.accepted).toHaveLength(1);
  });

  describe("lookup (reconciling an uncertain send)", () => {
    it("finds a message Twilio accepted although the send timed out", async () => {
      const since = new Date(Date.now() - 1000);
      fake.setMode("accept-then-hang");
      const sent = await channel().send(sms());
      expect(sent).toMatchObject({ ok: false, kind: "uncertain" });
      expect(fake.accepted).toHaveLength(1);

      const found = await channel().lookup(sms(), since);

      expect(found).toEqual({ found: true, providerMessageId: fake.accepted[0].sid, status: "sent", acceptedAt: expect.any(Date) });
      const list = fake.requests.filter((r) => r.method === "GET");
      expect(list).toHaveLength(1);
      expect(list[0].path).toBe(MESSAGES_PATH);
      expect(list[0].query.To).toBe("+447700900123");
      expect(list[0].query["DateSent>"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    });

    it("does not find a message that never reached Twilio", async () => {
      fake.setMode("hang");
      const since = new Date(Date.now() - 1000);
      expect(await channel().send(sms())).toMatchObject({ kind: "uncertain" });
      expect(await channel().lookup(sms(), since)).toEqual({ found: false });
    });

    it("does not match a different body or another number", async () => {
      const since = new Date(Date.now() - 1000);
      await channel().send(sms({ body: "Doors open at 19:00. Your table: 5." }));
      await channel().send(sms({ to: "+447700900999" }));
      expect(await channel().lookup(sms(), since)).toEqual({ found: false });
    });

    it("follows Twilio's next_page_uri back to the same (fake) host", async () => {
      const since = new Date(Date.now() - 1000);
      await channel().send(sms({ body: "oldest" }));
      await new Promise((r) => setTimeout(r, 5)); // distinct timestamps so "newest first" is well defined
      await channel().send(sms({ body: "middle" }));
      await new Promise((r) => setTimeout(r, 5));
      await channel().send(sms({ body: "newest" }));

      const found = await channel().lookup(sms({ body: "oldest" }), since);

      expect(found).toMatchObject({ found: true, providerMessageId: fake.accepted[0].sid });
      const pages = fake.requests.filter((r) => r.method === "GET").map((r) => r.query.Page ?? "first");
      expect(pages).toEqual(["first", "1"]);
    });

    it("ignores an identical message sent before `since`", async () => {
      await channel().send(sms());
      const tenMinutesLater = new Date(Date.now() + 10 * 60_000);
      expect(await channel().lookup(sms(), tenMinutesLater)).toEqual({ found: false });
    });

    it("throws when Twilio cannot be asked, rather than answering not found", async () => {
      const unreachable = channel({ baseUrl: await refusedUrl() });
      await expect(unreachable.lookup(sms(), new Date())).rejects.toThrow();
    });
  });
});
