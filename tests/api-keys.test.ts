import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { API_KEY_PATTERN, createApiKey, hashApiKey, listApiKeys, revokeApiKey, verifyApiKey } from "@/lib/access/api-keys";
import { advance, freeze, resetClock } from "@/lib/clock";
import { createTestDb } from "./db";

let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  resetClock();
  await h.close();
});
beforeEach(() => freeze(new Date("2026-11-30T15:00:00Z")));

describe("API keys", () => {
  it("shows the key once and stores only its sha256 and a display prefix", async () => {
    const { key, apiKey } = await createApiKey(h.db, { name: "CRM sync", scope: "read", createdBy: null });
    expect(key).toMatch(API_KEY_PATTERN);
    const [row] = await h.db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row.keyHash).toBe(hashApiKey(key));
    expect(Object.values(row).some((v) => typeof v === "string" && v.includes(key))).toBe(false);
    expect(row.prefix).toBe(key.slice(0, 12));
    expect(row.scope).toBe("read");
    const listed = (await listApiKeys(h.db)).find((k) => k.id === apiKey.id);
    expect(listed).toMatchObject({ name: "CRM sync", prefix: key.slice(0, 12), scope: "read", revokedAt: null, lastUsedAt: null });
    expect(listed).not.toHaveProperty("keyHash");
  });

  it("verifies live keys only: unknown, malformed and revoked keys are null", async () => {
    const { key, apiKey } = await createApiKey(h.db, { name: "Zapier", scope: "write", createdBy: null });
    expect((await verifyApiKey(h.db, key))?.id).toBe(apiKey.id);
    expect(await verifyApiKey(h.db, key.slice(0, -1) + (key.endsWith("A") ? "B" : "A"))).toBeNull();
    expect(await verifyApiKey(h.db, "tpx_short")).toBeNull();
    expect(await verifyApiKey(h.db, hashApiKey(key))).toBeNull();
    const revoked = await revokeApiKey(h.db, apiKey.id);
    expect(revoked.ok).toBe(true);
    expect(await verifyApiKey(h.db, key)).toBeNull();
    // Revoking again keeps the first revocation time.
    advance(5_000);
    const again = await revokeApiKey(h.db, apiKey.id);
    expect(again.ok && revoked.ok && again.revokedAt.getTime()).toBe(revoked.ok && revoked.revokedAt.getTime());
    expect((await revokeApiKey(h.db, "00000000-0000-4000-8000-000000000000")).ok).toBe(false);
  });

  it("records the last use at most once a minute", async () => {
    const { key, apiKey } = await createApiKey(h.db, { name: "BI", scope: "read", createdBy: null });
    const lastUsed = async () => (await h.db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id)))[0].lastUsedAt?.toISOString();
    await verifyApiKey(h.db, key);
    expect(await lastUsed()).toBe("2026-11-30T15:00:00.000Z");
    advance(59_000);
    await verifyApiKey(h.db, key);
    expect(await lastUsed()).toBe("2026-11-30T15:00:00.000Z");
    advance(1_000);
    await verifyApiKey(h.db, key);
    expect(await lastUsed()).toBe("2026-11-30T15:01:00.000Z");
  });
});
