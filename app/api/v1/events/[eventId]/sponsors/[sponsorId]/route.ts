import { getDb } from "@/lib/db";
import { retireSponsor, updateSponsor, type SponsorFields } from "@/lib/events/api-writes";
import { findSponsor } from "@/lib/events/items";
import { apiError, eventOr404 } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { SponsorParams, SponsorUpdate } from "@/lib/api/schemas";
import { sponsorOut } from "@/lib/api/serialize";
import { errorResponse } from "@/lib/http/response";

const sponsorNotFound = () => errorResponse({ status: 404, code: "sponsor_not_found", message: "No such sponsor in this event." });

/** GET /api/v1/events/{eventId}/sponsors/{sponsorId} — removed sponsors too, with removed_at (read). */
export const GET = apiRoute({ params: SponsorParams }, async ({ params }) => {
  const db = await getDb();
  const event = await eventOr404(db, params.eventId);
  if (event instanceof Response) return event;
  const sponsor = await findSponsor(db, event.id, params.sponsorId);
  return sponsor ? Response.json(sponsorOut(sponsor)) : sponsorNotFound();
});

/** PATCH /api/v1/events/{eventId}/sponsors/{sponsorId} — changes the given fields (write). */
export const PATCH = apiRoute({ params: SponsorParams, body: SponsorUpdate }, async ({ params, body }) => {
  const patch: Partial<SponsorFields> = {};
  if (body.name !== undefined) patch.name = body.name;
  if (body.booth_number !== undefined) patch.boothNumber = body.booth_number;
  if (body.offerings !== undefined) patch.offerings = body.offerings;
  if (body.focus_areas !== undefined) patch.focusAreas = body.focus_areas;
  if (body.target_revenue_tiers !== undefined) patch.targetRevenueTiers = body.target_revenue_tiers;
  if (body.special_offer !== undefined) patch.specialOffer = body.special_offer;
  if (body.talking_points !== undefined) patch.talkingPoints = body.talking_points;
  if (body.pcr_score !== undefined) patch.pcrScore = body.pcr_score;
  const result = await updateSponsor(await getDb(), params.eventId, params.sponsorId, patch);
  if (!result.ok) return apiError(result.error);
  return Response.json(sponsorOut(result.sponsor));
});

/**
 * DELETE /api/v1/events/{eventId}/sponsors/{sponsorId} — removes the sponsor as the console
 * does: it stays, with removed_at, and its pending recommendations are skipped at send.
 * Removing again changes nothing (200) (write).
 */
export const DELETE = apiRoute({ params: SponsorParams }, async ({ params }) => {
  const result = await retireSponsor(await getDb(), params.eventId, params.sponsorId);
  if (!result.ok) return apiError(result.error);
  return Response.json({ sponsor: sponsorOut(result.sponsor), already_removed: result.alreadyRemoved });
});
