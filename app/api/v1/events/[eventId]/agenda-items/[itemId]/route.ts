import { getDb } from "@/lib/db";
import { cancelAgendaItemOf, updateAgendaItem } from "@/lib/events/api-writes";
import { findAgendaItem } from "@/lib/events/items";
import type { AgendaValues } from "@/lib/events/items";
import { apiError, eventOr404 } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { AgendaItemParams, AgendaItemUpdate } from "@/lib/api/schemas";
import { agendaItemOut, movedOut } from "@/lib/api/serialize";
import { errorResponse } from "@/lib/http/response";

const itemNotFound = () => errorResponse({ status: 404, code: "agenda_item_not_found", message: "No such agenda item in this event." });

/** GET /api/v1/events/{eventId}/agenda-items/{itemId} — cancelled items too, with cancelled_at (read). */
export const GET = apiRoute({ params: AgendaItemParams }, async ({ params }) => {
  const db = await getDb();
  const event = await eventOr404(db, params.eventId);
  if (event instanceof Response) return event;
  const item = await findAgendaItem(db, event.id, params.itemId);
  return item ? Response.json(agendaItemOut(item)) : itemNotFound();
});

/**
 * PATCH /api/v1/events/{eventId}/agenda-items/{itemId} — changes the given fields, with the
 * console's checks and re-plan; `moved` says which planned messages moved where (write).
 */
export const PATCH = apiRoute({ params: AgendaItemParams, body: AgendaItemUpdate }, async ({ params, body }) => {
  const db = await getDb();
  const patch: Partial<AgendaValues> = {};
  if (body.type !== undefined) patch.type = body.type;
  if (body.title !== undefined) patch.title = body.title;
  if (body.description !== undefined) patch.description = body.description;
  if (body.room !== undefined) patch.room = body.room;
  if (body.starts_at !== undefined) patch.startsAt = body.starts_at;
  if (body.ends_at !== undefined) patch.endsAt = body.ends_at;
  if (body.speaker_id !== undefined) patch.speakerId = body.speaker_id;
  if (body.topics !== undefined) patch.topics = body.topics;
  const result = await updateAgendaItem(db, params.eventId, params.itemId, patch);
  if (!result.ok) return apiError(result.error);
  const event = await eventOr404(db, params.eventId);
  if (event instanceof Response) return event;
  return Response.json({ agenda_item: agendaItemOut(result.item), moved: movedOut(result.moved, event.timezone) });
});

/**
 * DELETE /api/v1/events/{eventId}/agenda-items/{itemId} — cancels the item as the console does
 * (it stays, with cancelled_at; the messages that depend on it are cancelled, listed in
 * `moved`). Cancelling again changes nothing (200) (write).
 */
export const DELETE = apiRoute({ params: AgendaItemParams }, async ({ params }) => {
  const db = await getDb();
  const result = await cancelAgendaItemOf(db, params.eventId, params.itemId);
  if (!result.ok) return apiError(result.error);
  const event = await eventOr404(db, params.eventId);
  if (event instanceof Response) return event;
  return Response.json({ agenda_item: agendaItemOut(result.item), moved: movedOut(result.moved, event.timezone) });
});
