import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import type { UserRole } from "@/db/schema";
import { getDb } from "@/lib/db";
import { authSecret, sessionCookieName } from "./secret";
import { getUserById } from "./users";

export type SessionUser = { id: string; role: UserRole; name: string; email: string };

type Roles = UserRole | readonly UserRole[];

function allowed(user: SessionUser, roles: Roles): boolean {
  return (typeof roles === "string" ? [roles] : roles).includes(user.role);
}

/**
 * The signed-in user as the database knows them now (role included), or null.
 * The JWT only says who signed in; a deleted account or a changed role wins.
 */
async function currentUser(userId: string | undefined, sessionVersion: unknown): Promise<SessionUser | null> {
  if (!userId) return null;
  const user = await getUserById(await getDb(), userId);
  // Revoked, or signed out everywhere since this session was minted (lib/access/staff.ts).
  if (!user || user.revokedAt || user.sessionVersion !== (typeof sessionVersion === "number" ? sessionVersion : 0)) return null;
  return { id: user.id, role: user.role, name: user.name, email: user.email };
}

/**
 * For server components and server actions; once per request (layout and page
 * share it). Decodes the session cookie itself, exactly as route handlers do
 * (requireApiUser), so pages, actions and routes agree on who is asking.
 */
export const getSessionUser = cache(async function getSessionUser(): Promise<SessionUser | null> {
  // Per-request by nature: say so before anything reads the secret, so a build
  // without NEXTAUTH_SECRET skips prerendering these pages instead of failing.
  await connection();
  const jar = await cookies();
  const header = jar
    .getAll()
    .map((c) => `${c.name}=${encodeURIComponent(c.value)}`)
    .join("; ");
  return userFromCookieHeader(header);
});

async function userFromCookieHeader(header: string | null): Promise<SessionUser | null> {
  const raw = sessionTokenFrom(header);
  const token = raw ? await decode({ token: raw, secret: authSecret() }).catch(() => null) : null;
  return currentUser(typeof token?.id === "string" ? token.id : undefined, token?.sv);
}

/** Always check `ok`: on refusal `user` is who is signed in, not someone allowed in. */
export type RequireUserResult = { ok: true; user: SessionUser } | { ok: false; user: SessionUser };

/**
 * For pages and server actions. Signed out → redirect to /signin?callbackUrl=…
 * (never returns). Signed in without the role → { ok: false }: the page renders
 * the 403 view (components/auth/forbidden.tsx), an action returns an error.
 * Every page and action calls this itself: a layout or proxy is not the gate.
 *
 *   const auth = await requireUser("admin", "/admin");
 *   if (!auth.ok) return <Forbidden user={auth.user} />;
 */
export async function requireUser(roles: Roles, callbackUrl = "/"): Promise<RequireUserResult> {
  const user = await getSessionUser();
  if (!user) redirect(signInUrl(callbackUrl));
  return allowed(user, roles) ? { ok: true, user } : { ok: false, user };
}

export function signInUrl(callbackUrl: string): string {
  const safe = safeCallbackUrl(callbackUrl);
  return safe === "/" ? "/signin" : `/signin?${new URLSearchParams({ callbackUrl: safe })}`;
}

/**
 * Only same-site paths: a callbackUrl must not send people to another origin.
 * Browsers read a backslash as a slash ("/\\evil.example" is "//evil.example"), and
 * control characters are stripped from URLs, so any of them makes it unsafe.
 */
export function safeCallbackUrl(raw: string | null | undefined, fallback = "/"): string {
  if (!raw || raw.length > 1_000 || !raw.startsWith("/") || raw.startsWith("//")) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  return raw;
}

function errorResponse(status: 401 | 403, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/** Reads the session cookie (next-auth splits large ones into .0, .1, …). */
function sessionTokenFrom(header: string | null): string | null {
  if (!header) return null;
  const name = sessionCookieName();
  const chunks: Array<[string, string]> = [];
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    if (key === name || key.startsWith(`${name}.`)) chunks.push([key, decodeURIComponent(part.slice(eq + 1).trim())]);
  }
  if (chunks.length === 0) return null;
  const whole = chunks.find(([k]) => k === name);
  if (whole) return whole[1];
  return chunks
    .sort(([a], [b]) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)))
    .map(([, v]) => v)
    .join("");
}

/**
 * For route handlers: the user, or a ready response to return —
 * 401 { error: { code: "unauthenticated" } } or 403 { error: { code: "forbidden" } }.
 * Reads the cookie from `req` itself, so it also works when tests call a handler directly.
 *
 *   const auth = await requireApiUser(req, ["admin", "staff"]);
 *   if (auth instanceof Response) return auth;
 */
export async function requireApiUser(req: Request, roles: Roles): Promise<SessionUser | Response> {
  const user = await userFromCookieHeader(req.headers.get("cookie"));
  if (!user) return errorResponse(401, "unauthenticated", "Sign in to continue.");
  if (!allowed(user, roles)) return errorResponse(403, "forbidden", "Your account does not have access to this.");
  return user;
}
