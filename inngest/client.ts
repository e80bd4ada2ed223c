import { Inngest, cron, eventType } from "inngest";
import { env } from "@/lib/env";
import { jobEventSchemas } from "@/lib/jobs/events";
import { setJobEventSender } from "@/lib/jobs/dispatch";

/** Every event TPX sends or reacts to, typed in one place (schemas in lib/jobs/events.ts). */
export const messageScheduled = eventType("tpx/message.scheduled", { schema: jobEventSchemas["tpx/message.scheduled"] });
export const messageCancelled = eventType("tpx/message.cancelled", { schema: jobEventSchemas["tpx/message.cancelled"] });
export const attendeeCheckedIn = eventType("tpx/attendee.checked-in", { schema: jobEventSchemas["tpx/attendee.checked-in"] });
export const smsDue = eventType("tpx/sms.due", { schema: jobEventSchemas["tpx/sms.due"] });
/** The outbox's backstops run every minute (lib/jobs/backstops.ts). */
export const everyMinute = cron("* * * * *");
export const eventEndScheduled = eventType("tpx/event.end-scheduled", { schema: jobEventSchemas["tpx/event.end-scheduled"] });
/** Between events (lib/followup/between-events.ts): once a day, 15:00 UTC (morning in the US). */
export const dailyAt1500Utc = cron("0 15 * * *");
export const peerBatchScheduled = eventType("tpx/peers.batch-scheduled", { schema: jobEventSchemas["tpx/peers.batch-scheduled"] });

const e = env();

export const inngest = new Inngest({
  id: "tpx",
  // INNGEST_DEV=1 → the local dev server (npx inngest-cli dev); otherwise Cloud with keys.
  isDev: e.INNGEST_DEV ? e.INNGEST_DEV !== "0" : undefined,
  eventKey: e.INNGEST_EVENT_KEY,
  signingKey: e.INNGEST_SIGNING_KEY,
  baseUrl: e.INNGEST_BASE_URL,
});

/** Routes lib/jobs' dispatches to Inngest. Called once at start when Inngest is configured. */
export function installInngestSender(): void {
  setJobEventSender(async (events) => {
    await inngest.send(events);
  });
}
