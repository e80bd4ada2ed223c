import { scanAtDoor } from "@/lib/checkin/tablet";
import { deskEventOr404, eventParams, scanBody } from "@/lib/checkin/http";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";

/**
 * POST /api/staff/events/{id}/scan — one scan or tap at the tablet (staff, admin).
 * Always 200 with the tablet's answer (green, amber or red, in words); the client
 * nonce makes a retry the same scan.
 */
export const POST = route({ auth: "staff", params: eventParams, body: scanBody }, async ({ params, body, user }) => {
  const db = await getDb();
  const event = await deskEventOr404(db, params.id, user);
  if (event instanceof Response) return event;
  const result = await scanAtDoor(
    db,
    event.id,
    body.method === "qr_code"
      ? { method: "qr_code", code: body.code, nonce: body.nonce, deviceId: body.device_id }
      : { method: "manual", attendeeId: body.attendee_id, nonce: body.nonce, deviceId: body.device_id },
    { kind: "staff", userId: user.id, name: user.name },
  );
  return Response.json(result);
});
