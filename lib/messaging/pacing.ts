import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { smsPacing } from "@/db/schema";

/**
 * SPEC §4.2: at most `segmentsPerSecond` segments per sending number, whichever
 * driver sends. The bucket lives in the database (one row per number) so two driver
 * processes, the Inngest runs and the backstop sweep all draw from the same one.
 *
 * A token bucket with a capacity of one send (GCRA): a send may go only when the number
 * is free (`next_free_at <= now`), and taking it books the number for `segments / rate`.
 * The send goes right after the take, never after a sleep, so a process that is slow to
 * wake cannot send on a stale slot while another process sends on the next one.
 */
export type SmsPacer = (sender: string, segments: number) => Promise<number>;

export type SlotAttempt = { acquired: true } | { acquired: false; nextFreeAt: Date };

export async function tryAcquireSmsSlot(db: Db, sender: string, segments: number, segmentsPerSecond: number, at: Date): Promise<SlotAttempt> {
  const durMs = Math.ceil((segments * 1000) / segmentsPerSecond);
  const nowTs = sql`${at.toISOString()}::timestamptz`;
  const taken = await db
    .insert(smsPacing)
    .values({ sender, nextFreeAt: new Date(at.getTime() + durMs) })
    .onConflictDoUpdate({
      target: smsPacing.sender,
      set: { nextFreeAt: sql`${nowTs} + (${durMs} * interval '1 millisecond')` },
      setWhere: sql`${smsPacing.nextFreeAt} <= ${nowTs}`,
    })
    .returning({ nextFreeAt: smsPacing.nextFreeAt });
  if (taken.length) return { acquired: true };
  const [row] = await db.select({ nextFreeAt: smsPacing.nextFreeAt }).from(smsPacing).where(eq(smsPacing.sender, sender));
  return { acquired: false, nextFreeAt: row?.nextFreeAt ?? at };
}

export type PacerOptions = {
  segmentsPerSecond: number;
  now: () => Date;
  /** Waits `ms` of app time (tests advance a frozen clock; chaos runs scale it). */
  sleep: (ms: number) => Promise<void>;
};

/**
 * The booking started at `bookedAt` (taken before the query); the send goes now. When the
 * take itself was slow (a loaded box), move the booking's end to now + the slot, but only
 * while it is still ours (nobody took the number after it): else the next sender could go
 * less than a slot after this one arrives. False: someone already has the number.
 */
export async function rebookFromNow(db: Db, sender: string, bookedAt: Date, durMs: number, at: Date): Promise<boolean> {
  const mine = new Date(bookedAt.getTime() + durMs);
  const moved = await db
    .update(smsPacing)
    .set({ nextFreeAt: new Date(at.getTime() + durMs) })
    .where(and(eq(smsPacing.sender, sender), eq(smsPacing.nextFreeAt, mine)))
    .returning({ sender: smsPacing.sender });
  return moved.length > 0;
}

/** A take slower than this is re-booked from the moment it returned (rebookFromNow). */
export const SLOW_TAKE_MS = 10;

/** A pacer that waits until it holds the number; resolves with the ms it waited. */
export function databasePacer(db: Db, opts: PacerOptions): SmsPacer {
  return async (sender, segments) => {
    const started = opts.now().getTime();
    const durMs = Math.ceil((segments * 1000) / opts.segmentsPerSecond);
    for (;;) {
      const at = opts.now();
      const attempt = await tryAcquireSmsSlot(db, sender, segments, opts.segmentsPerSecond, at);
      if (attempt.acquired) {
        const took = opts.now();
        if (took.getTime() - at.getTime() <= SLOW_TAKE_MS || (await rebookFromNow(db, sender, at, durMs, took))) return at.getTime() - started;
        // The slot ran out while the take was in flight and another sender has the number: queue again.
        continue;
      }
      await opts.sleep(Math.max(1, attempt.nextFreeAt.getTime() - at.getTime()));
    }
  };
}

/** How far ahead the sender's bucket is booked, in ms from `at` (0 when idle). */
export async function pacingBacklogMs(db: Db, at: Date): Promise<number> {
  const rows = await db.select().from(smsPacing);
  return rows.reduce((max, r) => Math.max(max, r.nextFreeAt.getTime() - at.getTime()), 0);
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
