import { Resend, type CreateEmailOptions, type CreateEmailResponse } from "resend";
import type { EmailChannel, OutgoingEmail, SendResult } from "../types";
import { parseRetryAfterMs } from "../retry-after";

export type ResendChannelOptions = {
  apiKey: string;
  /** Tests point this at a local fake; default https://api.resend.com. */
  baseUrl?: string;
  from: string;
  timeoutMs?: number;
};

const DEFAULT_BASE_URL = "https://api.resend.com";
const DEFAULT_TIMEOUT_MS = 10_000;

type ResendError = NonNullable<CreateEmailResponse["error"]>;

/** Error names that describe a passing condition, whatever status the body claims. */
const TRANSIENT_ERROR_NAMES = new Set([
  "rate_limit_exceeded",
  "application_error",
  "internal_server_error",
  // Another request with the same Idempotency-Key is still in flight: retrying later returns its result.
  "concurrent_idempotent_requests",
]);

export function createResendChannel(opts: ResendChannelOptions): EmailChannel {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let client: Resend | undefined;
  // Built on first send: `new Resend` throws without a key, and importing this module must never do I/O or fail.
  const getClient = () =>
    (client ??= new Resend(opts.apiKey, { baseUrl: (opts.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "") }));

  return {
    name: "resend",
    async send(email: OutgoingEmail): Promise<SendResult> {
      // The SDK forwards `signal` to fetch, so the deadline covers connect, headers and body.
      const signal = AbortSignal.timeout(timeoutMs);
      let response: CreateEmailResponse;
      try {
        response = await getClient().emails.send(toResendPayload(opts.from, email), {
          idempotencyKey: email.messageId,
          signal,
        });
      } catch (err) {
        // The SDK reports failures as values; a throw here is unexpected, but the key makes a retry safe.
        return { ok: false, kind: "transient", reason: `resend: ${errorMessage(err)}` };
      }
      if (response.error === null) {
        return { ok: true, provider: "resend", providerMessageId: response.data.id };
      }
      return classifyResendError(response.error, response.headers, signal.aborted, timeoutMs);
    },
  };
}

function toResendPayload(from: string, email: OutgoingEmail): CreateEmailOptions {
  return {
    from,
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    headers: email.headers,
    attachments: email.attachments?.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
      contentId: a.contentId,
    })),
  };
}

function classifyResendError(
  error: ResendError,
  headers: Record<string, string> | null,
  timedOut: boolean,
  timeoutMs: number,
): SendResult {
  const status = typeof error.statusCode === "number" ? error.statusCode : undefined;
  const code = error.name;
  // statusCode null: fetch itself failed (DNS, refused, reset, our abort). Safe to retry: same Idempotency-Key.
  if (status === undefined) {
    const reason = timedOut ? `resend: no answer within ${timeoutMs} ms` : `resend: ${error.message}`;
    return { ok: false, kind: "transient", reason, code };
  }
  const reason = `resend ${status} ${code}: ${error.message}`;
  if (status === 429) {
    const retryAfterMs = parseRetryAfterMs(headers?.["retry-after"]);
    return { ok: false, kind: "transient", reason, code, ...(retryAfterMs !== undefined && { retryAfterMs }) };
  }
  if (status >= 500 || TRANSIENT_ERROR_NAMES.has(code)) return { ok: false, kind: "transient", reason, code };
  // Validation, invalid address, bad key, unverified domain: retrying sends the same bad request.
  return { ok: false, kind: "permanent", reason: error.message || reason, code };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
