import { createHash, randomUUID } from "node:crypto";
import { startScriptedServer, StepScript, type RecordedRequest, type Reply } from "./scripted-server";

/**
 * A stand-in for POST https://api.resend.com/emails, answering with Resend's own shapes:
 * 200 {"id"} on success, {"statusCode","name","message"} on error (the SDK passes that
 * object through as `error`, so statusCode must be in the body, as Resend sends it).
 */
export type ResendFakeStep =
  | "ok"
  | "hang"
  /** Take the email (it counts as sent) but never answer: the client times out. */
  | "accept-then-hang"
  /** A bare status, e.g. 500 or 422, with Resend's usual error name for it. */
  | number
  | { status: number; name?: string; message?: string; retryAfterSeconds?: number };

export type ResendSentEmail = {
  from: string;
  to: string | string[];
  subject: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
  attachments?: { filename?: string; content?: string; content_type?: string; content_id?: string }[];
};

const NAME_FOR_STATUS: Record<number, string> = {
  400: "validation_error",
  401: "missing_api_key",
  403: "invalid_api_key",
  404: "not_found",
  409: "invalid_idempotent_request",
  422: "validation_error",
  429: "rate_limit_exceeded",
  500: "internal_server_error",
};

export type ResendFake = Awaited<ReturnType<typeof startResendFake>>;

/** One email Resend took: `replay` when it answered an earlier Idempotency-Key again (nothing new sent). */
export type ResendAccepted = { key: string | null; id: string; atMs: number; replay: boolean };

export type ResendFakeOptions = {
  /** Decides each send's answer instead of the script (the chaos run's random faults). */
  decide?: (request: RecordedRequest) => ResendFakeStep;
  now?: () => number;
  /**
   * Resend's account rate limit (default 2 requests/s): requests beyond it in any 1 s
   * window are answered 429 rate_limit_exceeded with Retry-After, as Resend does.
   * Absent: no limit.
   */
  requestsPerSecond?: number;
  /**
   * Network jitter forgiven (ms, default 0: exact): a request is refused only when the last
   * 1000 − `windowToleranceMs` ms already hold `requestsPerSecond` requests. A client spacing
   * its requests 500 ms apart at its end is otherwise refused whenever one request travels
   * longer than the next; the event-day replay multiplies that jitter by its speed (as the
   * Twilio fake's `paceToleranceMs`, decision 0193).
   */
  windowToleranceMs?: number;
  /** False: `requests` stays empty (a long run's memory); what was accepted is still in `accepted`. */
  keepRequests?: boolean;
};

export async function startResendFake(options: ResendFakeOptions = {}) {
  const script = new StepScript<ResendFakeStep>("ok");
  // Resend replays the first answer for a repeated Idempotency-Key (24 h); a changed payload is a 409.
  const answeredKeys = new Map<string, { payload: string; id: string }>();
  const accepted: ResendAccepted[] = [];
  const now = options.now ?? Date.now;
  /** Times of the requests let through in the last second; and of those answered 429. */
  const window: number[] = [];
  const rateLimited: number[] = [];

  const server = await startScriptedServer({
    parseBody: (raw) => JSON.parse(raw),
    keepRequests: options.keepRequests,
    reply(request): Reply {
      const batch = request.path === "/emails/batch";
      if (request.method !== "POST" || (request.path !== "/emails" && !batch)) return resendError(404, "not_found", "Not found");
      if (!String(request.headers.authorization ?? "").startsWith("Bearer ")) {
        return resendError(401, "missing_api_key", "Missing API key in the authorization header");
      }
      if (options.requestsPerSecond !== undefined) {
        const t = now();
        while (window.length && window[0] <= t - 1000 + (options.windowToleranceMs ?? 0)) window.shift();
        if (window.length >= options.requestsPerSecond) {
          rateLimited.push(t);
          const reply = resendError(429, "rate_limit_exceeded", "Too many requests. You can only make 2 requests per second.");
          reply.headers = { "retry-after": "1" };
          return reply;
        }
        window.push(t);
      }
      if (batch) {
        const list = request.body as unknown;
        if (!Array.isArray(list) || list.length === 0 || list.length > 100) return resendError(422, "validation_error", "A batch holds 1 to 100 emails.");
        if (list.some((e: ResendSentEmail) => e.attachments?.length)) return resendError(422, "validation_error", "Attachments are not supported in batch emails.");
      }
      const step = options.decide ? options.decide(request) : script.next();
      if (step === "hang") return "hang";
      if (step !== "ok" && step !== "accept-then-hang") return stepToError(step);
      const reply = batch ? acceptBatch(request, answeredKeys, accepted, now()) : acceptEmail(request, answeredKeys, accepted, now());
      return step === "accept-then-hang" && reply !== "hang" && reply.status === 200 ? "hang" : reply;
    },
  });

  return {
    url: server.url,
    requests: server.requests,
    accepted,
    rateLimited,
    /** Only the sends, with their JSON bodies typed (a batch's emails one by one). */
    sentEmails: () =>
      server.requests.flatMap((r) => (r.path === "/emails" ? [r.body as ResendSentEmail] : r.path === "/emails/batch" && Array.isArray(r.body) ? (r.body as ResendSentEmail[]) : [])),
    setMode: (modeOrSequence: ResendFakeStep | ResendFakeStep[]) => script.set(modeOrSequence),
    close: server.close,
  };
}

function acceptEmail(
  request: RecordedRequest,
  answeredKeys: Map<string, { payload: string; id: string }>,
  accepted: ResendAccepted[],
  atMs: number,
): Reply {
  const key = request.headers["idempotency-key"];
  const earlier = typeof key === "string" ? answeredKeys.get(key) : undefined;
  if (earlier && earlier.payload !== payloadHash(request)) {
    return resendError(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload.");
  }
  const id = earlier?.id ?? randomUUID();
  if (typeof key === "string") answeredKeys.set(key, { payload: payloadHash(request), id });
  accepted.push({ key: typeof key === "string" ? key : null, id, atMs, replay: Boolean(earlier) });
  return { status: 200, json: { id } };
}

/** What a repeated Idempotency-Key is compared by: the payload's digest, not the payload (100 emails of HTML). */
function payloadHash(request: RecordedRequest): string {
  return createHash("sha256").update(request.rawBody).digest("hex");
}

/** POST /emails/batch: all or nothing (strict validation); the key covers the whole batch. */
function acceptBatch(request: RecordedRequest, answeredKeys: Map<string, { payload: string; id: string }>, accepted: ResendAccepted[], atMs: number): Reply {
  const key = request.headers["idempotency-key"];
  const earlier = typeof key === "string" ? answeredKeys.get(key) : undefined;
  if (earlier && earlier.payload !== payloadHash(request)) {
    return resendError(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload.");
  }
  const list = request.body as ResendSentEmail[];
  const ids: string[] = earlier ? (JSON.parse(earlier.id) as string[]) : list.map(() => randomUUID());
  if (typeof key === "string") answeredKeys.set(key, { payload: payloadHash(request), id: JSON.stringify(ids) });
  for (const id of ids) accepted.push({ key: typeof key === "string" ? key : null, id, atMs, replay: Boolean(earlier) });
  return { status: 200, json: { data: ids.map((id) => ({ id })) } };
}

function stepToError(step: Exclude<ResendFakeStep, "ok" | "hang" | "accept-then-hang">): Reply {
  const spec = typeof step === "number" ? { status: step } : step;
  const name = spec.name ?? NAME_FOR_STATUS[spec.status] ?? "application_error";
  const reply = resendError(spec.status, name, spec.message ?? `Fake Resend error ${spec.status} (${name})`);
  if (spec.retryAfterSeconds !== undefined) reply.headers = { "retry-after": String(spec.retryAfterSeconds) };
  return reply;
}

function resendError(status: number, name: string, message: string): Exclude<Reply, "hang"> {
  return { status, json: { statusCode: status, name, message } };
}
