import { scanIntoSession } from "@/lib/checkin/session";
import { deskEventOr404, eventParams, sessionScanBody } from "@/lib/checkin/http";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";

/** POST /api/staff/events/{id}/session-scan — session mode: scan someone into a room (staff, admin). */
export const POST = route({ auth: "staff", params: eventParams, body: sessionScanBody }, async ({ params, body, user }) => {
  const db = await getDb();
  const event = await deskEventOr404(db, params.id, user);
  if (event instanceof Response) return event;
  const result = await scanIntoSession(db, event.id, body.agenda_item_id, { code: body.code, nonce: body.nonce, deviceId: body.device_id }, { userId: user.id });
  return Response.json(result);
});
