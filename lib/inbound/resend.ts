import { Resend } from "resend";
import type { Db } from "@/db/client";
import { markEmailBounced } from "./opt-out";

/**
 * Resend webhooks (svix-signed): a bounce or a complaint stops further email to the
 * address (contractors.email_bounced_at, honoured by the skip rules). Other events are
 * acknowledged and ignored.
 */
export function verifyResendWebhook(raw: string, headers: Headers, secret: string): ResendEvent | null {
  const id = headers.get("svix-id");
  const timestamp = headers.get("svix-timestamp");
  const signature = headers.get("svix-signature");
  if (!id || !timestamp || !signature) return null;
  try {
    const resend = new Resend("re_webhook_verify_only");
    return resend.webhooks.verify({ payload: raw, headers: { id, timestamp, signature }, webhookSecret: secret }) as unknown as ResendEvent;
  } catch {
    return null;
  }
}

type ResendEvent = { type: string; data: { to?: string[] | string; bounce?: { type?: string } } };

export async function applyResendEvent(db: Db, event: ResendEvent): Promise<number> {
  if (event.type !== "email.bounced" && event.type !== "email.complained") return 0;
  // A transient (soft) bounce — full mailbox, greylisting — is retried by Resend, not a dead address.
  if (event.type === "email.bounced" && /transient|temporary|soft/i.test(event.data.bounce?.type ?? "")) return 0;
  const to = Array.isArray(event.data.to) ? event.data.to : event.data.to ? [event.data.to] : [];
  let stopped = 0;
  for (const address of to) stopped += await markEmailBounced(db, address);
  return stopped;
}
