import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { twilioSmsWebhook } from "@/lib/inbound/webhook";

/** Twilio "A message comes in" (SPEC §6): signed by Twilio; the reply goes through the outbox. */
export const POST = route({ auth: "public" }, async ({ req }) => twilioSmsWebhook(await getDb(), req));
