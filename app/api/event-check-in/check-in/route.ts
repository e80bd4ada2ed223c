import { z } from "zod";
import { requireApiUser } from "@/lib/auth/session";
import { checkIn, type CheckInActor } from "@/lib/checkin/check-in";
import { getDb } from "@/lib/db";
import { appError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { checkInCode, nonce, token, uuid } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { selfCheckInLimit } from "@/lib/registration/limits";

const body = z.strictObject({
  method: z.enum(["qr_code", "manual", "self"], { error: "must be qr_code, manual or self" }),
  event_id: uuid.optional(),
  code: checkInCode.optional(),
  attendee_id: uuid.optional(),
  token: token.optional(),
  nonce: nonce.optional(),
});

/**
 * POST /api/event-check-in/check-in — staff (qr_code, manual) with a session, or the
 * attendee (self) with their link token. Idempotent; see lib/checkin/check-in.ts.
 * Who is asking comes from the session or the token, never from `method` alone.
 */
export const POST = route(
  { auth: "public", body, limit: ({ ip, body }) => (body.method === "self" ? selfCheckInLimit(ip) : Promise.resolve(null)) },
  async ({ req, body: v }) => {
    let actor: CheckInActor;
    if (v.method === "self") {
      if (!v.token) return errorResponse(appError(400, "invalid_input", "Please check: token.", { token: "is required" }));
      if (v.code || v.attendee_id) return errorResponse(appError(400, "invalid_input", "Please check: method.", { method: "self check-in takes only the token" }));
      actor = { kind: "attendee" };
    } else {
      const auth = await requireApiUser(req, ["staff", "admin"]);
      if (auth instanceof Response) return auth;
      actor = { kind: "staff", userId: auth.id, name: auth.name };
    }
    const result = await checkIn(
      await getDb(),
      { method: v.method, eventId: v.event_id, code: v.code, attendeeId: v.attendee_id, token: v.method === "self" ? v.token : undefined, nonce: v.nonce },
      actor,
    );
    if (!result.ok) return errorResponse(result.error);
    return Response.json({
      status: result.status,
      ...(actor.kind === "staff" ? { attendee_id: result.attendeeId } : {}),
      name: result.name,
      check_in_time: result.checkInTime.toISOString(),
      method: result.method,
      checked_in_by: result.checkedInByName,
      message: result.message,
    });
  },
);
