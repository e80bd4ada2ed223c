import { NonRetriableError } from "inngest";
import { getDb } from "@/lib/db";
import { now } from "@/lib/clock";
import { loadEventTimes } from "@/lib/events/queries";
import { completeEvent } from "@/lib/followup/complete";
import { eventEnd } from "@/lib/scheduling/event-times";
import { eventEndScheduled, inngest } from "../client";

/**
 * SPEC §6: the event completes itself at its end. One run per scheduled end (the event
 * id carries it, lib/jobs/dispatch.ts): it sleeps until then, re-reads the event, and
 * stands down if the end moved (the newer run owns it) or the event was cancelled.
 * completeEvent is idempotent, so a duplicate run or the local driver's poll plans nothing twice.
 */
export const completeEventFunction = inngest.createFunction(
  { id: "complete-event", triggers: [eventEndScheduled], retries: 3 },
  async ({ event, step }) => {
    await step.sleepUntil("wait-until-event-end", new Date(event.data.endsAt));
    const current = await step.run("check-event-end", async () => {
      const loaded = await loadEventTimes(await getDb(), event.data.eventId);
      if (!loaded) throw new NonRetriableError(`event ${event.data.eventId} no longer exists`);
      return { endsAt: eventEnd(loaded.times).toISOString(), status: loaded.event.status };
    });
    if (current.endsAt !== event.data.endsAt) return { status: "superseded" as const, current: current.endsAt };
    return step.run("complete-event", async () => completeEvent(await getDb(), event.data.eventId, now()));
  },
);
