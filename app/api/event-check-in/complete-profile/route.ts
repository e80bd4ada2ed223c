import { attendeeRefFrom } from "@/lib/auth/attendee-ref";
import { getDb } from "@/lib/db";
import { errorResponse, readJson } from "@/lib/http";
import { completeProfile } from "@/lib/registration/profile";

/**
 * POST /api/event-check-in/complete-profile — { token | attendee_id (staff), first_name?, …,
 * focus_areas? } fills what is missing; completes the profile when nothing is.
 */
export async function POST(req: Request) {
  const read = await readJson(req);
  if (!read.ok) return read.response;
  const { token, attendee_id, ...fields } = (read.body ?? {}) as Record<string, unknown>;
  const ref = await attendeeRefFrom({ token: token ?? new URL(req.url).searchParams.get("t"), attendeeId: attendee_id });
  if (ref instanceof Response) return ref;
  const result = await completeProfile(await getDb(), ref, fields);
  if (!result.ok) return errorResponse(result.error);
  return Response.json({
    profile_completion_status: result.completed ? "completed" : "pending",
    missing_fields: result.missingFields,
  });
}
