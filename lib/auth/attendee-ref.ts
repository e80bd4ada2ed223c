import { getSessionUser } from "@/lib/auth/session";
import { appError } from "@/lib/errors";
import type { AttendeeRef } from "@/lib/registration/profile";
import { errorResponse } from "@/lib/http";

/**
 * Who a /api/event-check-in request is about: `token` (the attendee's link) or
 * `attendee_id`, which only a signed-in staff member or organizer may use.
 */
export async function attendeeRefFrom(input: { token?: unknown; attendeeId?: unknown }): Promise<AttendeeRef | Response> {
  if (typeof input.token === "string" && input.token) return { token: input.token };
  if (typeof input.attendeeId === "string" && input.attendeeId) {
    const user = await getSessionUser();
    if (!user) return errorResponse(appError(401, "unauthorized", "Sign in as staff to look up an attendee by id."));
    if (user.role !== "staff" && user.role !== "admin") return errorResponse(appError(403, "forbidden", "Staff only."));
    return { staffAttendeeId: input.attendeeId };
  }
  return errorResponse(appError(400, "invalid_input", "Please check: token.", { token: "is required (or attendee_id with a staff session)" }));
}
