import { env } from "@/lib/env";

/**
 * Development-only fallback so `npm run dev` works with nothing configured.
 * It is public (it is in the repository), so sessions signed with it prove
 * nothing: production refuses to start a session without NEXTAUTH_SECRET.
 */
const DEV_ONLY_SECRET = "tpx-development-only-secret--never-use-in-production";

/** The key that signs and encrypts session JWTs. Throws in production when unset. */
export function authSecret(): string {
  const e = env();
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  if (e.NODE_ENV === "production") {
    throw new Error(
      "NEXTAUTH_SECRET is not set. Sign-in needs it in production: generate one with `openssl rand -base64 32` and set it in the environment (see .env.example).",
    );
  }
  return DEV_ONLY_SECRET;
}

/** Secure (__Secure-) cookies whenever the app is served over https. */
export function usesSecureCookies(): boolean {
  return env().APP_URL.startsWith("https://");
}

export function sessionCookieName(): string {
  return `${usesSecureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}
