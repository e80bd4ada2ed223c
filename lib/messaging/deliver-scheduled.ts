import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages } from "@/db/schema";
import { deliverMessage, type DeliveryDeps, type DeliveryOutcome } from "./deliver";

export type ScheduledDelivery = { messageId: string; scheduledFor: string; version?: number };

export type ScheduledOutcome =
  | DeliveryOutcome
  /** The row was moved, cancelled or re-planned after this run was started: a newer run owns it. */
  | { status: "superseded"; scheduledFor: string };

/**
 * What a scheduler run does when it wakes: deliver the row unless it was
 * rescheduled since (then a newer run owns it). Shared by Inngest and tests.
 */
export async function deliverScheduledMessage(db: Db, job: ScheduledDelivery, deps: DeliveryDeps): Promise<ScheduledOutcome> {
  const [row] = await db
    .select({ scheduledFor: eventMessages.scheduledFor, status: eventMessages.status, version: eventMessages.scheduleVersion })
    .from(eventMessages)
    .where(eq(eventMessages.id, job.messageId));
  const moved = row && row.scheduledFor.getTime() !== new Date(job.scheduledFor).getTime();
  const replanned = row && job.version !== undefined && row.version !== job.version;
  if (row && row.status === "scheduled" && (moved || replanned)) {
    return { status: "superseded", scheduledFor: row.scheduledFor.toISOString() };
  }
  return deliverMessage(db, job.messageId, deps);
}
