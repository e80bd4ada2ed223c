import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { systemState } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { claimDueMessages, processClaimed, type DeliveryDeps } from "@/lib/messaging/deliver";
import { reconcileUncertainSms, recoverStaleClaims } from "@/lib/messaging/reconcile";
import { compactMessageTallies } from "@/lib/metrics/messages";
import { purgeExpiredRateLimits } from "@/lib/ratelimit";

/**
 * The outbox's backstops (CONVENTIONS: backstops are jobs too): everything that must
 * happen even when a scheduled run was lost or a process died. One function, called
 * by the local driver and by the `outbox-backstops` Inngest cron every minute (on
 * Vercel there is no long-lived process for the driver).
 */
export type BackstopOptions = {
  deps: DeliveryDeps;
  now?: Date;
  /** Deliver rows still `scheduled` this long after they were due (Inngest lost them). Null: the caller delivers due rows itself. */
  sweepOverdueMs?: number | null;
  staleClaimMs?: number;
  reconcileAfterMs?: number;
  /** Retries plans left pending or failed and runs due peer batches (lib/orchestration/local-jobs). */
  plans?: (now: Date) => Promise<void>;
  sweepLimit?: number;
  /** Who ran it, for the dashboard's "backstops last ran" (the cron or the local driver). */
  source?: BackstopSource;
};

export type BackstopSource = "cron" | "local_driver";
export const BACKSTOPS_KEY = "backstops_last_run";
export type BackstopRun = { at: string; source: BackstopSource; tally: BackstopTally };

/** Expired rate-limit counters are purged at most this often per process (the cron runs once a minute). */
export const PURGE_EVERY_MS = 60_000;
let lastPurgeAt = -Infinity;

export type BackstopTally = { swept: number; recovered: number; confirmed: number; retried: number; failed: number; purgedLimits: number };

export async function runBackstops(db: Db, opts: BackstopOptions): Promise<BackstopTally> {
  const at = opts.now ?? clockNow();
  const recovered = await recoverStaleClaims(db, { staleMs: opts.staleClaimMs, now: at });
  const reconciled = await reconcileUncertainSms(db, opts.deps.channels, { olderThanMs: opts.reconcileAfterMs, now: at });
  let swept = 0;
  if (opts.sweepOverdueMs != null) {
    const rows = await claimDueMessages(db, opts.sweepLimit ?? 200, at, { overdueByMs: opts.sweepOverdueMs });
    for (const row of rows) await processClaimed(db, row, opts.deps);
    swept = rows.length;
  }
  if (opts.plans) await opts.plans(at);
  // Expired rate-limit counters (the library's own cleanup timer is off: it would outlive serverless runs).
  let purgedLimits = 0;
  if (at.getTime() - lastPurgeAt >= PURGE_EVERY_MS || at.getTime() < lastPurgeAt) {
    lastPurgeAt = at.getTime();
    purgedLimits = await purgeExpiredRateLimits(db).catch(() => 0);
  }
  // The dashboard's outbox tallies, folded to one row per key (a second caller at the same moment skips).
  await compactMessageTallies(db);
  const tally = { swept, recovered, ...reconciled, purgedLimits };
  const run: BackstopRun = { at: at.toISOString(), source: opts.source ?? "local_driver", tally };
  await db
    .insert(systemState)
    .values({ key: BACKSTOPS_KEY, value: run })
    .onConflictDoUpdate({ target: systemState.key, set: { value: run, updatedAt: sql`now()` } });
  return tally;
}

/** The last completed backstop run (either source), or null before the first. */
export async function readLastBackstopRun(db: Db): Promise<BackstopRun | null> {
  const [row] = await db.select().from(systemState).where(eq(systemState.key, BACKSTOPS_KEY));
  return (row?.value as BackstopRun | undefined) ?? null;
}
