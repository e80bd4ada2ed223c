import { createHmac } from "node:crypto";
import { serverSecret } from "@/lib/auth/secret";

/**
 * Keys are stored as an HMAC of the value, never the raw email, phone or IP (a plain
 * SHA-256 of a phone number is reversed by trying all numbers; a keyed hash is not,
 * without the secret). The secret is the server's (lib/auth/secret.ts) under this
 * module's label; development without NEXTAUTH_SECRET uses the public development one,
 * which still keeps the raw values out of the table.
 */
const LABEL = "tpx/rate-limit-key/v1\n";

export function hashKey(value: string): string {
  return createHmac("sha256", serverSecret()).update(LABEL + value).digest("base64url").slice(0, 32);
}

/** Emails compare case-insensitively and without surrounding spaces. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
