import twilio from "twilio";
import { env, type Env } from "@/lib/env";

/**
 * Twilio webhook authentication. The signature covers the full URL Twilio called plus the
 * POST fields, so it is checked against the configured public URL (TWILIO_WEBHOOK_BASE_URL,
 * else APP_URL) with the request's path and query: never the Host header, which a proxy
 * (or an attacker) sets.
 */
export function publicWebhookUrl(req: Request, e: Pick<Env, "TWILIO_WEBHOOK_BASE_URL" | "APP_URL"> = env()): string {
  const base = (e.TWILIO_WEBHOOK_BASE_URL ?? e.APP_URL).replace(/\/$/, "");
  const u = new URL(req.url);
  return `${base}${u.pathname}${u.search}`;
}

export function verifyTwilioSignature(authToken: string | undefined, signature: string | null, url: string, params: Record<string, string>): boolean {
  if (!authToken || !signature) return false;
  try {
    return twilio.validateRequest(authToken, signature, url, params);
  } catch {
    return false;
  }
}

/** An empty TwiML answer: the reply, if any, goes through the outbox. */
export function emptyTwiml(): Response {
  return new Response('<?xml version="1.0" encoding="UTF-8"?><Response></Response>', { status: 200, headers: { "content-type": "text/xml" } });
}
