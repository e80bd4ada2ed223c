"use server";

import { randomUUID } from "node:crypto";
import { refresh } from "next/cache";
import { z } from "zod";
import type { DeskOutcome } from "@/components/staff/result-banner";
import { checkIn } from "@/lib/checkin/check-in";
import { getDb } from "@/lib/db";
import { action } from "@/lib/http/action";
import { checkInCode, nonce, uuid } from "@/lib/http/parse";

const deskInput = z.discriminatedUnion("method", [
  z.object({ method: z.literal("qr_code"), code: checkInCode, nonce: nonce.optional() }),
  z.object({ method: z.literal("manual"), attendeeId: uuid, nonce: nonce.optional() }),
], { error: "Scan a code or pick an attendee." });

/**
 * One check-in at the staff desk (bound to the event id by the page). The role is
 * checked here from the session: the page being staff-only does not make this
 * endpoint staff-only.
 */
export const checkInAtDesk = action(
  {
    auth: "staff",
    args: [uuid],
    form: deskInput,
    onError: (e): DeskOutcome => ({
      id: randomUUID(),
      status: "error",
      message:
        e.status === 401 || e.status === 403
          ? "Your account can't check people in."
          : e.fields?.arg0
            ? "This event does not exist."
            : e.fields?.code
              ? "That doesn't look like a TPX check-in code."
              : e.fields?.attendeeId
                ? "Pick an attendee to check in."
                : e.message,
    }),
  },
  async ({ args: [eventId], form: v, user }): Promise<DeskOutcome> => {
    const id = randomUUID();
    const result = await checkIn(
      await getDb(),
      v.method === "qr_code"
        ? { method: "qr_code", code: v.code, eventId, nonce: v.nonce }
        : { method: "manual", attendeeId: v.attendeeId, eventId, nonce: v.nonce },
      { kind: "staff", userId: user!.id, name: user!.name },
    );
    // The search results and the counts on the page change with every check-in.
    refresh();
    if (!result.ok) return { id, status: "error", message: result.error.message };
    return { id, status: result.status, message: result.message };
  },
);
