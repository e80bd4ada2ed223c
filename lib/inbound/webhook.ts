import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { readFormBody } from "@/lib/http/form";
import { errorResponse } from "@/lib/http/response";
import { applyDeliveryStatus } from "./delivery-status";
import { handleInboundSms, type InboundDeps } from "./handle";
import { emptyTwiml, publicWebhookUrl, verifyTwilioSignature } from "./twilio";
import { inboundSmsFields, statusCallbackFields } from "./webhook-schemas";

/**
 * The two Twilio webhooks from request to response: the form body, the signature
 * (against the configured public URL), the fields, then lib. The route handlers wrap
 * these in route(); the benchmark calls them directly.
 */
async function signedForm(req: Request): Promise<{ ok: true; fields: Record<string, string> } | { ok: false; response: Response }> {
  const form = await readFormBody(req);
  if (!form.ok) return { ok: false, response: errorResponse({ status: form.status, code: "bad_body", message: "Expected a form-encoded Twilio webhook." }) };
  const signed = verifyTwilioSignature(env().TWILIO_AUTH_TOKEN, req.headers.get("x-twilio-signature"), publicWebhookUrl(req), form.fields);
  if (!signed) return { ok: false, response: errorResponse({ status: 403, code: "bad_signature", message: "The request signature is missing or invalid." }) };
  return { ok: true, fields: form.fields };
}

export async function twilioSmsWebhook(db: Db, req: Request, deps: InboundDeps = {}): Promise<Response> {
  const form = await signedForm(req);
  if (!form.ok) return form.response;
  const fields = inboundSmsFields.safeParse(form.fields);
  if (!fields.success) return errorResponse({ status: 400, code: "invalid_webhook", message: "MessageSid, From and Body are required." });
  await handleInboundSms(db, { sid: fields.data.MessageSid, from: fields.data.From, body: fields.data.Body }, deps);
  // A replayed MessageSid is answered the same way, so Twilio stops retrying.
  return emptyTwiml();
}

export async function twilioStatusWebhook(db: Db, req: Request): Promise<Response> {
  const form = await signedForm(req);
  if (!form.ok) return form.response;
  const fields = statusCallbackFields.safeParse(form.fields);
  if (!fields.success) return errorResponse({ status: 400, code: "invalid_webhook", message: "MessageSid and MessageStatus are required." });
  const f = fields.data;
  await applyDeliveryStatus(db, { messageSid: f.MessageSid, status: f.MessageStatus, errorCode: f.ErrorCode, to: f.To });
  return new Response(null, { status: 204 });
}
