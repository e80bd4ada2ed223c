import { getDb } from "@/lib/db";
import { updateEvent, type EventValues } from "@/lib/events/api-writes";
import { apiError, eventOr404 } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { EventParams, EventUpdate } from "@/lib/api/schemas";
import { eventOut } from "@/lib/api/serialize";

/** GET /api/v1/events/{eventId} (read). */
export const GET = apiRoute({ params: EventParams }, async ({ params }) => {
  const event = await eventOr404(await getDb(), params.eventId);
  return event instanceof Response ? event : Response.json(eventOut(event));
});

/** PATCH /api/v1/events/{eventId} — changes the given fields; new times re-plan every dependent message (write). */
export const PATCH = apiRoute({ params: EventParams, body: EventUpdate }, async ({ params, body }) => {
  const patch: Partial<Omit<EventValues, "slug">> = {};
  if (body.name !== undefined) patch.name = body.name;
  if (body.description !== undefined) patch.description = body.description;
  if (body.venue !== undefined) patch.venue = body.venue;
  if (body.address !== undefined) patch.address = body.address;
  if (body.timezone !== undefined) patch.timezone = body.timezone;
  if (body.starts_at !== undefined) patch.startsAt = body.starts_at;
  if (body.ends_at !== undefined) patch.endsAt = body.ends_at;
  if (body.status !== undefined) patch.status = body.status;
  if (body.check_in_closes_at !== undefined) patch.checkInClosesAt = body.check_in_closes_at;
  if (body.organizer !== undefined) {
    patch.organizerName = body.organizer.name;
    patch.organizerEmail = body.organizer.email;
    patch.organizerPhone = body.organizer.phone;
  }
  const result = await updateEvent(await getDb(), params.eventId, patch);
  if (!result.ok) return apiError(result.error);
  return Response.json(eventOut(result.event));
});
