/** Scheduler health on the dashboard (SPEC §7): the local driver's heartbeat and whether Inngest is configured. */
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { readHeartbeat } from "@/lib/jobs/heartbeat";

/** Older than this, the local driver is reported as stalled (it beats every few seconds). */
export const HEARTBEAT_STALE_MS = 30_000;

export async function schedulerHealth(db: Db, at: Date) {
  const beat = await readHeartbeat(db);
  const e = env();
  const ageMs = beat ? at.getTime() - new Date(beat.at).getTime() : null;
  return {
    localDriver: beat ? { at: beat.at, ageMs, mode: beat.mode, healthy: ageMs !== null && ageMs <= HEARTBEAT_STALE_MS } : null,
    inngestConfigured: Boolean(e.INNGEST_EVENT_KEY || e.INNGEST_DEV),
  };
}

/** SMS_SEGMENTS_PER_SECOND (SPEC §4.2, default 1): the pace the drain time is projected at. */
export function smsPace(): number {
  return env().SMS_SEGMENTS_PER_SECOND;
}
