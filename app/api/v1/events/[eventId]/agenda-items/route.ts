import { z } from "zod";
import { getDb } from "@/lib/db";
import { createAgendaItem } from "@/lib/events/api-writes";
import { pageQuery } from "@/lib/api/pagination";
import { listAgendaItems } from "@/lib/api/queries";
import { apiError, eventOr404 } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { AgendaItemCreate, EventParams } from "@/lib/api/schemas";
import { agendaItemOut } from "@/lib/api/serialize";

/** GET /api/v1/events/{eventId}/agenda-items — cancelled items included, with cancelled_at (read). */
export const GET = apiRoute({ params: EventParams, query: z.strictObject(pageQuery) }, async ({ params, query }) => {
  const db = await getDb();
  const event = await eventOr404(db, params.eventId);
  if (event instanceof Response) return event;
  return Response.json(await listAgendaItems(db, event.id, query));
});

/** POST /api/v1/events/{eventId}/agenda-items — adds an item; the messages that depend on the agenda move (write). */
export const POST = apiRoute({ params: EventParams, body: AgendaItemCreate }, async ({ params, body }) => {
  const result = await createAgendaItem(await getDb(), params.eventId, {
    key: body.key,
    type: body.type,
    title: body.title,
    description: body.description,
    room: body.room,
    startsAt: body.starts_at,
    endsAt: body.ends_at,
    speakerId: body.speaker_id ?? null,
    topics: body.topics,
  });
  if (!result.ok) return apiError(result.error);
  return Response.json(agendaItemOut(result.item), { status: 201 });
});
