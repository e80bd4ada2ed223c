import { afterEach, describe, expect, it } from "vitest";
import { createDevEmailChannel, createDevSmsChannel } from "./dev-outbox";
import { buildChannels, getChannels, setChannelsForTests } from "./index";
import { envSchema } from "@/lib/env";
import type { Channels, OutgoingSms } from "./types";

const sms = (overrides: Partial<OutgoingSms> = {}): OutgoingSms => ({
  messageId: "msg_dev_1",
  to: "+447700900123",
  body: "See you at 19:00",
  ...overrides,
});

describe("dev outbox", () => {
  it("accepts an email under a dev_ id derived from the outbox row", async () => {
    const result = await createDevEmailChannel().send({
      messageId: "msg_email_1",
      to: "ada@example.com",
      subject: "Hi",
      html: "<p>Hi</p>",
      text: "Hi",
    });
    expect(result).toEqual({ ok: true, provider: "dev-outbox", providerMessageId: "dev_msg_email_1" });
  });

  it("accepts an SMS and finds it again on lookup", async () => {
    const channel = createDevSmsChannel();
    expect(await channel.send(sms())).toEqual({ ok: true, provider: "dev-outbox", providerMessageId: "dev_msg_dev_1" });
    expect(await channel.lookup(sms(), new Date(0))).toEqual({
      found: true,
      providerMessageId: "dev_msg_dev_1",
      status: "delivered",
    });
  });

  it("does not find an SMS it never recorded, or one whose body or number differs", async () => {
    const channel = createDevSmsChannel();
    await channel.send(sms({ messageId: "msg_dev_2" }));
    expect(await channel.lookup(sms({ messageId: "msg_never_sent" }), new Date(0))).toEqual({ found: false });
    expect(await channel.lookup(sms({ messageId: "msg_dev_2", body: "other" }), new Date(0))).toEqual({ found: false });
    expect(await channel.lookup(sms({ messageId: "msg_dev_2", to: "+15005550006" }), new Date(0))).toEqual({ found: false });
  });

  it("remembers a bounded number of SMS, forgetting the oldest first", async () => {
    const channel = createDevSmsChannel();
    await channel.send(sms({ messageId: "msg_oldest" }));
    for (let i = 0; i < 1_000; i++) await channel.send(sms({ messageId: `msg_fill_${i}` }));
    expect(await channel.lookup(sms({ messageId: "msg_oldest" }), new Date(0))).toEqual({ found: false });
    expect(await channel.lookup(sms({ messageId: "msg_fill_999" }), new Date(0))).toMatchObject({ found: true });
  });
});

describe("getChannels", () => {
  afterEach(() => setChannelsForTests(undefined));
  const parseEnv = (vars: Record<string, string>) => envSchema.parse({ NODE_ENV: "test", ...vars });

  it("uses the dev outbox for both channels when no provider keys are set", () => {
    const channels = buildChannels(parseEnv({}));
    expect([channels.email.name, channels.sms.name]).toEqual(["dev-outbox", "dev-outbox"]);
  });

  it("uses Resend with RESEND_API_KEY and Twilio only with SID, token and sender all set", () => {
    const twilio = { TWILIO_ACCOUNT_SID: "AC0123456789abcdef0123456789abcdef", TWILIO_AUTH_TOKEN: "token" };
    expect(buildChannels(parseEnv({ RESEND_API_KEY: "re_x", ...twilio })).sms.name).toBe("dev-outbox");
    const channels = buildChannels(parseEnv({ RESEND_API_KEY: "re_x", ...twilio, TWILIO_FROM: "+15005550006" }));
    expect([channels.email.name, channels.sms.name]).toEqual(["resend", "twilio"]);
  });

  it("builds the process's channels once and reuses them", () => {
    expect(getChannels()).toBe(getChannels());
  });

  it("returns the test override while one is set", () => {
    const override: Channels = { email: createDevEmailChannel(), sms: createDevSmsChannel() };
    setChannelsForTests(override);
    expect(getChannels()).toBe(override);
    setChannelsForTests(undefined);
    expect(getChannels(parseEnv({}))).not.toBe(override);
  });
});
