import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createResendChannel } from "./resend";
import { parseRetryAfterMs } from "../retry-after";
import type { OutgoingEmail } from "../types";
import { startResendFake, type ResendFake } from "@/tests/fakes/resend-fake";
import { refusedUrl } from "@/tests/fakes/scripted-server";

const FROM = "TPX Events <events@tpx.test>";
const LOGO_BASE64 = Buffer.from("fake-png-bytes").toString("base64");

function email(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    messageId: "msg_01HZXEMAIL",
    to: "ada@example.com",
    subject: "Your plan for tonight",
    html: '<p>Hi Ada</p><img src="cid:logo">',
    text: "Hi Ada",
    headers: { "List-Unsubscribe": "<https://tpx.test/u/abc>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    attachments: [
      { filename: "ticket.ics", content: "QkVHSU46VkNBTEVOREFS", contentType: "text/calendar" },
      { filename: "logo.png", content: LOGO_BASE64, contentType: "image/png", contentId: "logo" },
    ],
    ...overrides,
  };
}

describe("createResendChannel against a fake Resend", () => {
  let fake: ResendFake;
  const channel = () => createResendChannel({ apiKey: "re_test_key", baseUrl: fake.url, from: FROM, timeoutMs: 300 });

  beforeAll(async () => {
    fake = await startResendFake();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    fake.setMode("ok");
  });

  it("sends through the real SDK with the row id as Idempotency-Key and everything passed through", async () => {
    const result = await channel().send(email());

    expect(result).toEqual({ ok: true, provider: "resend", providerMessageId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/emails");
    expect(request.headers["idempotency-key"]).toBe("msg_01HZXEMAIL");
    expect(request.headers.authorization).toBe("Bearer re_test_key");
    expect(request.body).toMatchObject({
      from: FROM,
      to: "ada@example.com",
      subject: "Your plan for tonight",
      html: '<p>Hi Ada</p><img src="cid:logo">',
      text: "Hi Ada",
      headers: { "List-Unsubscribe": "<https://tpx.test/u/abc>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      attachments: [
        { filename: "ticket.ics", content: "QkVHSU46VkNBTEVOREFS", content_type: "text/calendar" },
        { filename: "logo.png", content: LOGO_BASE64, content_type: "image/png", content_id: "logo" },
      ],
    });
  });

  it("gets the same Resend id back when a retry reuses the key", async () => {
    const first = await channel().send(email({ messageId: "msg_retry" }));
    const second = await channel().send(email({ messageId: "msg_retry" }));
    expect(first.ok && second.ok && second.providerMessageId === first.providerMessageId).toBe(true);
  });

  it("treats a 500 as transient", async () => {
    fake.setMode(500);
    const result = await channel().send(email());
    expect(result).toMatchObject({ ok: false, kind: "transient", code: "internal_server_error" });
    expect(result.ok === false && result.reason).toContain("resend 500");
  });

  it("treats a 503 as transient", async () => {
    fake.setMode({ status: 503, name: "application_error", message: "Service unavailable" });
    expect(await channel().send(email())).toMatchObject({ ok: false, kind: "transient" });
  });

  it("turns a 429's Retry-After into retryAfterMs", async () => {
    fake.setMode({ status: 429, retryAfterSeconds: 7 });
    const result = await channel().send(email());
    expect(result).toMatchObject({ ok: false, kind: "transient", code: "rate_limit_exceeded", retryAfterMs: 7000 });
  });

  it("leaves retryAfterMs out when a 429 carries no Retry-After", async () => {
    fake.setMode(429);
    const result = await channel().send(email());
    expect(result).toMatchObject({ ok: false, kind: "transient" });
    expect(result).not.toHaveProperty("retryAfterMs");
  });

  it("fails at once on a validation error, with Resend's message as the reason", async () => {
    fake.setMode({ status: 422, name: "validation_error", message: "Invalid `to` field. The email address needs to follow the `email@example.com` format." });
    const result = await channel().send(email({ to: "not-an-address" }));
    expect(result).toEqual({
      ok: false,
      kind: "permanent",
      code: "validation_error",
      reason: "Invalid `to` field. The email address needs to follow the `email@example.com` format.",
    });
  });

  it("treats a concurrent request with the same key (409) as transient, a changed payload as permanent", async () => {
    fake.setMode({ status: 409, name: "concurrent_idempotent_requests", message: "in progress" });
    expect(await channel().send(email())).toMatchObject({ ok: false, kind: "transient" });
    fake.setMode({ status: 409, name: "invalid_idempotent_request", message: "payload changed" });
    expect(await channel().send(email())).toMatchObject({ ok: false, kind: "permanent", reason: "payload changed" });
  });

  it("gives up after timeoutMs when Resend never answers, as a transient failure", async () => {
    fake.setMode("hang");
    const started = performance.now();
    const result = await channel().send(email());
    const elapsed = performance.now() - started;
    expect(result).toEqual({ ok: false, kind: "transient", code: "application_error", reason: "resend: no answer within 300 ms" });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2000);
    expect(fake.requests).toHaveLength(1);
  });

  it("follows a scripted sequence: two 500s, then success", async () => {
    fake.setMode([500, 500, "ok"]);
    const kinds = [];
    for (let i = 0; i < 3; i++) {
      const r = await channel().send(email());
      kinds.push(r.ok ? "ok" : r.kind);
    }
    expect(kinds).toEqual(["transient", "transient", "ok"]);
    expect(fake.requests.map((r) => r.headers["idempotency-key"])).toEqual(Array(3).fill("msg_01HZXEMAIL"));
  });

  it("treats a refused connection as transient", async () => {
    const refused = createResendChannel({ apiKey: "re_test_key", baseUrl: await refusedUrl(), from: FROM, timeoutMs: 300 });
    const result = await refused.send(email());
    expect(result).toMatchObject({ ok: false, kind: "transient" });
    expect(result.ok === false && result.reason).toContain("Unable to fetch data");
  });
});

describe("parseRetryAfterMs", () => {
  const now = Date.parse("2026-05-01T12:00:00Z");
  it.each([
    ["30", 30_000],
    ["0", 0],
    ["1.5", 1_500],
    ["Fri, 01 May 2026 12:00:45 GMT", 45_000],
    ["Fri, 01 May 2026 11:00:00 GMT", 0],
    ["soon", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("%s → %s", (value, expected) => {
    expect(parseRetryAfterMs(value, now)).toBe(expected);
  });
});
