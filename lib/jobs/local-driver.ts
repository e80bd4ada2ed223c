import type { Db } from "@/db/client";
import type { MessageChannel } from "@/db/schema";
import type { Channels } from "@/lib/channels/types";
import { now as clockNow } from "@/lib/clock";
import { claimDueMessages, processClaimed, type DeliveryHooks } from "@/lib/messaging/deliver";
import { deliverBatch } from "@/lib/messaging/deliver-batch";
import { runPool } from "@/lib/pool";
import type { EventCache } from "@/lib/messaging/send-context";
import type { SmsPacer } from "@/lib/messaging/pacing";
import { runBackstops } from "./backstops";
import { writeHeartbeat } from "./heartbeat";

export type LocalDriverOptions = {
  db: Db;
  channels: Channels;
  /** "all": deliver every due row (no Inngest). "sweep": only rows overdue by `sweepAfterMs` (Inngest lost them). */
  mode: "all" | "sweep";
  intervalMs?: number;
  batchSize?: number;
  concurrency?: number;
  sweepAfterMs?: number;
  onError?: (err: unknown) => void;
  /** SPEC §4.2: SMS wait for the sender's pace. With one, SMS get their own lane so email never queues behind them. */
  pacer?: SmsPacer;
  /** SMS rows in flight, each in a lane of its own: about 2 s of the pace (default 2 per sending number). */
  smsBatchSize?: number;
  /** Plans to retry and due peer batches: part of the backstops, run every `backstopEveryMs`. */
  extraWork?: (now: Date) => Promise<void>;
  backstopEveryMs?: number;
  staleClaimMs?: number;
  hooks?: DeliveryHooks;
  /** false: each claimed row through processClaimed on its own (the path before issue 13; the benchmark compares). */
  batched?: boolean;
};

export type LocalDriver = { stop: () => Promise<void>; tick: () => Promise<number> };

/**
 * SPEC §4: without Inngest, the app process delivers every due row within 5 s of
 * its time. Polls every second; a full batch loops at once so a burst drains fast.
 */
export function startLocalDriver(opts: LocalDriverOptions): LocalDriver {
  const interval = opts.intervalMs ?? 1000;
  const deps = { channels: opts.channels, pacer: opts.pacer, hooks: opts.hooks };
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const timers = new Set<NodeJS.Timeout>();
  let delivered = 0;
  let lastBeat = 0;
  let lastBackstop = 0;

  async function lane(channel: MessageChannel | undefined, batch: number, concurrency: number): Promise<number> {
    let handled = 0;
    for (;;) {
      const at = clockNow();
      const rows = await claimDueMessages(opts.db, batch, at, {
        overdueByMs: opts.mode === "sweep" ? (opts.sweepAfterMs ?? 120_000) : 0,
        channel,
      });
      if (opts.batched === false) {
        const eventCache: EventCache = new Map();
        await runPool(rows, concurrency, (row) => processClaimed(opts.db, row, { ...deps, eventCache }));
      } else await deliverBatch(opts.db, rows, at, deps, concurrency);
      handled += rows.length;
      if (rows.length < batch || stopped) return handled;
    }
  }

  const paced = Boolean(opts.pacer && opts.channels.sms.sender);
  // About 2 s of pace: two rows in flight per number, each in a lane of its own that claims one
  // row at a time (issue 13). One shared lane waited for its claim's slowest row while the numbers
  // whose rows were done sat idle (the event-day replay: docs/decisions/0211).
  const numbers = Math.max(1, opts.channels.sms.senders?.length ?? 1);
  const smsBatch = opts.smsBatchSize ?? 2 * numbers;
  const smsLanes = Math.min(16, smsBatch);
  const perSmsLane = Math.max(1, Math.ceil(smsBatch / smsLanes));
  const mainLane = () => lane(paced ? "email" : undefined, opts.batchSize ?? 100, opts.concurrency ?? 8);
  const smsLane = () => lane("sms", perSmsLane, 1);
  const allSmsLanes = async () => (await Promise.all(Array.from({ length: smsLanes }, smsLane))).reduce((a, b) => a + b, 0);

  async function housekeeping(handled: number) {
    delivered += handled;
    const nowMs = Date.now();
    if (nowMs - lastBackstop >= (opts.backstopEveryMs ?? 5_000)) {
      lastBackstop = nowMs;
      await runBackstops(opts.db, { deps, staleClaimMs: opts.staleClaimMs, plans: opts.extraWork });
    }
    if (nowMs - lastBeat > 5_000 || handled > 0) {
      lastBeat = nowMs;
      await writeHeartbeat(opts.db, { at: clockNow().toISOString(), mode: opts.mode, delivered, pid: process.pid });
    }
  }

  async function tick(): Promise<number> {
    const [main, sms] = await Promise.all([mainLane(), paced ? allSmsLanes() : Promise.resolve(0)]);
    await housekeeping(main + sms);
    return main + sms;
  }

  function loop(work: () => Promise<unknown>) {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const run = work()
        .catch((err) => (opts.onError ?? console.error)(err))
        .finally(() => {
          running.delete(run);
          loop(work);
        });
      running.add(run);
    }, interval);
    timers.add(timer);
  }
  loop(async () => housekeeping(await mainLane()));
  if (paced) for (let i = 0; i < smsLanes; i++) loop(async () => (delivered += await smsLane()));

  return {
    tick,
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      await Promise.all([...running]);
    },
  };
}
