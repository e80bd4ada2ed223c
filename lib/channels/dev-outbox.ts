import type { EmailChannel, SmsChannel } from "./types";

/**
 * The dev outbox (SPEC §4): a real channel that sends nothing. The caller has already
 * stored the exact rendered message on the outbox row, which is what the admin console
 * shows, so "sending" here only has to succeed with a stable, recognisable id.
 */
const PROVIDER = "dev-outbox";
/** Enough for a long dev session; the outbox table is the durable record. */
const MAX_REMEMBERED_SMS = 1_000;

type RememberedSms = { to: string; body: string; providerMessageId: string };

// On globalThis so Next's dev hot reload does not forget what this process "sent".
const g = globalThis as unknown as { __tpxDevOutboxSms?: Map<string, RememberedSms> };
const sentSms: Map<string, RememberedSms> = (g.__tpxDevOutboxSms ??= new Map());

export function createDevEmailChannel(): EmailChannel {
  return {
    name: PROVIDER,
    async send(email) {
      return { ok: true, provider: PROVIDER, providerMessageId: `dev_${email.messageId}` };
    },
  };
}

export function createDevSmsChannel(): SmsChannel {
  return {
    name: PROVIDER,
    async send(sms) {
      const providerMessageId = `dev_${sms.messageId}`;
      sentSms.delete(sms.messageId); // re-insert so the newest entries are the last evicted
      sentSms.set(sms.messageId, { to: sms.to, body: sms.body, providerMessageId });
      const oldest = sentSms.keys().next().value;
      if (sentSms.size > MAX_REMEMBERED_SMS && oldest !== undefined) sentSms.delete(oldest);
      return { ok: true, provider: PROVIDER, providerMessageId };
    },
    async lookup(sms) {
      const sent = sentSms.get(sms.messageId);
      if (!sent || sent.to !== sms.to || sent.body !== sms.body) return { found: false };
      return { found: true, providerMessageId: sent.providerMessageId, status: "delivered" };
    },
  };
}
