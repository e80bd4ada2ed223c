import { env, type Env } from "@/lib/env";

/** Where Twilio posts delivery status: only when a public webhook URL is configured. */
export function smsStatusCallbackUrl(e: Pick<Env, "TWILIO_WEBHOOK_BASE_URL"> = env()): string | undefined {
  return e.TWILIO_WEBHOOK_BASE_URL ? `${e.TWILIO_WEBHOOK_BASE_URL.replace(/\/$/, "")}/api/webhooks/twilio/status` : undefined;
}
