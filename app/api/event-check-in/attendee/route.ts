import { z } from "zod";
import { canWorkAttendeeDesk } from "@/lib/access/assignments";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { appError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { token, uuid } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { getProfileState, type ProfileLookup } from "@/lib/registration/profile";
import { tokenPageLimit } from "@/lib/registration/limits";

const query = z.object({ t: token.optional(), attendee_id: uuid.optional() });

/**
 * GET /api/event-check-in/attendee?t={token} (or ?attendee_id= with a staff or
 * organizer session) — the seed's profile state: auto-approves a complete main
 * profile, otherwise lists missing_fields[]. The token answer carries no ids.
 */
export const GET = route({ auth: "public", query, limit: ({ ip }) => tokenPageLimit(ip) }, async ({ req, query }) => {
  const t = query.t ?? parseHeaderToken(req.headers.get("x-attendee-token"));
  let lookup: ProfileLookup;
  if (t) lookup = { token: t };
  else if (query.attendee_id) {
    const auth = await requireApiUser(req, ["staff", "admin"]);
    if (auth instanceof Response) return auth;
    // Staff only for the events they may work (SPEC §8): another event's attendee is not found.
    if (!(await canWorkAttendeeDesk(await getDb(), auth, query.attendee_id))) return errorResponse(appError(404, "attendee_not_found", "This link is not valid any more."));
    lookup = { verifiedStaffLookupOf: query.attendee_id };
  } else {
    return errorResponse(appError(400, "invalid_input", "Please check: t.", { t: "is required (or attendee_id with a staff session)" }));
  }
  const result = await getProfileState(await getDb(), lookup);
  if (!result.ok) return errorResponse(result.error);
  const s = result.state;
  return Response.json({
    ...("verifiedStaffLookupOf" in lookup ? { attendee_id: s.attendeeId } : {}),
    profile_completion_status: s.profileCompletionStatus,
    profile_auto_approved: s.profileAutoApproved,
    missing_fields: s.missingFields,
  });
});

function parseHeaderToken(v: string | null): string | undefined {
  const r = token.safeParse(v);
  return r.success ? r.data : undefined;
}
