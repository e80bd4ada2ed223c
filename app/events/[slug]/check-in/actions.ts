"use server";

import { z } from "zod";
import type { SelfCheckInState } from "@/components/agenda/self-check-in-form";
import { formatTime } from "@/components/events/datetime";
import { checkIn } from "@/lib/checkin/check-in";
import { getDb } from "@/lib/db";
import { getAttendeeByToken } from "@/lib/registration/profile";

const nonceSchema = z.string().trim().min(8).max(100);
const BAD_LINK = "This link doesn't work any more. Open the link from your latest email or text.";

/** The attendee's own check-in (bound to the event's slug and their token by the page). */
export async function checkInSelf(
  slug: string,
  token: string,
  _prev: SelfCheckInState,
  formData: FormData,
): Promise<SelfCheckInState> {
  const db = await getDb();
  const found = await getAttendeeByToken(db, token);
  if (!found || found.event.slug !== slug) return { status: "error", message: BAD_LINK };
  const nonce = nonceSchema.safeParse(formData.get("nonce"));

  const result = await checkIn(
    db,
    { method: "self", token, nonce: nonce.success ? nonce.data : undefined },
    { kind: "attendee" },
  );
  if (!result.ok) {
    return { status: "error", message: result.error.status === 404 ? BAD_LINK : result.error.message };
  }
  return {
    status: result.status,
    message: result.message,
    time: formatTime(result.checkInTime, found.event.timezone),
  };
}
