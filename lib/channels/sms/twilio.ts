import { AsyncLocalStorage } from "node:async_hooks";
import twilio from "twilio";
import type TwilioRequestClient from "twilio/lib/base/RequestClient";
import type { SendResult, SmsChannel, SmsLookup, OutgoingSms } from "../types";
import { parseRetryAfterMs } from "../retry-after";

export type TwilioChannelOptions = {
  accountSid: string;
  authToken: string;
  /** An E.164 number, or a Messaging Service SID (MG…). */
  from: string;
  /** Tests point this at a local fake; every request (send, list, next page) is redirected. */
  baseUrl?: string;
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 10_000;
/** Our clock and Twilio's may disagree a little; lookups look back this much further. */
const LOOKUP_CLOCK_SKEW_MS = 5 * 60_000;
/** Nothing left the machine: a retry cannot double-send. */
const NOT_SENT_ERROR_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);
const INVALID_RECIPIENT_CODES = new Set([21211, 21614]);

type ResponseHeaders = { headers?: Record<string, unknown> };

/**
 * RestException keeps status/code/message but drops the response headers, and 429's
 * Retry-After lives there. Each send runs in its own store so concurrent sends on one
 * client never read each other's headers.
 */
const lastResponseHeaders = new AsyncLocalStorage<ResponseHeaders>();

/**
 * The SDK's supported `httpClient` option: the stock axios client, plus (a) every URL
 * rewritten onto `baseUrl` when set, whatever domain/edge/region or next-page URL the SDK
 * built, and (b) the response headers kept for the error path.
 */
class ChannelRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: URL | undefined,
    timeoutMs: number,
  ) {
    // autoRetry off: 429 handling and backoff belong to the outbox, not hidden in the SDK.
    super({ timeout: timeoutMs, autoRetry: false });
  }

  override async request<TData>(opts: TwilioRequestClient.RequestOptions<TData>) {
    const response = await super.request({ ...opts, uri: this.redirect(opts.uri) });
    const slot = lastResponseHeaders.getStore();
    if (slot) slot.headers = response.headers as Record<string, unknown>;
    return response;
  }

  private redirect(uri: string): string {
    if (!this.baseUrl) return uri;
    const original = new URL(uri);
    const prefix = this.baseUrl.pathname.replace(/\/+$/, "");
    return new URL(`${prefix}${original.pathname}${original.search}`, this.baseUrl.origin).href;
  }
}

export function createTwilioChannel(opts: TwilioChannelOptions): SmsChannel {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let client: twilio.Twilio | undefined;
  // Built on first use so importing this module never validates credentials or opens sockets.
  const getClient = () =>
    (client ??= twilio(opts.accountSid, opts.authToken, {
      httpClient: new ChannelRequestClient(opts.baseUrl ? new URL(opts.baseUrl) : undefined, timeoutMs),
    }));
  // TWILIO_FROM may list several numbers ("+1…,+1…"): each is paced on its own (issue 13).
  const senders = opts.from.split(",").map((f) => f.trim()).filter(Boolean);
  const senderOf = (from: string) => (from.startsWith("MG") ? { messagingServiceSid: from } : { from });

  return {
    name: "twilio",
    sender: senders[0],
    senders,
    async send(sms: OutgoingSms): Promise<SendResult> {
      const seen: ResponseHeaders = {};
      const from = sms.from && senders.includes(sms.from) ? sms.from : senders[0];
      try {
        const message = await lastResponseHeaders.run(seen, () =>
          getClient().messages.create({
            ...senderOf(from),
            to: sms.to,
            body: sms.body,
            ...(sms.statusCallback && { statusCallback: sms.statusCallback }),
          }),
        );
        return { ok: true, provider: "twilio", providerMessageId: message.sid };
      } catch (err) {
        return classifyTwilioError(err, seen.headers, timeoutMs);
      }
    },

    /** Throws when Twilio cannot be asked: "don't know" must never read as "not sent". */
    async lookup(sms: OutgoingSms, since: Date): Promise<SmsLookup> {
      const earliest = since.getTime() - LOOKUP_CLOCK_SKEW_MS;
      // Twilio filters DateSent by whole GMT days, so the exact instant is checked here too.
      const messages = await getClient().messages.list({
        to: sms.to,
        dateSentAfter: new Date(earliest),
        limit: 200,
      });
      const match = messages.find((m) => {
        const acceptedAt = m.dateCreated ?? m.dateSent;
        return m.body === sms.body && acceptedAt instanceof Date && acceptedAt.getTime() >= earliest;
      });
      if (!match) return { found: false };
      const acceptedAt = match.dateCreated ?? match.dateSent;
      return { found: true, providerMessageId: match.sid, status: match.status, ...(acceptedAt instanceof Date && { acceptedAt }) };
    },
  };
}

type TwilioApiError = { status: number; code?: number; message?: string };
type TransportError = { isAxiosError: true; code?: string; message: string };

function isTwilioApiError(err: unknown): err is TwilioApiError {
  return typeof err === "object" && err !== null && typeof (err as TwilioApiError).status === "number";
}

function isTransportError(err: unknown): err is TransportError {
  return typeof err === "object" && err !== null && (err as TransportError).isAxiosError === true;
}

function classifyTwilioError(err: unknown, headers: Record<string, unknown> | undefined, timeoutMs: number): SendResult {
  if (isTwilioApiError(err)) {
    const { status, code } = err;
    const reason = `twilio ${status}${code ? ` ${code}` : ""}: ${err.message ?? "request failed"}`;
    const withCode = code !== undefined ? { code } : {};
    if (status === 429) {
      const retryAfterMs = parseRetryAfterMs(headers?.["retry-after"]);
      return { ok: false, kind: "transient", reason, ...withCode, ...(retryAfterMs !== undefined && { retryAfterMs }) };
    }
    if (status >= 500) return { ok: false, kind: "transient", reason, ...withCode };
    if (code === 21610) {
      return { ok: false, kind: "permanent", reason: "recipient has opted out (Twilio 21610)", code };
    }
    if (code !== undefined && INVALID_RECIPIENT_CODES.has(code)) {
      return { ok: false, kind: "permanent", reason: `${err.message ?? "invalid recipient"} (Twilio ${code})`, code };
    }
    return { ok: false, kind: "permanent", reason: err.message ?? reason, ...withCode };
  }
  if (isTransportError(err)) {
    if (err.code && NOT_SENT_ERROR_CODES.has(err.code)) {
      return { ok: false, kind: "transient", reason: `twilio unreachable (${err.code}): ${err.message}`, code: err.code };
    }
    // Timeout, reset, hang-up: the request may have been accepted. Resending could text twice.
    const reason =
      err.code === "ECONNABORTED" || err.code === "ETIMEDOUT"
        ? `twilio: no answer within ${timeoutMs} ms; the SMS may have been accepted`
        : `twilio: connection lost (${err.code ?? "unknown"}): ${err.message}; the SMS may have been accepted`;
    return { ok: false, kind: "uncertain", reason, ...(err.code && { code: err.code }) };
  }
  // The SDK throws plain Errors for invalid parameters before any request: retrying cannot help.
  return { ok: false, kind: "permanent", reason: `twilio: ${err instanceof Error ? err.message : String(err)}` };
}
