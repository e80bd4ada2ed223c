import { env } from "@/lib/env";

/**
 * Development-only fallback so `npm run dev` works with nothing configured.
 * It is public (it is in the repository), so sessions signed with it prove
 * nothing: production refuses to start a session without NEXTAUTH_SECRET.
 */
const DEV_ONLY_SECRET = "tpx-development-only-secret--never-use-in-production";

/**
 * The one server secret (NEXTAUTH_SECRET): it signs and encrypts session JWTs, and keys every
 * other HMAC of the app under its own label (hosted QR images, the tablets' code-list key,
 * rate-limit keys). Throws in production when unset, where the app also refuses to start
 * (lib/env.ts productionProblems); development falls back to a public constant.
 */
export function serverSecret(): string {
  const e = env();
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  if (e.NODE_ENV === "production") {
    throw new Error(
      "NEXTAUTH_SECRET is not set. Sign-in needs it in production: generate one with `openssl rand -base64 32` and set it in the environment (see .env.example).",
    );
  }
  return DEV_ONLY_SECRET;
}

/** The key that signs and encrypts session JWTs. */
export const authSecret = serverSecret;

/** Secure (__Secure-) cookies whenever the app is served over https. */
export function usesSecureCookies(): boolean {
  return env().APP_URL.startsWith("https://");
}

export function sessionCookieName(): string {
  return `${usesSecureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}
