import { z } from "zod";
import type { Db } from "@/db/client";
import { checkInCode, nonce, uuid } from "@/lib/http/parse";
import { notFoundResponse } from "@/lib/http/route";
import { canWorkEventDesk } from "@/lib/access/assignments";
import { getDeskEvent } from "./staff";

/** The tablet's request parts, shared by its routes (lib/checkin so the bench and tests build the same bodies). */
export const eventParams = z.strictObject({ id: uuid });
export const deviceId = nonce;
export const scanTimeParser = z.iso.datetime({ offset: true, error: "must be an ISO date-time" }).transform((s) => new Date(s));

export const scanBody = z.discriminatedUnion("method", [
  z.strictObject({ method: z.literal("qr_code"), code: checkInCode, nonce, device_id: deviceId }),
  z.strictObject({ method: z.literal("manual"), attendee_id: uuid, nonce, device_id: deviceId }),
], { error: "must be a qr_code scan or a manual check-in" });

export const MAX_SYNC = 100;
export const syncBody = z.strictObject({
  device_id: deviceId,
  scans: z.array(z.strictObject({ code: checkInCode, nonce, scanned_at: scanTimeParser })).min(1).max(MAX_SYNC),
});

export const undoBody = z.strictObject({ nonce, device_id: deviceId });
export const sessionScanBody = z.strictObject({ agenda_item_id: uuid, code: checkInCode, nonce, device_id: deviceId });

/** The desk's event or a 404 Response (unknown, draft and cancelled events are not worked at a desk). */
/**
 * The event open for check-in with this id, when the caller may work its desk (SPEC §8: staff
 * only their assigned events, docs/decisions/0162); otherwise the same 404 as for no such event,
 * so a staff member of another event learns nothing about this one.
 */
export async function deskEventOr404(db: Db, id: string, user: { id: string; role: string }) {
  const event = await getDeskEvent(db, id);
  if (!event || !(await canWorkEventDesk(db, user, event.id))) return notFoundResponse("event_not_found", "No event open for check-in has this id.");
  return event;
}
