import type { Db } from "@/db/client";
import type { MessageChannel } from "@/db/schema";
import type { Channels } from "@/lib/channels/types";
import { now as clockNow } from "@/lib/clock";
import { claimDueMessages, processClaimed, type DeliveryHooks } from "@/lib/messaging/deliver";
import { deliverBatch } from "@/lib/messaging/deliver-batch";
import { runPool } from "@/lib/pool";
import type { EventCache } from "@/lib/messaging/send-context";
import type { SmsPacer } from "@/lib/messaging/pacing";
import { RESEND_BATCH_MAX } from "@/lib/channels/email/resend";
import { runBackstops } from "./backstops";
import { writeHeartbeat } from "./heartbeat";

export type LocalDriverOptions = {
  db: Db;
  channels: Channels;
  /** "all": deliver every due row (no Inngest). "sweep": only rows overdue by `sweepAfterMs` (Inngest lost them). */
  mode: "all" | "sweep";
  intervalMs?: number;
  /** Rows claimed per pass of the main lane (default 100). */
  batchSize?: number;
  /** With SMS in lanes of their own: the most the email lane claims after a pass mostly skipped at send (default EMAIL_LANE_CLAIM). */
  emailClaimMax?: number;
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

/** Most rows the email lane claims in a pass when SMS have lanes of their own: three of Resend's batches. */
export const EMAIL_LANE_CLAIM = 3 * RESEND_BATCH_MAX;

/**
 * The next pass's claim: the base size, or up to `max` when the last full pass sent fewer than half
 * of what it claimed (the rest was skipped at send), so what remains still fills whole batches. A
 * burst that is all sendable keeps claims of the base size: its first batch goes after rendering
 * 100, not 300 (decision 0212).
 */
export function nextClaim(base: number, max: number, claimed: number, toSend: number): number {
  if (claimed === 0) return base;
  const sendable = toSend / claimed;
  return sendable >= 0.5 ? base : Math.min(max, Math.max(base, Math.ceil(base / Math.max(sendable, base / max))));
}

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

  async function lane(channel: MessageChannel | undefined, batch: number, concurrency: number, pipelined = false, claimMax = batch): Promise<number> {
    let handled = 0;
    let claim = batch;
    // Pipelined (the email lane): the next claim is rendered while the last one's requests wait for
    // the provider's rate, at most one pass sending and one preparing (issue 13, decision 0212).
    let sending: Promise<unknown> | null = null;
    const settle = async () => {
      const s = sending;
      sending = null;
      if (s) await s;
    };
    try {
      for (;;) {
        const at = clockNow();
        const asked = claim;
        const rows = await claimDueMessages(opts.db, asked, at, {
          overdueByMs: opts.mode === "sweep" ? (opts.sweepAfterMs ?? 120_000) : 0,
          channel,
        });
        if (opts.batched === false) {
          const eventCache: EventCache = new Map();
          await runPool(rows, concurrency, (row) => processClaimed(opts.db, row, { ...deps, eventCache }));
        } else if (!pipelined || rows.length === 0) await deliverBatch(opts.db, rows, at, deps, concurrency);
        else {
          let prepared!: () => void;
          const ready = new Promise<void>((resolve) => (prepared = resolve));
          let toSend = rows.length;
          const onSending = (n: number) => ((toSend = n), prepared());
          const pass = deliverBatch(opts.db, rows, at, deps, concurrency, { onSending }).finally(prepared);
          pass.catch(() => undefined); // awaited below (settle); never an unhandled rejection meanwhile
          await ready;
          await settle();
          sending = pass;
          claim = nextClaim(batch, claimMax, rows.length, toSend);
        }
        handled += rows.length;
        if (rows.length < asked || stopped) break;
      }
      await settle();
    } catch (err) {
      // The pass still in flight finishes (its rows are claimed); its own failure is reported, not lost.
      if (sending) await (sending as Promise<unknown>).catch((e) => (opts.onError ?? console.error)(e));
      throw err;
    }
    return handled;
  }

  const paced = Boolean(opts.pacer && opts.channels.sms.sender);
  // About 2 s of pace: two rows in flight per number, each in a lane of its own that claims one
  // row at a time (issue 13). One shared lane waited for its claim's slowest row while the numbers
  // whose rows were done sat idle (the event-day replay: docs/decisions/0211).
  const numbers = Math.max(1, opts.channels.sms.senders?.length ?? 1);
  const smsBatch = opts.smsBatchSize ?? 2 * numbers;
  const smsLanes = Math.min(16, smsBatch);
  const perSmsLane = Math.max(1, Math.ceil(smsBatch / smsLanes));
  // The email lane claims up to 3 batches' worth after a pass the send-time rules mostly skipped (a reminder
  // to people already checked in): the rest still fills batches, so fewer of the provider's requests are spent.
  const mainLane = () => {
    const base = opts.batchSize ?? 100;
    return lane(paced ? "email" : undefined, base, opts.concurrency ?? 8, true, paced ? (opts.emailClaimMax ?? Math.max(base, EMAIL_LANE_CLAIM)) : base);
  };
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
