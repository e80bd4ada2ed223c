import { getDb } from "@/lib/db";
import { consume, rateLimitResponse } from "@/lib/ratelimit";
import type { ApiLimitContext } from "./route";

/**
 * The API's rate limit per key (SPEC §8: "the API per key"), called by apiRoute()
 * for every request with a valid key, before its input is parsed: `limits.apiKey`
 * in lib/ratelimit (numbers and fail-open behaviour live there), keyed by the key's
 * id, answering 429 with Retry-After in the one error shape.
 */
export async function apiKeyLimit(ctx: ApiLimitContext): Promise<Response | null> {
  const result = await consume(await getDb(), "apiKey", ctx.key.id);
  return result.ok ? null : rateLimitResponse(result);
}
