import { z } from "zod";
import { messageChannel, messageStatus, messageType } from "@/db/schema";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { uuid } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { listOutbox } from "@/lib/messaging/outbox";

const params = z.object({ id: uuid });
const query = z.strictObject({
  attendee: uuid.optional(),
  status: z.enum(messageStatus.enumValues, { error: `must be one of ${messageStatus.enumValues.join(", ")}` }).optional(),
  channel: z.enum(messageChannel.enumValues, { error: `must be one of ${messageChannel.enumValues.join(", ")}` }).optional(),
  type: z.enum(messageType.enumValues, { error: "is not a message type" }).optional(),
});

/** GET /api/admin/events/{id}/messages?attendee=&status=&channel=&type= — the outbox as JSON (admin). */
export const GET = route({ auth: "admin", params, query }, async ({ params, query }) => {
  const outbox = await listOutbox(await getDb(), params.id, {
    attendeeId: query.attendee,
    status: query.status,
    channel: query.channel,
    type: query.type,
  });
  if (!outbox) return errorResponse({ status: 404, code: "event_not_found", message: "No such event." });
  return Response.json({
    event: { id: outbox.event.id, name: outbox.event.name, timezone: outbox.event.timezone },
    messages: outbox.messages.map((m) => ({
      id: m.id,
      attendee_id: m.attendeeId,
      attendee_name: m.attendeeName,
      to: m.toAddress,
      type: m.type,
      channel: m.channel,
      scheduled_for: m.scheduledFor.toISOString(),
      status: m.status,
      status_reason: m.statusReason,
      attempts: m.attempts,
      last_error: m.lastError,
      provider_message_id: m.providerMessageId,
      actual_send_time: m.actualSendTime?.toISOString() ?? null,
      subject: m.renderedSubject,
      body: m.renderedBody,
    })),
  });
});
