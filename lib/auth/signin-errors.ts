/**
 * Sign-in refusals travel through next-auth as one string (`?error=` or signIn()'s
 * `error`): "RateLimited:<seconds>" for a lockout, "RateLimitUnavailable" when the
 * lockout counter cannot be read (login fails closed). Client-safe: the sign-in form parses it.
 */
export const RATE_LIMITED = "RateLimited";
export const RATE_LIMIT_UNAVAILABLE = "RateLimitUnavailable";

export function signInErrorCode(outcome: { reason: "locked" | "unavailable"; retryAfterSeconds: number }): string {
  return outcome.reason === "locked" ? `${RATE_LIMITED}:${Math.ceil(outcome.retryAfterSeconds)}` : RATE_LIMIT_UNAVAILABLE;
}

/** "RateLimited:120" → 120; anything else → undefined. */
export function lockoutSeconds(code: string): number | undefined {
  const m = /^RateLimited:(\d{1,6})$/.exec(code);
  return m ? Number(m[1]) : undefined;
}
