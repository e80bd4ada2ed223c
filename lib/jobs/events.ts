import { z } from "zod";

/**
 * The job events TPX sends (the contract between lib/jobs and inngest/).
 * inngest/client.ts turns these into typed Inngest event types.
 */
export const jobEventSchemas = {
  /** An outbox row is due at `scheduledFor`; a newer event for the same row supersedes it. */
  "tpx/message.scheduled": z.object({
    messageId: z.string(),
    scheduledFor: z.string(),
    /** event_messages.schedule_version when dispatched; a run for an older version stands down. */
    version: z.number().int().optional(),
    channel: z.enum(["email", "sms"]).optional(),
  }),
  /** An SMS is due now: the paced sender (throttled per sending number, SPEC §4.2) delivers it. */
  "tpx/sms.due": z.object({ messageId: z.string(), scheduledFor: z.string(), version: z.number().int().optional(), sender: z.string() }),
  /** The row was cancelled: any sleeping delivery run for it stops (cancelOn). */
  "tpx/message.cancelled": z.object({ messageId: z.string() }),
  /** An attendee checked in: build their personal plan (SPEC §5). */
  "tpx/attendee.checked-in": z.object({ attendeeId: z.string() }),
  /** Batch peer matching for an event is due at `runAt` (lunch − 15 min); a newer event supersedes. */
  "tpx/peers.batch-scheduled": z.object({ eventId: z.string(), runAt: z.string() }),
  /** The event ends at `endsAt`: complete it then (SPEC §6); a newer event for a moved end supersedes. */
  "tpx/event.end-scheduled": z.object({ eventId: z.string(), endsAt: z.string() }),
} as const;

export type JobEventName = keyof typeof jobEventSchemas;
export type JobEvent = {
  [K in JobEventName]: { name: K; data: z.infer<(typeof jobEventSchemas)[K]>; id?: string };
}[JobEventName];
