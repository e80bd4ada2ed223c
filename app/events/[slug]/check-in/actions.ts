"use server";

import { z } from "zod";
import type { SelfCheckInState } from "@/components/agenda/self-check-in-form";
import { formatTime } from "@/components/events/datetime";
import { checkIn } from "@/lib/checkin/check-in";
import { getDb } from "@/lib/db";
import { action } from "@/lib/http/action";
import { nonce, slug, token } from "@/lib/http/parse";
import { getAttendeeByToken } from "@/lib/registration/profile";
import { selfCheckInActionLimit } from "@/lib/registration/limits";

const BAD_LINK = "This link doesn't work any more. Open the link from your latest email or text.";

/** The attendee's own check-in (bound to the event's slug and their token by the page). */
export const checkInSelf = action(
  {
    auth: "public",
    args: [slug, token],
    withPrevState: true,
    form: z.object({ nonce: nonce.optional() }),
    limit: ({ ip }) => selfCheckInActionLimit(ip),
    onError: (e): SelfCheckInState => ({ status: "error", message: e.fields?.arg0 || e.fields?.arg1 ? BAD_LINK : e.message }),
  },
  async ({ args: [eventSlug, t], form }): Promise<SelfCheckInState> => {
    const db = await getDb();
    const found = await getAttendeeByToken(db, t);
    if (!found || found.event.slug !== eventSlug) return { status: "error", message: BAD_LINK };
    const result = await checkIn(db, { method: "self", token: t, nonce: form.nonce }, { kind: "attendee" });
    if (!result.ok) return { status: "error", message: result.error.status === 404 ? BAD_LINK : result.error.message };
    return { status: result.status, message: result.message, time: formatTime(result.checkInTime, found.event.timezone) };
  },
);
