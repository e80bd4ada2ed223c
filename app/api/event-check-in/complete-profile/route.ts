import { z } from "zod";
import { getDb } from "@/lib/db";
import { appError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { token } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { completeProfile } from "@/lib/registration/profile";
import { tokenPageLimit } from "@/lib/registration/limits";

const query = z.object({ t: token.optional() });
/** The profile fields are checked by completeProfile's strict schema (an unknown key is a 400). */
const body = z.object({ token: token.optional() }, { error: "must be a JSON object" }).catchall(z.unknown());

/**
 * POST /api/event-check-in/complete-profile — { token, first_name?, …, focus_areas? }
 * (or ?t=): the attendee fills what is missing; completes the profile when nothing is.
 * Only the attendee's own token authorises it: staff check people in and nothing
 * else, and an organizer's change goes through the admin API, which records it.
 */
export const POST = route({ auth: "public", query, body, limit: ({ ip }) => tokenPageLimit(ip) }, async ({ query, body }) => {
  const { token: bodyToken, ...fields } = body;
  const t = bodyToken ?? query.t;
  if (!t) return errorResponse(appError(400, "invalid_input", "Please check: token.", { token: "is required" }));
  const result = await completeProfile(await getDb(), t, fields);
  if (!result.ok) return errorResponse(result.error);
  return Response.json({
    profile_completion_status: result.completed ? "completed" : "pending",
    missing_fields: result.missingFields,
  });
});
