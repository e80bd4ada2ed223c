import { getDb } from "@/lib/db";
import { removeSpeaker, updateSpeaker, type SpeakerFields } from "@/lib/events/api-writes";
import { findSpeaker } from "@/lib/events/items";
import { apiError, eventOr404 } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { SpeakerParams, SpeakerUpdate } from "@/lib/api/schemas";
import { movedOut, speakerOut } from "@/lib/api/serialize";
import { errorResponse } from "@/lib/http/response";

const speakerNotFound = () => errorResponse({ status: 404, code: "speaker_not_found", message: "No such speaker in this event." });

/** GET /api/v1/events/{eventId}/speakers/{speakerId} (read). */
export const GET = apiRoute({ params: SpeakerParams }, async ({ params }) => {
  const db = await getDb();
  const event = await eventOr404(db, params.eventId);
  if (event instanceof Response) return event;
  const speaker = await findSpeaker(db, event.id, params.speakerId);
  return speaker ? Response.json(speakerOut(speaker)) : speakerNotFound();
});

/** PATCH /api/v1/events/{eventId}/speakers/{speakerId} — changes the given fields (write). */
export const PATCH = apiRoute({ params: SpeakerParams, body: SpeakerUpdate }, async ({ params, body }) => {
  const patch: Partial<SpeakerFields> = {};
  if (body.name !== undefined) patch.name = body.name;
  if (body.title !== undefined) patch.title = body.title;
  if (body.company !== undefined) patch.company = body.company;
  if (body.bio !== undefined) patch.bio = body.bio;
  if (body.focus_areas !== undefined) patch.focusAreas = body.focus_areas;
  if (body.pcr_score !== undefined) patch.pcrScore = body.pcr_score;
  const result = await updateSpeaker(await getDb(), params.eventId, params.speakerId, patch);
  if (!result.ok) return apiError(result.error);
  return Response.json(speakerOut(result.speaker));
});

/**
 * DELETE /api/v1/events/{eventId}/speakers/{speakerId} — deletes the speaker as the console
 * does: their sessions stay, without a speaker (listed), and the re-plan follows (write).
 */
export const DELETE = apiRoute({ params: SpeakerParams }, async ({ params }) => {
  const db = await getDb();
  const result = await removeSpeaker(db, params.eventId, params.speakerId);
  if (!result.ok) return apiError(result.error);
  const event = await eventOr404(db, params.eventId);
  if (event instanceof Response) return event;
  return Response.json({ speaker: speakerOut(result.speaker), unlinked_agenda_item_ids: result.unlinkedItemIds, moved: movedOut(result.moved, event.timezone) });
});
