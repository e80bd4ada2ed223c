import { getDb } from "@/lib/db";
import { listMessages } from "@/lib/api/queries";
import { eventOr404 } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { EventParams, MessageListQuery } from "@/lib/api/schemas";

/** GET /api/v1/events/{eventId}/messages — the event's outbox, filterable by attendee, status, type and channel (read). */
export const GET = apiRoute({ params: EventParams, query: MessageListQuery }, async ({ params, query }) => {
  const db = await getDb();
  const event = await eventOr404(db, params.eventId);
  if (event instanceof Response) return event;
  return Response.json(await listMessages(db, event.id, { ...query, attendeeId: query.attendee_id }));
});
