import { emailFrom, env, smsConfigured, type Env } from "@/lib/env";
import type { Channels } from "./types";
import { createResendChannel } from "./email/resend";
import { requestThrottle } from "./throttle";
import { createTwilioChannel } from "./sms/twilio";
import { createDevEmailChannel, createDevSmsChannel } from "./dev-outbox";

export type { Channels, EmailChannel, SmsChannel, SendResult, OutgoingEmail, OutgoingSms, SmsLookup } from "./types";

/** Which real provider each channel uses, decided by which keys are configured. */
export function buildChannels(e: Env): Channels {
  const email = e.RESEND_API_KEY
    ? createResendChannel({ apiKey: e.RESEND_API_KEY, baseUrl: e.RESEND_BASE_URL, from: emailFrom(e), throttle: requestThrottle(e.RESEND_REQUESTS_PER_SECOND) })
    : createDevEmailChannel();
  const sms =
    smsConfigured(e)
      ? createTwilioChannel({
          accountSid: e.TWILIO_ACCOUNT_SID!,
          authToken: e.TWILIO_AUTH_TOKEN!,
          from: e.TWILIO_FROM!,
          baseUrl: e.TWILIO_BASE_URL,
        })
      : createDevSmsChannel();
  return { email, sms };
}

// On globalThis: one set of clients (and their keep-alive sockets) per process, across hot reloads.
const g = globalThis as unknown as { __tpxChannels?: Channels; __tpxChannelsOverride?: Channels };

/**
 * The process's channels. Without an argument they are built once from `env()` and cached;
 * an explicit `e` builds a fresh, uncached set (scripts, tests). A test override wins over both.
 */
export function getChannels(e?: Env): Channels {
  if (g.__tpxChannelsOverride) return g.__tpxChannelsOverride;
  if (e) return buildChannels(e);
  return (g.__tpxChannels ??= buildChannels(env()));
}

/** Swap in fakes or recorders for a test; `undefined` restores the env-configured channels. */
export function setChannelsForTests(channels: Channels | undefined): void {
  g.__tpxChannelsOverride = channels;
  if (!channels) g.__tpxChannels = undefined;
}
