import { getDb } from "@/lib/db";
import { createEvent } from "@/lib/events/api-writes";
import { listEvents } from "@/lib/api/queries";
import { apiError } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { EventCreate, EventListQuery } from "@/lib/api/schemas";
import { eventOut } from "@/lib/api/serialize";

/** GET /api/v1/events — every event, a page at a time (read). */
export const GET = apiRoute({ query: EventListQuery }, async ({ query }) => {
  return Response.json(await listEvents(await getDb(), query));
});

/** POST /api/v1/events — creates an event, as a draft unless `status: "published"` (write). */
export const POST = apiRoute({ body: EventCreate }, async ({ body }) => {
  const result = await createEvent(await getDb(), {
    name: body.name,
    slug: body.slug,
    description: body.description,
    venue: body.venue,
    address: body.address,
    timezone: body.timezone,
    startsAt: body.starts_at,
    endsAt: body.ends_at,
    status: body.status ?? "draft",
    checkInClosesAt: body.check_in_closes_at ?? null,
    organizerName: body.organizer?.name ?? null,
    organizerEmail: body.organizer?.email ?? null,
    organizerPhone: body.organizer?.phone ?? null,
  });
  if (!result.ok) return apiError(result.error);
  return Response.json(eventOut(result.event), { status: 201 });
});
