import type { ConsumeResult } from "./consume";
import { describeWait } from "./wait";

/** 429 with Retry-After and the API's error shape. */
export function tooManyRequests(retryAfterSeconds: number, message?: string): Response {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return Response.json(
    {
      error: {
        code: "rate_limited",
        message: message ?? `Too many requests. Try again in ${describeWait(seconds)}.`,
      },
    },
    { status: 429, headers: { "Retry-After": String(seconds) } },
  );
}

/** 503 with Retry-After: a fail-closed limit whose counter is unavailable. */
export function limiterUnavailable(retryAfterSeconds: number): Response {
  return Response.json(
    { error: { code: "rate_limit_unavailable", message: "This is temporarily unavailable. Please try again shortly." } },
    { status: 503, headers: { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) } },
  );
}

/** The response for a refused ConsumeResult (429 or 503). */
export function rateLimitResponse(result: Extract<ConsumeResult, { ok: false }>): Response {
  return result.reason === "limited" ? tooManyRequests(result.retryAfterSeconds) : limiterUnavailable(result.retryAfterSeconds);
}
