import { z } from "zod";
import { getDb } from "@/lib/db";
import { createSponsor } from "@/lib/events/api-writes";
import { pageQuery } from "@/lib/api/pagination";
import { listSponsors } from "@/lib/api/queries";
import { apiError, eventOr404 } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { EventParams, SponsorCreate } from "@/lib/api/schemas";
import { sponsorOut } from "@/lib/api/serialize";

/** GET /api/v1/events/{eventId}/sponsors — removed sponsors included, with removed_at (read). */
export const GET = apiRoute({ params: EventParams, query: z.strictObject(pageQuery) }, async ({ params, query }) => {
  const db = await getDb();
  const event = await eventOr404(db, params.eventId);
  if (event instanceof Response) return event;
  return Response.json(await listSponsors(db, event.id, query));
});

/** POST /api/v1/events/{eventId}/sponsors (write). */
export const POST = apiRoute({ params: EventParams, body: SponsorCreate }, async ({ params, body }) => {
  const result = await createSponsor(await getDb(), params.eventId, {
    key: body.key,
    name: body.name,
    boothNumber: body.booth_number,
    offerings: body.offerings,
    focusAreas: body.focus_areas,
    targetRevenueTiers: body.target_revenue_tiers,
    specialOffer: body.special_offer,
    talkingPoints: body.talking_points,
    pcrScore: body.pcr_score ?? null,
  });
  if (!result.ok) return apiError(result.error);
  return Response.json(sponsorOut(result.sponsor), { status: 201 });
});
