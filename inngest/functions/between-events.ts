import { getDb } from "@/lib/db";
import { now } from "@/lib/clock";
import { runBetweenEventsIfDue } from "@/lib/followup/between-events";
import { dailyAt1500Utc, inngest } from "../client";

/** Twenty hours: a cron run and a local driver's pass on the same day count as one (lib/followup/between-events.ts). */
export const BETWEEN_EVENTS_MIN_GAP_MS = 20 * 3_600_000;

/**
 * SPEC §3 between events, once a day: re_engagement for contractors quiet for 30 days
 * and event_invitation emails for published events that fit them (lib/followup).
 */
export const betweenEventsFunction = inngest.createFunction(
  { id: "between-events-daily", triggers: [dailyAt1500Utc], concurrency: { limit: 1 }, retries: 2 },
  async ({ step }) =>
    step.run("plan-between-events", async () => {
      const tally = await runBetweenEventsIfDue(await getDb(), now(), BETWEEN_EVENTS_MIN_GAP_MS);
      return tally ?? { skipped: "already ran today" as const };
    }),
);
