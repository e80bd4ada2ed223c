import { NonRetriableError } from "inngest";
import { getChannels } from "@/lib/channels";
import { getDb } from "@/lib/db";
import { MAX_ATTEMPTS } from "@/lib/messaging/deliver";
import { deliverScheduledMessage } from "@/lib/messaging/deliver-scheduled";
import { inngest, messageCancelled, messageScheduled } from "../client";

/**
 * One run per planned message: sleep until its time, deliver in a step, and on a
 * transient failure sleep until the backoff's retry time (SPEC §4). Step ids are a
 * public contract for sleeping runs: do not rename them.
 */
export const deliverMessageFunction = inngest.createFunction(
  {
    id: "deliver-message",
    triggers: [messageScheduled],
    cancelOn: [{ event: messageCancelled, if: "async.data.messageId == event.data.messageId" }],
    // Our own backoff handles provider errors; Inngest retries only crashes (DB down).
    retries: 3,
  },
  async ({ event, step }) => {
    await step.sleepUntil("wait-until-scheduled", new Date(event.data.scheduledFor));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const outcome = await step.run(`deliver-attempt-${attempt}`, async () =>
        deliverScheduledMessage(await getDb(), event.data, getChannels()),
      );
      if (outcome.status === "not-claimed" && outcome.current === "missing") {
        throw new NonRetriableError(`message ${event.data.messageId} no longer exists`);
      }
      if (outcome.status === "retry") {
        await step.sleepUntil(`wait-before-attempt-${attempt + 1}`, new Date(outcome.retryAt));
        continue;
      }
      // Woke before the row is due (clock skew, or a retry time set by the sweep): wait for it.
      if (outcome.status === "not-due") {
        await step.sleepUntil(`wait-until-due-${attempt}`, new Date(outcome.dueAt));
        continue;
      }
      return outcome;
    }
    return { status: "gave-up" as const };
  },
);
