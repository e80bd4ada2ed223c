import { z } from "zod";
import { getDb } from "@/lib/db";
import { createSpeaker } from "@/lib/events/api-writes";
import { pageQuery } from "@/lib/api/pagination";
import { listSpeakers } from "@/lib/api/queries";
import { apiError, eventOr404 } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { EventParams, SpeakerCreate } from "@/lib/api/schemas";
import { speakerOut } from "@/lib/api/serialize";

/** GET /api/v1/events/{eventId}/speakers (read). */
export const GET = apiRoute({ params: EventParams, query: z.strictObject(pageQuery) }, async ({ params, query }) => {
  const db = await getDb();
  const event = await eventOr404(db, params.eventId);
  if (event instanceof Response) return event;
  return Response.json(await listSpeakers(db, event.id, query));
});

/** POST /api/v1/events/{eventId}/speakers (write). */
export const POST = apiRoute({ params: EventParams, body: SpeakerCreate }, async ({ params, body }) => {
  const result = await createSpeaker(await getDb(), params.eventId, {
    key: body.key,
    name: body.name,
    title: body.title,
    company: body.company,
    bio: body.bio,
    focusAreas: body.focus_areas,
    pcrScore: body.pcr_score ?? null,
  });
  if (!result.ok) return apiError(result.error);
  return Response.json(speakerOut(result.speaker), { status: 201 });
});
