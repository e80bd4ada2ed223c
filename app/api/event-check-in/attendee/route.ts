import { attendeeRefFrom } from "@/lib/auth/attendee-ref";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { getProfileState } from "@/lib/registration/profile";

/**
 * GET /api/event-check-in/attendee?t={token} (or ?attendee_id= with a staff session) —
 * the seed's profile state: auto-approves a complete main profile, otherwise lists
 * missing_fields[].
 */
export async function GET(req: Request) {
  const q = new URL(req.url).searchParams;
  const ref = await attendeeRefFrom({ token: q.get("t") ?? req.headers.get("x-attendee-token"), attendeeId: q.get("attendee_id") });
  if (ref instanceof Response) return ref;
  const result = await getProfileState(await getDb(), ref);
  if (!result.ok) return errorResponse(result.error);
  const s = result.state;
  return Response.json({
    attendee_id: s.attendeeId,
    profile_completion_status: s.profileCompletionStatus,
    profile_auto_approved: s.profileAutoApproved,
    missing_fields: s.missingFields,
  });
}
