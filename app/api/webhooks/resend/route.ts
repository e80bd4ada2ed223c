import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { route } from "@/lib/http/route";
import { errorResponse, MAX_BODY_BYTES } from "@/lib/http/response";
import { applyResendEvent, verifyResendWebhook } from "@/lib/inbound/resend";

/** Resend webhook (svix-signed): bounces and complaints stop further email to the address. */
export const POST = route({ auth: "public" }, async ({ req }) => {
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) return errorResponse({ status: 403, code: "bad_signature", message: "Webhook signing is not configured." });
  const raw = await req.text();
  if (raw.length > MAX_BODY_BYTES) return errorResponse({ status: 413, code: "body_too_large", message: "The request body is too large." });
  const event = verifyResendWebhook(raw, req.headers, secret);
  if (!event) return errorResponse({ status: 403, code: "bad_signature", message: "The request signature is missing or invalid." });
  await applyResendEvent(await getDb(), event);
  return new Response(null, { status: 204 });
});
