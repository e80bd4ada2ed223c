import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { smsPacing } from "@/db/schema";

/**
 * SPEC §4.2: at most `segmentsPerSecond` segments per sending number, whichever
 * driver sends. The bucket lives in the database (one row per number) so two driver
 * processes, the Inngest runs and the backstop sweep all draw from the same one.
 *
 * It is a token bucket with a capacity of one send (GCRA): each send reserves the next
 * free slot, `segments / rate` long, and waits for it to start. Reserve-then-wait means a
 * process killed while waiting wastes its slot, never exceeds the pace.
 */
export type SmsPacer = (sender: string, segments: number) => Promise<number>;

export async function reserveSmsSlot(db: Db, sender: string, segments: number, segmentsPerSecond: number, at: Date): Promise<Date> {
  const durMs = Math.ceil((segments * 1000) / segmentsPerSecond);
  const nowTs = sql`${at.toISOString()}::timestamptz`;
  const interval = sql`(${durMs} * interval '1 millisecond')`;
  const [row] = await db
    .insert(smsPacing)
    .values({ sender, nextFreeAt: new Date(at.getTime() + durMs) })
    .onConflictDoUpdate({
      target: smsPacing.sender,
      set: { nextFreeAt: sql`greatest(${smsPacing.nextFreeAt}, ${nowTs}) + ${interval}` },
    })
    .returning({ nextFreeAt: smsPacing.nextFreeAt });
  return new Date(row.nextFreeAt.getTime() - durMs);
}

export type PacerOptions = {
  segmentsPerSecond: number;
  now: () => Date;
  /** Waits `ms` of app time (tests advance a frozen clock; chaos runs scale it). */
  sleep: (ms: number) => Promise<void>;
};

/** A pacer that reserves a slot and sleeps until it; resolves with the ms it waited. */
export function databasePacer(db: Db, opts: PacerOptions): SmsPacer {
  return async (sender, segments) => {
    const at = opts.now();
    const slot = await reserveSmsSlot(db, sender, segments, opts.segmentsPerSecond, at);
    const waitMs = Math.max(0, slot.getTime() - at.getTime());
    if (waitMs > 0) await opts.sleep(waitMs);
    return waitMs;
  };
}

/** How far ahead the sender's bucket is booked, in ms from `at` (0 when idle). */
export async function pacingBacklogMs(db: Db, at: Date): Promise<number> {
  const rows = await db.select().from(smsPacing);
  return rows.reduce((max, r) => Math.max(max, r.nextFreeAt.getTime() - at.getTime()), 0);
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
