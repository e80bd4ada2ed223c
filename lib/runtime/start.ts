import { getChannels } from "@/lib/channels";
import { getDbHandle } from "@/lib/db";
import { DEMO_LOGINS, seedDemoIfEmpty } from "@/lib/demo/seed";
import { assertProductionReady, describeModes, env, inngestConfigured } from "@/lib/env";
import { now } from "@/lib/clock";
import { appDeliveryDeps } from "@/lib/jobs/delivery-deps";
import { setDispatchFailureRecorder, setLocalJobHandlers } from "@/lib/jobs/dispatch";
import { recordDispatchFailure } from "@/lib/jobs/health";
import { startLocalDriver, type LocalDriver } from "@/lib/jobs/local-driver";
import { followupSweep } from "@/lib/followup/sweep";
import { localOrchestration } from "@/lib/orchestration/local-jobs";
import { acquireLock } from "./pglite-lock";

const g = globalThis as unknown as { __tpxStarted?: Promise<LocalDriver | null> };

/**
 * Start-up, once per server process (instrumentation.ts): validate config (and refuse
 * an unsafe production one, SPEC §4.4), open and migrate the database, seed the demo in
 * development, start the local driver.
 */
export function startApp(): Promise<LocalDriver | null> {
  g.__tpxStarted ??= boot();
  return g.__tpxStarted;
}

/**
 * A malformed variable or an unsafe production configuration stops the process: left
 * running, Next would answer every request with a 500 while a process manager or a
 * health check saw it alive. Never during `next build`, which only throws.
 */
function refuseToStart(err: unknown): never {
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    console.error(`[tpx] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  throw err;
}

async function boot(): Promise<LocalDriver | null> {
  let e: ReturnType<typeof env>;
  try {
    e = env();
    assertProductionReady(e);
  } catch (err) {
    refuseToStart(err);
  }
  if (inngestConfigured(e)) {
    const { installInngestSender } = await import("@/inngest/client");
    installInngestSender();
  }
  console.log(["[tpx] starting with", ...describeModes(e).map((l) => `  ${l}`)].join("\n"));
  if (!e.DATABASE_URL) acquireLock(e.PGLITE_DATA_DIR);
  const { db } = await getDbHandle();
  setDispatchFailureRecorder((failure) => {
    console.error(`[tpx] dispatch failed for ${failure.events} event(s) (${failure.kinds.join(", ")}): ${failure.error}`);
    return recordDispatchFailure(db, failure, now());
  });

  const seed = e.SEED_DEMO === "on" || (e.SEED_DEMO === "auto" && e.NODE_ENV === "development");
  if (seed) {
    const result = await seedDemoIfEmpty(db);
    if (result.seeded) console.log(`[tpx] demo event seeded: ${e.APP_URL}/events/${result.slug}`);
    console.log(
      [`[tpx] sign in at ${e.APP_URL}/signin with`, ...DEMO_LOGINS.map((l) => `  ${l.role}: ${l.email} / ${l.password}`)].join("\n"),
    );
  }

  if (e.LOCAL_DRIVER === "off") return null;
  const mode = inngestConfigured(e) ? "sweep" : "all";
  console.log(`[tpx] local job driver on (${mode === "all" ? "delivers every due message" : "sweeps messages Inngest missed"})`);
  const orchestration = localOrchestration(db, { retryAfterMs: mode === "all" ? 15_000 : 120_000 });
  if (mode === "all") setLocalJobHandlers({ checkIn: orchestration.onCheckIn });
  const { channels, pacer } = appDeliveryDeps(db, getChannels());
  // Completion at event end and (without Inngest) the daily between-events pass ride on the backstops.
  const followup = followupSweep(db, { daily: mode === "all" });
  const extraWork = async (at: Date) => {
    await orchestration.sweep(at);
    await followup(at);
  };
  return startLocalDriver({ db, channels, pacer, mode, extraWork, backstopEveryMs: 2_000 });
}
