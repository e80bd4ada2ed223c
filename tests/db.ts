import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DbHandle } from "@/db/client";

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or
 * a new database on the PostgreSQL server in DATABASE_URL (dropped on close).
 */
export async function createTestDb(): Promise<DbHandle> {
  const base = process.env.DATABASE_URL;
  if (!base) return openDatabase({ dataDir: "memory://" });
  const name = `tpx_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
