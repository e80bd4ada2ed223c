import type { Db } from "@/db/client";
import type { Channels } from "@/lib/channels/types";
import { now as clockNow } from "@/lib/clock";
import { claimDueMessages, processClaimed } from "@/lib/messaging/deliver";
import { reconcileUncertainSms, recoverStaleClaims } from "@/lib/messaging/reconcile";
import type { EventCache } from "@/lib/messaging/send-context";
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
  /** More periodic work (plans to retry, due peer batches), run every `extraEveryMs`. */
  extraWork?: (now: Date) => Promise<void>;
  extraEveryMs?: number;
};

export type LocalDriver = { stop: () => Promise<void>; tick: () => Promise<number> };

/**
 * SPEC §4: without Inngest, the app process delivers every due row within 5 s of
 * its time. Polls every second; a full batch loops at once so a burst drains fast.
 */
export function startLocalDriver(opts: LocalDriverOptions): LocalDriver {
  const interval = opts.intervalMs ?? 1000;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let delivered = 0;
  let lastBeat = 0;
  let lastMaintenance = 0;
  let lastExtra = 0;

  async function tick(): Promise<number> {
    let handled = 0;
    const batch = opts.batchSize ?? 100;
    for (;;) {
      const at = clockNow();
      const rows = await claimDueMessages(opts.db, batch, at, {
        overdueByMs: opts.mode === "sweep" ? (opts.sweepAfterMs ?? 120_000) : 0,
      });
      const eventCache: EventCache = new Map(); // one read of each event + agenda per batch
      await runPool(rows, opts.concurrency ?? 8, (row) => processClaimed(opts.db, row, { channels: opts.channels, eventCache }));
      handled += rows.length;
      if (rows.length < batch || stopped) break;
    }
    delivered += handled;
    const nowMs = Date.now();
    if (nowMs - lastMaintenance > 15_000) {
      lastMaintenance = nowMs;
      await recoverStaleClaims(opts.db);
      await reconcileUncertainSms(opts.db, opts.channels);
    }
    if (opts.extraWork && nowMs - lastExtra >= (opts.extraEveryMs ?? 5_000)) {
      lastExtra = nowMs;
      await opts.extraWork(clockNow());
    }
    if (nowMs - lastBeat > 5_000 || handled > 0) {
      lastBeat = nowMs;
      await writeHeartbeat(opts.db, { at: clockNow().toISOString(), mode: opts.mode, delivered, pid: process.pid });
    }
    return handled;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .then(() => undefined)
        .catch((err) => (opts.onError ?? console.error)(err))
        .finally(schedule);
    }, interval);
  }
  schedule();

  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

async function runPool<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  });
  await Promise.all(workers);
}
