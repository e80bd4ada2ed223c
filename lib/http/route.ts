import { z } from "zod";
import { requireApiUser, type SessionUser } from "@/lib/auth/session";
import { validationError } from "@/lib/errors";
import { errorResponse, readJson } from "./response";
import { searchParamsObject } from "./parse";
import { clientIp } from "@/lib/ratelimit/client-ip";

/**
 * The one shape of a route handler (CONVENTIONS "Lessons"): parse everything with
 * zod (path params, query, body: a value of the wrong type is a 400, never a path
 * into other code), resolve who is asking from what the server verified (the
 * session cookie; attendee tokens are parsed here and verified by the lib call),
 * apply the rate limits, call lib, map the result. A thrown error is a bug: it is
 * logged and answers 500 in the same error shape, without details.
 */

/** Who may call: anyone; anyone, with the user when signed in; staff (or an organizer); organizers only. */
export type RouteAuth = "public" | "optional" | "staff" | "admin";

const ROLES: Record<"staff" | "admin", Array<"staff" | "admin">> = { staff: ["staff", "admin"], admin: ["admin"] };

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteContext<P, Q, B, A extends RouteAuth> = {
  req: Request;
  params: P;
  query: Q;
  body: B;
  /** Signed-in user: always set for staff/admin routes, maybe for "optional", never for "public". */
  user: A extends "staff" | "admin" ? SessionUser : A extends "optional" ? SessionUser | null : null;
  ip: string;
};

export type RouteSpec<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined, A extends RouteAuth> = {
  auth: A;
  params?: P;
  query?: Q;
  body?: B;
  /** Rate limits: a 429 Response to answer with, or null to go on. Runs after parsing, before the handler. */
  limit?: (ctx: RouteContext<Infer<P>, Infer<Q>, Infer<B>, A>) => Promise<Response | null>;
};

type NextRouteCtx = { params: Promise<Record<string, string | string[] | undefined>> };

export function route<
  A extends RouteAuth,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  spec: RouteSpec<P, Q, B, A>,
  handler: (ctx: RouteContext<Infer<P>, Infer<Q>, Infer<B>, A>) => Promise<Response>,
): (req: Request, ctx?: NextRouteCtx) => Promise<Response> {
  return async (req, nextCtx) => {
    try {
      let user: SessionUser | null = null;
      if (spec.auth === "staff" || spec.auth === "admin") {
        const auth = await requireApiUser(req, ROLES[spec.auth as "staff" | "admin"]);
        if (auth instanceof Response) return auth;
        user = auth;
      } else if (spec.auth === "optional") {
        const auth = await requireApiUser(req, ["staff", "admin"]);
        user = auth instanceof Response ? null : auth;
      }

      const params = await parsePart(spec.params, (await nextCtx?.params) ?? {});
      if (!params.ok) return params.response;
      const query = await parsePart(spec.query, searchParamsObject(new URL(req.url).searchParams));
      if (!query.ok) return query.response;
      let body: { ok: true; data: unknown } | { ok: false; response: Response } = { ok: true, data: undefined };
      if (spec.body) {
        const read = await readJson(req);
        if (!read.ok) return read.response;
        body = await parsePart(spec.body, read.body);
        if (!body.ok) return body.response;
      }

      const ctx = { req, params: params.data, query: query.data, body: body.data, user, ip: clientIp(req.headers) } as RouteContext<
        Infer<P>,
        Infer<Q>,
        Infer<B>,
        A
      >;
      if (spec.limit) {
        const limited = await spec.limit(ctx);
        if (limited) return limited;
      }
      return await handler(ctx);
    } catch (err) {
      console.error(`[route] ${req.method} ${new URL(req.url).pathname} failed:`, err);
      return Response.json({ error: { code: "internal_error", message: "Something went wrong on our side. Please try again." } }, { status: 500 });
    }
  };
}

async function parsePart(schema: z.ZodType | undefined, value: unknown): Promise<{ ok: true; data: unknown } | { ok: false; response: Response }> {
  if (!schema) return { ok: true, data: undefined };
  const r = await schema.safeParseAsync(value);
  if (r.success) return { ok: true, data: r.data };
  return { ok: false, response: errorResponse(validationError(r.error.issues)) };
}

/** A path id that is not a UUID names nothing: 404, like an unknown one (no oracle for the id format). */
export function notFoundResponse(code: string, message: string): Response {
  return errorResponse({ status: 404, code, message });
}
