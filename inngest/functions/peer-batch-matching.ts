import { getDb } from "@/lib/db";
import { now } from "@/lib/clock";
import { peerBatchTimeFor, runPeerBatch } from "@/lib/orchestration/peer-batch";
import { inngest, peerBatchScheduled } from "../client";

/**
 * SPEC §5.4: one run per scheduled batch time: sleep until lunch − 15 min, then
 * match everyone checked in. If the agenda moved since, a newer run owns the batch.
 */
export const peerBatchMatchingFunction = inngest.createFunction(
  { id: "peer-batch-matching", triggers: [peerBatchScheduled], retries: 3 },
  async ({ event, step }) => {
    await step.sleepUntil("wait-until-batch-time", new Date(event.data.runAt));
    const current = await step.run("check-batch-time", async () => {
      const at = await peerBatchTimeFor(await getDb(), event.data.eventId);
      return at ? at.toISOString() : null;
    });
    if (current !== event.data.runAt) return { status: "superseded" as const, current };
    const result = await step.run("match-peers", async () => runPeerBatch(await getDb(), event.data.eventId, now()));
    return result ? { status: "matched" as const, ...result } : { status: "already-ran" as const };
  },
);
