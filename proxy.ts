import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "@/lib/security/headers";
import { tokenPageLimitFor } from "@/lib/registration/limits";

/** Attendee pages opened by their link token (SPEC §8: token pages are limited per IP). */
const TOKEN_PAGE = /^\/(events\/[^/]+\/(agenda|profile|check-in|registered)|unsubscribe)\/?$/;

async function tokenPageLimited(request: NextRequest): Promise<Response | null> {
  if (request.method !== "GET" || !TOKEN_PAGE.test(request.nextUrl.pathname) || !request.nextUrl.searchParams.has("t")) return null;
  return tokenPageLimitFor(request.headers);
}

/**
 * Next 16 Proxy (formerly middleware): security headers and a fresh CSP nonce per
 * request. The CSP also goes on the request: Next reads the nonce from it and puts it
 * on its own scripts while rendering (so every page renders dynamically: app/layout.tsx).
 *
 * Not an authorization gate: every page, handler and action checks who is asking itself.
 */
export async function proxy(request: NextRequest) {
  const limited = await tokenPageLimited(request);
  if (limited) return limited;
  const e = env();
  const ctx = {
    nonce: newNonce(),
    dev: e.NODE_ENV === "development",
    https: e.NODE_ENV === "production" && e.APP_URL.startsWith("https://"),
  };
  const csp = contentSecurityPolicy(ctx);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", ctx.nonce);
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders(ctx))) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Static files carry no HTML; prefetches are not documents (Next's CSP guide).
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
