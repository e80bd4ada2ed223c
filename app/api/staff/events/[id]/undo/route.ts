import { undoCheckIn } from "@/lib/checkin/undo";
import { deskEventOr404, eventParams, undoBody } from "@/lib/checkin/http";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { route } from "@/lib/http/route";

/** POST /api/staff/events/{id}/undo — undo a check-in within 2 min, same device and staff member (staff, admin). */
export const POST = route({ auth: "staff", params: eventParams, body: undoBody }, async ({ params, body, user }) => {
  const db = await getDb();
  const event = await deskEventOr404(db, params.id, user);
  if (event instanceof Response) return event;
  const result = await undoCheckIn(db, event.id, { nonce: body.nonce, deviceId: body.device_id }, { userId: user.id });
  if (!result.ok) return errorResponse(result.error);
  return Response.json({ undone: true, cancelled_messages: result.cancelledMessages });
});
