"use server";

import { randomUUID } from "node:crypto";
import { refresh } from "next/cache";
import { z } from "zod";
import type { DeskOutcome } from "@/components/staff/result-banner";
import { requireUser } from "@/lib/auth/session";
import { checkIn } from "@/lib/checkin/check-in";
import { getDb } from "@/lib/db";

const nonce = z.string().trim().min(8).max(100).optional();
const deskInput = z.discriminatedUnion("method", [
  z.object({ method: z.literal("qr_code"), code: z.string().trim().min(1, "No code was scanned.").max(200), nonce }),
  z.object({ method: z.literal("manual"), attendeeId: z.uuid("Pick an attendee to check in."), nonce }),
]);

/**
 * One check-in at the staff desk (bound to the event id by the page). Re-checks the
 * role itself: the page being staff-only does not make this endpoint staff-only.
 */
export async function checkInAtDesk(eventId: string, formData: FormData): Promise<DeskOutcome> {
  const id = randomUUID();
  const auth = await requireUser(["staff", "admin"], `/staff/events/${eventId}`);
  if (!auth.ok) return { id, status: "error", message: "Your account can't check people in." };
  if (!z.uuid().safeParse(eventId).success) return { id, status: "error", message: "This event does not exist." };

  const parsed = deskInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { id, status: "error", message: parsed.error.issues[0]?.message ?? "Please try again." };
  const v = parsed.data;

  const result = await checkIn(
    await getDb(),
    v.method === "qr_code"
      ? { method: "qr_code", code: v.code, eventId, nonce: v.nonce }
      : { method: "manual", attendeeId: v.attendeeId, eventId, nonce: v.nonce },
    { kind: "staff", userId: auth.user.id, name: auth.user.name },
  );
  // The search results and the counts on the page change with every check-in.
  refresh();
  if (!result.ok) return { id, status: "error", message: result.error.message };
  return { id, status: result.status, message: result.message };
}
