import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { route } from "@/lib/http/route";
import { readFormBody } from "@/lib/http/form";
import { errorResponse } from "@/lib/http/response";
import { handleInboundSms } from "@/lib/inbound/handle";
import { emptyTwiml, publicWebhookUrl, verifyTwilioSignature } from "@/lib/inbound/twilio";
import { inboundSmsFields } from "@/lib/inbound/webhook-schemas";

/** Twilio "A message comes in" (SPEC §6). Signed by Twilio; the reply goes through the outbox. */
export const POST = route({ auth: "public" }, async ({ req }) => {
  const form = await readFormBody(req);
  if (!form.ok) return errorResponse({ status: form.status, code: "bad_body", message: "Expected a form-encoded Twilio webhook." });
  const signed = verifyTwilioSignature(env().TWILIO_AUTH_TOKEN, req.headers.get("x-twilio-signature"), publicWebhookUrl(req), form.fields);
  if (!signed) return errorResponse({ status: 403, code: "bad_signature", message: "The request signature is missing or invalid." });
  const fields = inboundSmsFields.safeParse(form.fields);
  if (!fields.success) return errorResponse({ status: 400, code: "invalid_webhook", message: "MessageSid, From and Body are required." });
  await handleInboundSms(await getDb(), { sid: fields.data.MessageSid, from: fields.data.From, body: fields.data.Body });
  // A replayed MessageSid is answered the same way, so Twilio stops retrying.
  return emptyTwiml();
});
