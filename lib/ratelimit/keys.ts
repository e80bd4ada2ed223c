import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Keys are stored as an HMAC of the value, never the raw email, phone or IP (a plain
 * SHA-256 of a phone number is reversed by trying all numbers; a keyed hash is not,
 * without the secret). Development without NEXTAUTH_SECRET uses a public pepper,
 * which still keeps the raw values out of the table.
 */
const DEV_PEPPER = "tpx-ratelimit-development-pepper";

export function hashKey(value: string): string {
  const secret = env().NEXTAUTH_SECRET ?? DEV_PEPPER;
  return createHmac("sha256", secret).update(value).digest("base64url").slice(0, 32);
}

/** Emails compare case-insensitively and without surrounding spaces. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
