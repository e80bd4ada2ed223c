import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DbHandle } from "@/db/client";
import type { DbKind } from "../registry";

/**
 * A fresh, migrated database for one benchmark phase, like tests/db.ts: PGlite in
 * memory, or a new database on the PostgreSQL server at `url`, dropped on close.
 */
export async function openBenchDb(kind: DbKind, url?: string): Promise<DbHandle> {
  if (kind === "pglite") return openDatabase({ dataDir: "memory://" });
  if (!url) throw new Error("PostgreSQL benchmarks need DATABASE_URL");
  const name = `tpx_bench_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  try {
    const handle = await openDatabase({ url: dbUrl.toString() });
    return {
      ...handle,
      async close() {
        await handle.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end({ timeout: 5 });
      },
    };
  } catch (err) {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
    throw err;
  }
}

/** "PostgreSQL 15.20" for the machine line of the results. */
export async function serverVersion(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ server_version: string }[]>`show server_version`;
    return `PostgreSQL ${row.server_version.split(" ")[0]}`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
