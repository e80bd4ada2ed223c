/**
 * Scheduler health on the dashboard (SPEC §7): the local driver's heartbeat, whether
 * Inngest is configured, failed dispatches to it, and the backstops' last run (the
 * every-minute cron, or the local driver's loop).
 */
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { readLastBackstopRun } from "@/lib/jobs/backstops";
import { readDispatchFailures } from "@/lib/jobs/health";
import { readHeartbeat } from "@/lib/jobs/heartbeat";

/** Older than this, the local driver is reported as stalled (it beats every few seconds). */
export const HEARTBEAT_STALE_MS = 30_000;

export async function schedulerHealth(db: Db, at: Date) {
  const [beat, dispatch, backstops] = await Promise.all([readHeartbeat(db), readDispatchFailures(db), readLastBackstopRun(db)]);
  const e = env();
  const ageMs = beat ? at.getTime() - new Date(beat.at).getTime() : null;
  return {
    localDriver: beat ? { at: beat.at, ageMs, mode: beat.mode, healthy: ageMs !== null && ageMs <= HEARTBEAT_STALE_MS } : null,
    inngestConfigured: Boolean(e.INNGEST_EVENT_KEY || e.INNGEST_DEV),
    dispatchErrors: {
      count: dispatch.count,
      lastError: dispatch.lastError,
      lastAgeMs: dispatch.lastAt ? at.getTime() - new Date(dispatch.lastAt).getTime() : null,
    },
    backstops: backstops ? { at: backstops.at, ageMs: at.getTime() - new Date(backstops.at).getTime(), source: backstops.source } : null,
  };
}

/** SMS_SEGMENTS_PER_SECOND (SPEC §4.2, default 1): the pace the drain time is projected at. */
export function smsPace(): number {
  return env().SMS_SEGMENTS_PER_SECOND;
}
