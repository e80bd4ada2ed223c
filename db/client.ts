import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Both drivers (PGlite, postgres-js) and their transactions satisfy this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DbHandle = { db: Db; kind: "pglite" | "postgres"; close: () => Promise<void> };

export type DbOptions = { url?: string; dataDir?: string; schemaName?: string };

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

/**
 * Opens a database: PostgreSQL when a URL is given, PGlite otherwise
 * (a folder, or "memory://"), and applies the committed migrations.
 */
export async function openDatabase(opts: DbOptions): Promise<DbHandle> {
  if (opts.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const sql = postgres(opts.url, {
      max: 10,
      onnotice: () => {},
      connection: opts.schemaName ? { search_path: opts.schemaName } : undefined,
    });
    if (opts.schemaName) await sql.unsafe(`create schema if not exists "${opts.schemaName}"`);
    const db = drizzle(sql, { schema, casing: "snake_case" });
    await migrate(db, { migrationsFolder: MIGRATIONS, migrationsSchema: opts.schemaName ?? "drizzle" });
    return { db: db as unknown as Db, kind: "postgres", close: () => sql.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dataDir = opts.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzle(client, { schema, casing: "snake_case" });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  return { db: db as unknown as Db, kind: "pglite", close: () => client.close() };
}
