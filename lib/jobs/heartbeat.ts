import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { systemState } from "@/db/schema";

export const LOCAL_DRIVER_KEY = "local_driver";

export type DriverHeartbeat = { at: string; mode: "all" | "sweep"; delivered: number; pid: number };

export async function writeHeartbeat(db: Db, beat: DriverHeartbeat): Promise<void> {
  await db
    .insert(systemState)
    .values({ key: LOCAL_DRIVER_KEY, value: beat })
    .onConflictDoUpdate({ target: systemState.key, set: { value: beat, updatedAt: sql`now()` } });
}

export async function readHeartbeat(db: Db): Promise<DriverHeartbeat | null> {
  const [row] = await db.select().from(systemState).where(eq(systemState.key, LOCAL_DRIVER_KEY));
  return (row?.value as DriverHeartbeat | undefined) ?? null;
}
