import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages } from "@/db/schema";
import type { Channels } from "@/lib/channels/types";
import { deliverMessage, type DeliveryOutcome } from "./deliver";

export type ScheduledDelivery = { messageId: string; scheduledFor: string };

export type ScheduledOutcome =
  | DeliveryOutcome
  /** The row was moved after this run was started: the run for the new time delivers it. */
  | { status: "superseded"; scheduledFor: string };

/**
 * What a scheduler run does when it wakes: deliver the row unless it was
 * rescheduled since (then a newer run owns it). Shared by Inngest and tests.
 */
export async function deliverScheduledMessage(db: Db, job: ScheduledDelivery, channels: Channels): Promise<ScheduledOutcome> {
  const [row] = await db
    .select({ scheduledFor: eventMessages.scheduledFor, status: eventMessages.status })
    .from(eventMessages)
    .where(eq(eventMessages.id, job.messageId));
  if (row && row.status === "scheduled" && row.scheduledFor.getTime() !== new Date(job.scheduledFor).getTime()) {
    return { status: "superseded", scheduledFor: row.scheduledFor.toISOString() };
  }
  return deliverMessage(db, job.messageId, { channels });
}
