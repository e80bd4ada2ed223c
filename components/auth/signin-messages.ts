const MESSAGES: Record<string, string> = {
  CredentialsSignin: "That email and password don't match an account. Check them and try again.",
  Configuration: "Sign-in is not configured on this server. Ask the operator to set NEXTAUTH_SECRET.",
  SessionRequired: "Please sign in to continue.",
};

/** next-auth's error codes (?error=… or signIn()'s result) as sentences. */
export function signInErrorMessage(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  return MESSAGES[code] ?? "Sign-in failed. Please try again.";
}
