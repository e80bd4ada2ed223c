import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { listOutbox } from "@/lib/messaging/outbox";

/** GET /api/admin/events/{id}/messages?attendee=&status=&channel=&type= — the outbox as JSON (admin). */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await requireApiUser(req, ["admin"]);
  if (auth instanceof Response) return auth;
  const { id } = await ctx.params;
  const q = new URL(req.url).searchParams;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return errorResponse({ status: 404, code: "event_not_found", message: "No such event." });
  const outbox = await listOutbox(await getDb(), id, {
    attendeeId: q.get("attendee") ?? undefined,
    status: q.get("status") ?? undefined,
    channel: q.get("channel") ?? undefined,
    type: q.get("type") ?? undefined,
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
}
