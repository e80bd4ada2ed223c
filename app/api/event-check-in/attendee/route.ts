import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { getProfileState } from "@/lib/registration/profile";

/**
 * GET /api/event-check-in/attendee?t={token} — the seed's profile state: auto-approves
 * a complete main profile, otherwise lists missing_fields[]. Authorised by the token.
 */
export async function GET(req: Request) {
  const token = new URL(req.url).searchParams.get("t") ?? req.headers.get("x-attendee-token") ?? "";
  const result = await getProfileState(await getDb(), token);
  if (!result.ok) return errorResponse(result.error);
  const s = result.state;
  return Response.json({
    attendee_id: s.attendeeId,
    profile_completion_status: s.profileCompletionStatus,
    profile_auto_approved: s.profileAutoApproved,
    missing_fields: s.missingFields,
  });
}
