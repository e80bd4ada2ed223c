import { createHash } from "node:crypto";
import { Resend, type CreateBatchEmailOptions, type CreateEmailOptions, type CreateEmailResponse } from "resend";
import type { EmailChannel, OutgoingEmail, SendResult } from "../types";
import { parseRetryAfterMs } from "../retry-after";

export type ResendChannelOptions = {
  apiKey: string;
  /** Tests point this at a local fake; default https://api.resend.com. */
  baseUrl?: string;
  from: string;
  timeoutMs?: number;
  /**
   * Waits for the account's request rate (Resend: 2 requests/s by default) before each
   * request; resolves when this request may go. Absent: unthrottled.
   */
  throttle?: () => Promise<unknown>;
  /** Waits between tries of one batch (tests make it instant). */
  sleep?: (ms: number) => Promise<void>;
};

/** Resend's batch endpoint takes at most 100 emails per request. */
export const RESEND_BATCH_MAX = 100;
/** Tries of one batch request, same Idempotency-Key and payload each time. */
const BATCH_TRIES = 3;

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

  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  async function sendOneBatch(emails: OutgoingEmail[], idempotencyKey: string): Promise<SendResult[]> {
    const payload: CreateBatchEmailOptions[] = emails.map((e) => {
      const { attachments: _none, ...rest } = toResendPayload(opts.from, e);
      void _none;
      return rest as CreateBatchEmailOptions;
    });
    let last: SendResult = { ok: false, kind: "transient", reason: "resend batch: not sent" };
    // A try that ended without an answer may have been taken: then the batch is not known to be unsent.
    let unanswered = false;
    for (let attempt = 1; attempt <= BATCH_TRIES; attempt++) {
      await opts.throttle?.();
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const response = await getClient().batch.send(payload, { idempotencyKey, signal } as Parameters<Resend["batch"]["send"]>[1]);
        if (response.error === null) {
          const ids = response.data.data;
          if (ids.length !== emails.length) return emails.map(() => ({ ok: false as const, kind: "permanent" as const, reason: `resend batch answered ${ids.length} ids for ${emails.length} emails` }));
          return ids.map((d) => ({ ok: true as const, provider: "resend", providerMessageId: d.id }));
        }
        last = classifyResendError(response.error, response.headers, signal.aborted, timeoutMs);
        // No status (fetch failed, timed out), or Resend saying a request with this key is still in flight.
        if (typeof response.error.statusCode !== "number" || response.error.name === "concurrent_idempotent_requests") unanswered = true;
      } catch (err) {
        last = { ok: false, kind: "transient", reason: `resend: ${errorMessage(err)}` };
        unanswered = true;
      }
      if (last.ok || last.kind !== "transient" || attempt === BATCH_TRIES) break;
      // The same key and payload again: Resend answers a batch it already took from its record, without sending.
      await sleep(last.retryAfterMs ?? 500 * attempt);
    }
    const failed = last as Extract<SendResult, { ok: false }>;
    return emails.map(() => ({ ...failed, reason: `batch of ${emails.length}: ${failed.reason}`, ...(unanswered && { unanswered: true }) }));
  }

  return {
    name: "resend",
    /**
     * One batch, as given, in one request to POST /emails/batch: 1 to 100 emails without
     * attachments (the batch API takes none). The caller forms the batch and keeps its
     * members and order; the Idempotency-Key defaults to `batchIdempotencyKey` of the row
     * ids. The tries here reuse key and payload, so Resend answers a repeat from its
     * record of the first instead of sending again. Strict validation: the batch is
     * accepted or refused as a whole, so a refused batch sent nothing — unless a try went
     * unanswered (`unanswered` on the results: Resend may have taken it).
     */
    async sendBatch(emails: OutgoingEmail[], batchOpts: { idempotencyKey?: string } = {}): Promise<SendResult[]> {
      if (emails.length === 0 || emails.length > RESEND_BATCH_MAX) {
        throw new Error(`resend batch: ${emails.length} emails; a batch holds 1 to ${RESEND_BATCH_MAX}`);
      }
      const withFiles = emails.find((e) => e.attachments?.length);
      if (withFiles) throw new Error(`resend batch: email ${withFiles.messageId} has attachments; the batch endpoint takes none`);
      return sendOneBatch(emails, batchOpts.idempotencyKey ?? batchIdempotencyKey(emails.map((e) => e.messageId)));
    },
    async send(email: OutgoingEmail): Promise<SendResult> {
      await opts.throttle?.();
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

/** Deterministic from the rows: the same rows in a batch always carry the same key. */
export function batchIdempotencyKey(messageIds: string[]): string {
  return `batch-${createHash("sha256").update([...messageIds].sort().join(",")).digest("hex").slice(0, 48)}`;
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
