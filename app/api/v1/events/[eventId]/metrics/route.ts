import { getDb } from "@/lib/db";
import { eventMetrics } from "@/lib/api/queries";
import { eventOr404 } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { EventParams } from "@/lib/api/schemas";

/** GET /api/v1/events/{eventId}/metrics — registrations, check-ins and messages by status (read). */
export const GET = apiRoute({ params: EventParams }, async ({ params }) => {
  const db = await getDb();
  const event = await eventOr404(db, params.eventId);
  if (event instanceof Response) return event;
  return Response.json(await eventMetrics(db, event.id));
});
