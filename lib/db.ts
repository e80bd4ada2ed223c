import { openDatabase, type Db, type DbHandle } from "@/db/client";
import { env } from "@/lib/env";

const g = globalThis as unknown as { __tpxDb?: Promise<DbHandle> };

/**
 * The app's database, opened once per process: PGlite allows one process per
 * folder, so the app, the local driver and migrations share this handle.
 * (globalThis because Next may load this module once per route bundle.)
 */
export function getDbHandle(): Promise<DbHandle> {
  if (!g.__tpxDb) {
    const e = env();
    const opening = openDatabase({ url: e.DATABASE_URL, dataDir: e.PGLITE_DATA_DIR });
    g.__tpxDb = opening;
    opening.catch(() => {
      if (g.__tpxDb === opening) g.__tpxDb = undefined;
    });
  }
  return g.__tpxDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests and scripts install their own handle. */
export function setDbHandle(handle: DbHandle | undefined) {
  g.__tpxDb = handle ? Promise.resolve(handle) : undefined;
}
