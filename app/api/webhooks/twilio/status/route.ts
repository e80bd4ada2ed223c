import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { twilioStatusWebhook } from "@/lib/inbound/webhook";

/** Twilio message status callback: updates the outbox row's delivery status, never backwards. */
export const POST = route({ auth: "public" }, async ({ req }) => twilioStatusWebhook(await getDb(), req));
