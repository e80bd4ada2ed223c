import { getDb } from "@/lib/db";
import { now } from "@/lib/clock";
import {
  markPlanFailed, rankPlanStep, storePlanStep, writeCounterpartsStep, writePeersStep, writeSessionsStep, writeSponsorsStep,
} from "@/lib/orchestration/build";
import { attendeeCheckedIn, inngest } from "../client";

/**
 * SPEC §5: at check-in, rank (deterministic), write the sentences (one model call
 * per step, each with its own timeout and template fallback), store the plan and
 * its messages. A failure marks the plan failed for the dashboard; the check-in stays.
 */
export const buildAttendeePlanFunction = inngest.createFunction(
  {
    id: "build-attendee-plan",
    triggers: [attendeeCheckedIn],
    concurrency: { key: "event.data.attendeeId", limit: 1 },
    retries: 4,
    onFailure: async ({ event, error }) => {
      await markPlanFailed(await getDb(), event.data.event.data.attendeeId, error.message);
    },
  },
  async ({ event, step }) => {
    const plan = await step.run("rank-plan", async () => rankPlanStep(await getDb(), event.data.attendeeId, now()));
    if (!plan) return { status: "skipped" as const };
    const sessions = await step.run("write-session-whys", () => writeSessionsStep(plan));
    const sponsors = await step.run("write-sponsor-pitches", () => writeSponsorsStep(plan));
    const peers = await step.run("write-peer-intros", () => writePeersStep(plan));
    const counterpartPeers = await step.run("write-counterpart-intros", () => writeCounterpartsStep(plan));
    const stored = await step.run("store-plan", async () =>
      storePlanStep(await getDb(), plan, { sessions, sponsors, peers, counterpartPeers }, now()),
    );
    return { status: "ready" as const, ...stored };
  },
);
