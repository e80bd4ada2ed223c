import type { Db } from "@/db/client";
import { runBetweenEventsIfDue } from "./between-events";
import { completeDueEvents } from "./complete";

/**
 * The follow-up part of the backstops (lib/jobs/backstops.ts `plans`): complete every
 * open event whose end has passed (Inngest's run was lost, or there is no Inngest), and,
 * when `daily` (the local driver without Inngest), the between-events pass once a day.
 */
export function followupSweep(db: Db, opts: { daily: boolean }) {
  return async (now: Date) => {
    await completeDueEvents(db, now);
    if (opts.daily) await runBetweenEventsIfDue(db, now);
  };
}
