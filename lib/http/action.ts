import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { appError, validationError, type AppError } from "@/lib/errors";
import { clientIp } from "@/lib/ratelimit/client-ip";
import { formDataObject } from "./parse";

/**
 * The one shape of a server action (CONVENTIONS "Lessons"). A server action is a
 * public POST endpoint: its arguments — the ones a page binds too — arrive from
 * the client and can be anything React can encode (objects, arrays, Dates, …), so
 * every one is parsed here with zod before any code sees it, who is asking comes
 * from the session (never from an argument), and every failure, expected or not,
 * comes back through `onError` as the action's own result shape.
 */

export type ActionAuth = "public" | "staff" | "admin";

const ROLES: Record<Exclude<ActionAuth, "public">, readonly string[]> = { staff: ["staff", "admin"], admin: ["admin"] };

type Parsed<T extends readonly z.ZodType[]> = { [K in keyof T]: T[K] extends z.ZodType ? z.output<T[K]> : never };

export type ActionContext<Args extends readonly z.ZodType[], F> = {
  args: Parsed<Args>;
  form: F extends z.ZodType ? z.output<F> : undefined;
  user: SessionUser | null;
  ip: string;
};

export type ActionSpec<Args extends readonly z.ZodType[], F extends z.ZodType | undefined, R> = {
  auth: ActionAuth;
  /** The positional arguments (bound by the page or passed by the client), in order. */
  args: Args;
  /** When set, the last argument is a FormData, parsed with this schema. */
  form?: F;
  /** useActionState: a previous-state argument sits between the args and the FormData (ignored). */
  withPrevState?: boolean;
  /** Maps every failure (bad input, not allowed, rate limited, a bug) to the action's result. */
  onError: (error: AppError) => R;
  /** Rate limits: an AppError (429) to answer with, or null. Runs after parsing and auth. */
  limit?: (ctx: ActionContext<Args, F>) => Promise<AppError | null>;
};

export function action<const Args extends readonly z.ZodType[], F extends z.ZodType | undefined, R>(
  spec: ActionSpec<Args, F, R>,
  handler: (ctx: ActionContext<Args, F>) => Promise<R>,
): (...raw: unknown[]) => Promise<R> {
  const expected = spec.args.length + (spec.withPrevState ? 1 : 0) + (spec.form ? 1 : 0);
  return async (...raw: unknown[]) => {
    try {
      if (raw.length !== expected) return spec.onError(appError(400, "invalid_input", "This form is out of date. Reload the page and try again."));

      const args: unknown[] = [];
      for (let i = 0; i < spec.args.length; i++) {
        const r = spec.args[i].safeParse(raw[i]);
        if (!r.success) return spec.onError(validationError(r.error.issues.map((issue) => ({ ...issue, path: [`arg${i}`, ...issue.path] }))));
        args.push(r.data);
      }

      let form: unknown = undefined;
      if (spec.form) {
        const fd = raw[raw.length - 1];
        const obj = fd instanceof FormData ? formDataObject(fd) : null;
        if (!obj) return spec.onError(appError(400, "invalid_input", "Please submit the form."));
        const r = spec.form.safeParse(obj);
        if (!r.success) return spec.onError(validationError(r.error.issues));
        form = r.data;
      }

      let user: SessionUser | null = null;
      if (spec.auth !== "public") {
        user = await getSessionUser();
        if (!user) return spec.onError(appError(401, "unauthenticated", "Your session has ended. Sign in again."));
        if (!ROLES[spec.auth].includes(user.role)) return spec.onError(appError(403, "forbidden", "Your account can't do this."));
      }

      const ctx = { args: args as Parsed<Args>, form, user, ip: clientIp(await headers()) } as ActionContext<Args, F>;
      if (spec.limit) {
        const limited = await spec.limit(ctx);
        if (limited) return spec.onError(limited);
      }
      return await handler(ctx);
    } catch (err) {
      // redirect(), notFound() and friends are control flow, not failures.
      unstable_rethrow(err);
      console.error("[action] failed:", err);
      return spec.onError({ status: 500, code: "internal_error", message: "Something went wrong on our side. Please try again." });
    }
  };
}
