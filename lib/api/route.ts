import type { z } from "zod";
import type { ApiKey, ApiKeyScope } from "@/db/schema";
import { verifyApiKey } from "@/lib/access/api-keys";
import { getDb } from "@/lib/db";
import { clientIp } from "@/lib/ratelimit/client-ip";
import { errorResponse } from "@/lib/http/response";
import { route, type RouteContext } from "@/lib/http/route";
import { apiKeyLimit } from "./limit";

/**
 * The /api/v1 edge: route() from lib/http/route.ts (zod for params, query and body,
 * one error shape, a thrown error is a 500 without details), with the caller
 * resolved from an API key (`Authorization: Bearer tpx_…`) instead of a session.
 * The key is checked before any input is parsed, so a caller without one learns
 * nothing about the API's shapes. The scope follows from the method, so no route
 * can forget it: GET/HEAD need `read`, anything else `write` (write includes read).
 * Then the per-key rate limit, then route()'s parsing and the handler.
 */

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export type ApiContext<P, Q, B> = Omit<RouteContext<P, Q, B, "public">, "user"> & { key: ApiKey };

export type ApiLimitContext = { key: ApiKey; req: Request; ip: string };

export type ApiRouteSpec<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined> = {
  params?: P;
  query?: Q;
  body?: B;
  /**
   * Rate limit per key: a 429 Response (with Retry-After) or null. Runs right after
   * the key is verified, before parsing, so malformed floods count too. Defaults to
   * apiKeyLimit (lib/api/limit.ts), the one place to wire lib/ratelimit in.
   */
  limit?: (ctx: ApiLimitContext) => Promise<Response | null>;
};

const keysByRequest = new WeakMap<Request, ApiKey>();

export function requiredScope(method: string): ApiKeyScope {
  return method === "GET" || method === "HEAD" ? "read" : "write";
}

export function apiRoute<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  spec: ApiRouteSpec<P, Q, B>,
  handler: (ctx: ApiContext<Infer<P>, Infer<Q>, Infer<B>>) => Promise<Response>,
) {
  const withKey = <C extends { req: Request }>(ctx: C) => ({ ...ctx, key: keysByRequest.get(ctx.req)! });
  const limit = spec.limit ?? apiKeyLimit;
  const inner = route(
    { auth: "public", params: spec.params as P, query: spec.query as Q, body: spec.body as B },
    (ctx) => handler(withKey(ctx)),
  );
  return async (req: Request, nextCtx?: { params: Promise<Record<string, string | string[] | undefined>> }): Promise<Response> => {
    let key: ApiKey | Response;
    try {
      key = await authenticate(req);
      if (key instanceof Response) return key;
      const limited = await limit({ key, req, ip: clientIp(req.headers) });
      if (limited) return limited;
    } catch (err) {
      console.error(`[api] ${req.method} ${new URL(req.url).pathname}: key check failed:`, err);
      return errorResponse({ status: 500, code: "internal_error", message: "Something went wrong on our side. Please try again." });
    }
    keysByRequest.set(req, key);
    return inner(req, nextCtx);
  };
}

const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="tpx-api"' };

async function authenticate(req: Request): Promise<ApiKey | Response> {
  const header = req.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) {
    return errorResponse({ status: 401, code: "unauthenticated", message: "Send an API key: Authorization: Bearer tpx_…" }, CHALLENGE);
  }
  const key = await verifyApiKey(await getDb(), match[1]);
  if (!key) return errorResponse({ status: 401, code: "invalid_api_key", message: "This API key is not valid or has been revoked." }, CHALLENGE);
  const needed = requiredScope(req.method);
  if (needed === "write" && key.scope !== "write") {
    return errorResponse({ status: 403, code: "insufficient_scope", message: "This API key is read-only; this call needs a key with the write scope." });
  }
  return key;
}
