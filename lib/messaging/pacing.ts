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
export type SmsPacer = ((sender: string, segments: number) => Promise<number>) & {
  /** Several sending numbers: waits until any one of them is free, takes it; resolves with it and the ms waited. */
  any?: (senders: string[], segments: number) => Promise<{ sender: string; waited: number }>;
};

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
  /**
   * App ms a take may lag the booking before it is re-booked (default SLOW_TAKE_MS). Under
   * time that runs `speed` times faster than the wall (the event-day replay), a query's real
   * 1–2 ms are `speed` times as many app ms: scale it so the check still means "a slow take".
   */
  slowTakeMs?: number;
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
/** Re-bookings tried before a booking that keeps going stale is left to run out (the send queues again). */
export const MAX_REBOOKS = 3;

/**
 * The send may go only within SLOW_TAKE_MS of the moment its booking started. A slow take is
 * re-booked from when it returned; the re-booking is a query too and can be as slow on a loaded
 * box, so it is checked the same way, until one comes back in time: then when the booking that
 * holds started. Otherwise: when to try again (the number is someone else's, or the booking was
 * left to run out; either way no send goes beside another).
 */
async function confirmFresh(db: Db, sender: string, bookedAt: Date, durMs: number, now: () => Date, slowTakeMs = SLOW_TAKE_MS): Promise<{ bookedFrom: number } | number> {
  let from = bookedAt;
  for (let rebooks = 0; ; rebooks++) {
    const check = now();
    if (check.getTime() - from.getTime() <= slowTakeMs) return { bookedFrom: from.getTime() };
    if (rebooks === MAX_REBOOKS) return from.getTime() + durMs;
    if (!(await rebookFromNow(db, sender, from, durMs, check))) return check.getTime();
    from = check;
  }
}

/** A pacer that waits until it holds the number; resolves with the ms it waited. */
export function databasePacer(db: Db, opts: PacerOptions): SmsPacer {
  const pacer: SmsPacer = async (sender, segments) => (await take([sender], segments)).waited;
  // When each number was last seen to come free (app ms), shared by every take of this process. Bookings
  // only move forward, so a number seen busy until T is busy until T still: no query for it before then.
  const freeAt = new Map<string, number>();
  // This process's takes queue here, first come first served, and one loop hands the numbers out, so the
  // lanes of one process never race each other for a number. Racing, each of them woke when a number
  // came free and queried it: ~11 take queries per send, on 5 hot rows, in the 1,000-attendee replay
  // (pg_stat_statements; docs/decisions/0214). Other processes still meet in the database's row per number.
  type Waiter = { senders: string[]; segments: number; started: number; resolve: (r: { sender: string; waited: number }) => void; reject: (err: unknown) => void };
  const queue: Waiter[] = [];
  let pumping = false;
  // Start at a different number each pass so a lightly loaded pool still uses every number.
  let offset = Math.floor(Math.random() * 1_000);

  /** One pass over the numbers: the one taken (and when), or when the soonest of them comes free. */
  async function tryNumbers(senders: string[], segments: number): Promise<{ sender: string; at: Date } | number> {
    const durMs = Math.ceil((segments * 1000) / opts.segmentsPerSecond);
    let soonest = Infinity;
    // After a wait, the number that frees first is tried first: trying the busy ones on the way cost a
    // query each, and the free number sat idle meanwhile (the event-day replay's text bursts: decision 0212).
    const order = senders
      .map((sender, k) => ({ sender, k: (k - offset + senders.length * 1_000) % senders.length }))
      .sort((a, b) => (freeAt.get(a.sender) ?? -Infinity) - (freeAt.get(b.sender) ?? -Infinity) || a.k - b.k)
      .map((o) => o.sender);
    offset++;
    for (const sender of order) {
      // A fresh time for each try: a slot booked from a stale time would start before the send really goes.
      const at = opts.now();
      const known = freeAt.get(sender);
      if (known !== undefined && known > at.getTime()) {
        soonest = Math.min(soonest, known);
        continue;
      }
      const attempt = await tryAcquireSmsSlot(db, sender, segments, opts.segmentsPerSecond, at);
      if (attempt.acquired) {
        const held = await confirmFresh(db, sender, at, durMs, opts.now, opts.slowTakeMs);
        if (typeof held === "object") {
          freeAt.set(sender, held.bookedFrom + durMs);
          return { sender, at };
        }
        // The slot ran out while the take was in flight and another sender has the number, or the box is
        // too slow to confirm a fresh booking: try the others, then this one again when it is free.
        soonest = Math.min(soonest, held);
        freeAt.set(sender, held);
        continue;
      }
      soonest = Math.min(soonest, attempt.nextFreeAt.getTime());
      freeAt.set(sender, attempt.nextFreeAt.getTime());
    }
    return soonest;
  }

  async function pump() {
    pumping = true;
    try {
      while (queue.length > 0) {
        const head = queue[0];
        let got: Awaited<ReturnType<typeof tryNumbers>>;
        try {
          got = await tryNumbers(head.senders, head.segments);
        } catch (err) {
          // This take fails as it would have alone (the database is away); the next one tries afresh.
          queue.shift();
          head.reject(err);
          continue;
        }
        if (typeof got === "number") {
          await opts.sleep(Math.max(1, got - opts.now().getTime()));
          continue;
        }
        queue.shift();
        head.resolve({ sender: got.sender, waited: got.at.getTime() - head.started });
      }
    } finally {
      pumping = false;
    }
  }

  // Issue 13: several numbers spread the load; a send takes whichever is free first, each keeping its own pace.
  function take(senders: string[], segments: number): Promise<{ sender: string; waited: number }> {
    return new Promise((resolve, reject) => {
      queue.push({ senders, segments, started: opts.now().getTime(), resolve, reject });
      if (!pumping) void pump();
    });
  }
  pacer.any = take;
  return pacer;
}

/** How far ahead the sender's bucket is booked, in ms from `at` (0 when idle). */
export async function pacingBacklogMs(db: Db, at: Date): Promise<number> {
  const rows = await db.select().from(smsPacing);
  return rows.reduce((max, r) => Math.max(max, r.nextFreeAt.getTime() - at.getTime()), 0);
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
