import { eq } from "drizzle-orm";
import { eventMessages } from "@/db/schema";
import { getChannels } from "@/lib/channels";
import { getDb } from "@/lib/db";
import { inngest, messageCancelled, messageScheduled } from "../client";
import { runDeliveryAttempts } from "./delivery-attempts";

/**
 * One run per planned message: sleep until its time, then deliver (SPEC §4). An SMS
 * through a real number is handed to `deliver-sms`, whose throttle paces the number
 * (SPEC §4.2): a throttle counts run starts, and this run started when it was planned.
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
    const sender = getChannels().sms.sender;
    if (sender) {
      const channel =
        event.data.channel ??
        (await step.run("read-channel", async () => {
          const [row] = await (await getDb()).select({ channel: eventMessages.channel }).from(eventMessages).where(eq(eventMessages.id, event.data.messageId));
          return row?.channel ?? null;
        }));
      if (channel === "sms") {
        const { messageId, scheduledFor, version } = event.data;
        await step.sendEvent("hand-to-paced-sender", {
          name: "tpx/sms.due",
          id: `sms-${messageId}-${new Date(scheduledFor).getTime()}-v${version ?? 0}`,
          data: { messageId, scheduledFor, version, sender },
        });
        return { status: "handed-to-paced-sender" as const };
      }
    }
    return runDeliveryAttempts(step, event.data);
  },
);
