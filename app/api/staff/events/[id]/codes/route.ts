import { buildCodeList } from "@/lib/checkin/code-list";
import { deskEventOr404, eventParams } from "@/lib/checkin/http";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";

/** GET /api/staff/events/{id}/codes — the signed list of hashed codes for offline validation (staff, admin). */
export const GET = route({ auth: "staff", params: eventParams }, async ({ params, user }) => {
  const db = await getDb();
  const event = await deskEventOr404(db, params.id, user);
  if (event instanceof Response) return event;
  return Response.json(await buildCodeList(db, event.id), { headers: { "Cache-Control": "private, no-store" } });
});
