import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, users, type ApiKey, type ApiKeyScope } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { appError, type Result } from "@/lib/errors";

/**
 * API keys for integrators (SPEC §8). A key is `tpx_` + 32 random bytes in
 * base64url: 256 bits, so a plain sha256 of it is a safe thing to store (no slow
 * hash needed: nobody guesses a 256-bit secret) and lookup is by that hash, so
 * there is no secret comparison to time. The first 12 characters are stored in
 * clear as the prefix, to tell keys apart in the console and in logs.
 */

export const API_KEY_PATTERN = /^tpx_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 12;
/** last_used_at is written at most this often per key, not once per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiKeySummary = Pick<ApiKey, "id" | "name" | "prefix" | "scope" | "createdAt" | "lastUsedAt" | "revokedAt"> & {
  createdByName: string | null;
};

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function newApiKey(): string {
  return `tpx_${randomBytes(32).toString("base64url")}`;
}

/** Creates a key; the returned `key` is the only time anyone sees it. */
export async function createApiKey(
  db: Db,
  input: { name: string; scope: ApiKeyScope; createdBy: string | null },
): Promise<{ key: string; apiKey: ApiKey }> {
  const key = newApiKey();
  const [apiKey] = await db
    .insert(apiKeys)
    .values({ name: input.name, scope: input.scope, createdBy: input.createdBy, keyHash: hashApiKey(key), prefix: key.slice(0, PREFIX_LENGTH), createdAt: clockNow() })
    .returning();
  return { key, apiKey };
}

/** Every key, newest first, revoked ones included (the console shows them struck through). */
export async function listApiKeys(db: Db): Promise<ApiKeySummary[]> {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scope: apiKeys.scope,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdByName: users.name,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** Revoking is final (a new key is one click away); revoking twice is not an error. */
export async function revokeApiKey(db: Db, id: string): Promise<Result<{ revokedAt: Date }>> {
  const at = clockNow();
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${at.toISOString()}::timestamptz)` })
    .where(eq(apiKeys.id, id))
    .returning({ revokedAt: apiKeys.revokedAt });
  if (!row) return { ok: false, error: appError(404, "api_key_not_found", "No such API key.") };
  return { ok: true, revokedAt: row.revokedAt ?? at };
}

/**
 * The key a request presents, if it is live: unknown, malformed and revoked keys
 * are all null (the caller answers 401 without saying which). Marks the key used,
 * at most once per LAST_USED_RESOLUTION_MS.
 */
export async function verifyApiKey(db: Db, presented: string): Promise<ApiKey | null> {
  if (!API_KEY_PATTERN.test(presented)) return null;
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(presented)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!key) return null;
  const at = clockNow();
  if (!key.lastUsedAt || at.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const stale = new Date(at.getTime() - LAST_USED_RESOLUTION_MS);
    // The condition is repeated in SQL so concurrent requests write once between them.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: at })
      .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, stale))));
    key.lastUsedAt = at;
  }
  return key;
}
