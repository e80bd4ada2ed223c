import { getDb } from "@/lib/db";
import { runBackstops } from "@/lib/jobs/backstops";
import { appDeliveryDeps } from "@/lib/jobs/delivery-deps";
import { followupSweep } from "@/lib/followup/sweep";
import { localOrchestration } from "@/lib/orchestration/local-jobs";
import { everyMinute, inngest } from "../client";

/** Rows Inngest lost are delivered once they are this late (the local driver's sweep uses the same). */
export const SWEEP_OVERDUE_MS = 120_000;

/**
 * The outbox's backstops every minute (lib/jobs/backstops.ts): on Vercel there is no
 * long-lived process for the local driver, so this cron is what recovers a crash,
 * reconciles uncertain SMS, sweeps lost runs and retries stuck plans.
 */
export const outboxBackstopsFunction = inngest.createFunction(
  { id: "outbox-backstops", triggers: [everyMinute], concurrency: { limit: 1 }, retries: 1 },
  async ({ step }) =>
    step.run("run-backstops", async () => {
      const db = await getDb();
      const orchestration = localOrchestration(db, { retryAfterMs: SWEEP_OVERDUE_MS });
      // Events whose completion run was lost complete here (the daily pass is its own cron).
      const followup = followupSweep(db, { daily: false });
      return runBackstops(db, {
        deps: appDeliveryDeps(db),
        sweepOverdueMs: SWEEP_OVERDUE_MS,
        source: "cron",
        plans: async (at) => {
          await orchestration.sweep(at);
          await followup(at);
        },
      });
    }),
);
