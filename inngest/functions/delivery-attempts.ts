import { NonRetriableError } from "inngest";
import { getDb } from "@/lib/db";
import { appDeliveryDeps } from "@/lib/jobs/delivery-deps";
import { MAX_ATTEMPTS } from "@/lib/messaging/deliver";
import { deliverScheduledMessage, type ScheduledDelivery } from "@/lib/messaging/deliver-scheduled";

type Step = {
  run<T>(id: string, fn: () => Promise<T>): Promise<unknown>;
  sleepUntil(id: string, at: Date): Promise<unknown>;
};

/**
 * The attempt loop both delivery functions share: deliver in a step; on a transient
 * failure sleep until the backoff's retry time (SPEC §4). Step ids are a public
 * contract for sleeping runs: do not rename them.
 */
export async function runDeliveryAttempts(step: Step, job: ScheduledDelivery) {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const outcome = (await step.run(`deliver-attempt-${attempt}`, async () => {
      const db = await getDb();
      return deliverScheduledMessage(db, job, appDeliveryDeps(db));
    })) as Awaited<ReturnType<typeof deliverScheduledMessage>>;
    if (outcome.status === "not-claimed" && outcome.current === "missing") {
      throw new NonRetriableError(`message ${job.messageId} no longer exists`);
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
}
