import type { ApiLimitContext } from "./route";

/**
 * The API's rate limit per key (SPEC §8: "the API per key"), called by apiRoute()
 * for every request with a valid key, before its input is parsed.
 *
 * TODO(lead, at merge): wire lib/ratelimit here, keyed by `key.id` (e.g. a
 * per-key budget with a stricter one for write scope), answering 429 with
 * Retry-After in the one error shape:
 *   errorResponse({ status: 429, code: "rate_limited", message: "…" }, { "Retry-After": String(seconds) })
 * Until then every request goes through.
 */
export async function apiKeyLimit(ctx: ApiLimitContext): Promise<Response | null> {
  void ctx;
  return null;
}
