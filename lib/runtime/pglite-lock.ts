import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase, type DbHandle } from "@/db/client";
import { env } from "@/lib/env";

/**
 * PGlite has no lock of its own and one process per data folder is safe. The app
 * holds `<dataDir>.lock` with its PID; CLIs (import, create-admin) refuse while a
 * live process holds it.
 */
export function lockPathFor(dataDir: string): string {
  return `${dataDir.replace(/\/$/, "")}.lock`;
}

export function lockHolder(dataDir: string): number | null {
  const path = lockPathFor(dataDir);
  if (!existsSync(path)) return null;
  const pid = Number(readFileSync(path, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null; // stale lock from a process that is gone
  }
}

export function acquireLock(dataDir: string): void {
  if (dataDir.startsWith("memory://")) return;
  const holder = lockHolder(dataDir);
  if (holder) {
    throw new Error(
      `The embedded database (${dataDir}) is open in process ${holder}, probably \`npm run dev\`.\n` +
        "PGlite allows one process per data folder: stop that process and run this again.",
    );
  }
  mkdirSync(path.dirname(lockPathFor(dataDir)), { recursive: true });
  writeFileSync(lockPathFor(dataDir), String(process.pid));
  const release = () => {
    try {
      if (readFileSync(lockPathFor(dataDir), "utf8").trim() === String(process.pid)) rmSync(lockPathFor(dataDir));
    } catch {
      /* already gone */
    }
  };
  process.once("exit", release);
}

/** Opens the configured database for a command-line script, holding the PGlite lock. */
export async function openDatabaseForCli(): Promise<DbHandle> {
  const e = env();
  if (!e.DATABASE_URL) acquireLock(e.PGLITE_DATA_DIR);
  return openDatabase({ url: e.DATABASE_URL, dataDir: e.PGLITE_DATA_DIR });
}
