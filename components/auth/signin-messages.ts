import { lockoutSeconds, RATE_LIMIT_UNAVAILABLE } from "@/lib/auth/signin-errors";
import { describeWait } from "@/lib/ratelimit/wait";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "That email and password don't match an account. Check them and try again.",
  Configuration: "Sign-in is not configured on this server. Ask the operator to set NEXTAUTH_SECRET.",
  SessionRequired: "Please sign in to continue.",
  [RATE_LIMIT_UNAVAILABLE]: "Sign-in is temporarily unavailable. Please try again in a minute.",
};

/** next-auth's error codes (?error=… or signIn()'s result) as sentences. */
export function signInErrorMessage(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  const seconds = lockoutSeconds(code);
  if (seconds !== undefined) {
    return `Too many sign-in attempts. For your security, sign-in is paused: try again in ${describeWait(seconds)}.`;
  }
  return MESSAGES[code] ?? "Sign-in failed. Please try again.";
}
