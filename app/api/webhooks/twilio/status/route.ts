import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { route } from "@/lib/http/route";
import { readFormBody } from "@/lib/http/form";
import { errorResponse } from "@/lib/http/response";
import { applyDeliveryStatus } from "@/lib/inbound/delivery-status";
import { publicWebhookUrl, verifyTwilioSignature } from "@/lib/inbound/twilio";
import { statusCallbackFields } from "@/lib/inbound/webhook-schemas";

/** Twilio message status callback: updates the outbox row's delivery status, never backwards. */
export const POST = route({ auth: "public" }, async ({ req }) => {
  const form = await readFormBody(req);
  if (!form.ok) return errorResponse({ status: form.status, code: "bad_body", message: "Expected a form-encoded Twilio webhook." });
  const signed = verifyTwilioSignature(env().TWILIO_AUTH_TOKEN, req.headers.get("x-twilio-signature"), publicWebhookUrl(req), form.fields);
  if (!signed) return errorResponse({ status: 403, code: "bad_signature", message: "The request signature is missing or invalid." });
  const fields = statusCallbackFields.safeParse(form.fields);
  if (!fields.success) return errorResponse({ status: 400, code: "invalid_webhook", message: "MessageSid and MessageStatus are required." });
  const f = fields.data;
  await applyDeliveryStatus(await getDb(), { messageSid: f.MessageSid, status: f.MessageStatus, errorCode: f.ErrorCode, to: f.To });
  return new Response(null, { status: 204 });
});
