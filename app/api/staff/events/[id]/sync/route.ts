import { syncOfflineScans } from "@/lib/checkin/tablet";
import { deskEventOr404, eventParams, syncBody } from "@/lib/checkin/http";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";

/**
 * POST /api/staff/events/{id}/sync — the device's offline queue (staff, admin): each
 * scan checked in at its scan time (bounded), idempotent by nonce; conflicts come
 * back as such so the device can show them.
 */
export const POST = route({ auth: "staff", params: eventParams, body: syncBody }, async ({ params, body, user }) => {
  const db = await getDb();
  const event = await deskEventOr404(db, params.id, user);
  if (event instanceof Response) return event;
  const results = await syncOfflineScans(
    db,
    event.id,
    body.device_id,
    body.scans.map((s) => ({ code: s.code, nonce: s.nonce, scannedAt: s.scanned_at })),
    { kind: "staff", userId: user.id, name: user.name },
  );
  return Response.json({ results });
});
