import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { checkIn } from "@/lib/checkin/check-in";
import { getDb } from "@/lib/db";
import { appError, validationError } from "@/lib/errors";
import { errorResponse, readJson } from "@/lib/http";

const body = z.object({
  method: z.enum(["qr_code", "manual", "self"], { error: "must be qr_code, manual or self" }),
  event_id: z.uuid("must be an event id").optional(),
  code: z.string().trim().min(1).max(200).optional(),
  attendee_id: z.uuid("must be an attendee id").optional(),
  token: z.string().trim().min(20).max(100).optional(),
  nonce: z.string().trim().min(8).max(100).optional(),
});

/**
 * POST /api/event-check-in/check-in — staff (qr_code, manual) with a session, or the
 * attendee (self) with their link token. Idempotent; see lib/checkin/check-in.ts.
 */
export async function POST(req: Request) {
  const read = await readJson(req);
  if (!read.ok) return read.response;
  const parsed = body.safeParse(read.body);
  if (!parsed.success) return errorResponse(validationError(parsed.error.issues));
  const v = parsed.data;

  let actor: Parameters<typeof checkIn>[2];
  if (v.method === "self") {
    if (!v.token) return errorResponse(appError(400, "invalid_input", "Please check: token.", { token: "is required" }));
    actor = { kind: "attendee" };
  } else {
    const user = await getSessionUser();
    if (!user) return errorResponse(appError(401, "unauthorized", "Sign in as staff to check people in."));
    if (user.role !== "staff" && user.role !== "admin") return errorResponse(appError(403, "forbidden", "Staff only."));
    actor = { kind: "staff", userId: user.id, name: user.name };
  }
  const result = await checkIn(
    await getDb(),
    { method: v.method, eventId: v.event_id, code: v.code, attendeeId: v.attendee_id, token: v.token, nonce: v.nonce },
    actor,
  );
  if (!result.ok) return errorResponse(result.error);
  return Response.json({
      status: result.status,
      attendee_id: result.attendeeId,
      name: result.name,
      check_in_time: result.checkInTime.toISOString(),
      method: result.method,
      checked_in_by: result.checkedInByName,
      message: result.message,
  });
}
