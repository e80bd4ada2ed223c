import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { checkInScans, eventAttendees, eventMessages, peerMatches, recommendations, type MessageType } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { appError, type Result } from "@/lib/errors";
import { dispatchCancelledMessages } from "@/lib/jobs/dispatch";
import { UNDO_WINDOW_MS } from "./tablet";

/** Messages a check-in starts (the confirmation and the whole plan): undo cancels those still waiting. */
export const CHECK_IN_MESSAGE_TYPES: MessageType[] = [
  "check_in_confirmation",
  "agenda_ready",
  "speaker_alert",
  "speaker_pcr_request",
  "sponsor_recommendation",
  "peer_introduction",
  "peer_match_attendance",
];

/**
 * Undo a check-in made by mistake (docs/decisions/0131): only the device and staff
 * member that made it, within 2 minutes. The attendee is no longer checked in; every
 * message the check-in started that is still scheduled is cancelled (their
 * confirmation, their plan, and the introduction to them planned for a peer); their
 * recommendations and not-yet-introduced peer matches are removed. What has been
 * sent stays sent. A plan still being built writes nothing (it re-checks under the
 * same row lock).
 */
export async function undoCheckIn(
  db: Db,
  eventId: string,
  req: { nonce: string; deviceId: string },
  actor: { userId: string },
): Promise<Result<{ attendeeId: string; cancelledMessages: number }>> {
  const at = clockNow();
  const [scan] = await db
    .select()
    .from(checkInScans)
    .where(and(eq(checkInScans.eventId, eventId), eq(checkInScans.nonce, req.nonce), eq(checkInScans.outcome, "checked_in")));
  if (!scan || !scan.attendeeId) return { ok: false, error: appError(409, "nothing_to_undo", "There is no check-in to undo.") };
  if (scan.deviceId !== req.deviceId || scan.userId !== actor.userId) {
    return { ok: false, error: appError(403, "other_device", "Only the tablet that checked them in can undo it.") };
  }
  if (at.getTime() - scan.createdAt.getTime() > UNDO_WINDOW_MS) {
    return { ok: false, error: appError(409, "undo_expired", "Undo is only possible for 2 minutes after the check-in.") };
  }
  const attendeeId = scan.attendeeId;
  const cancelled = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(eventAttendees)
      .set({ checkInTime: null, checkInMethod: null, checkedInBy: null, checkInNonce: null, planStatus: "none", planAttempts: 0, planError: null, updatedAt: sql`now()` })
      .where(and(eq(eventAttendees.id, attendeeId), eq(eventAttendees.checkInNonce, req.nonce)))
      .returning({ id: eventAttendees.id });
    if (!row) return null;
    const ids = await tx
      .update(eventMessages)
      .set({ status: "cancelled", statusReason: "check_in_undone", updatedAt: sql`now()` })
      .where(
        and(
          eq(eventMessages.status, "scheduled"),
          inArray(eventMessages.type, CHECK_IN_MESSAGE_TYPES),
          or(
            eq(eventMessages.attendeeId, attendeeId),
            and(eq(eventMessages.type, "peer_introduction"), sql`${eventMessages.personalization}->>'peerAttendeeId' = ${attendeeId}`),
          ),
        ),
      )
      .returning({ id: eventMessages.id });
    await tx.delete(recommendations).where(eq(recommendations.attendeeId, attendeeId));
    await tx
      .delete(peerMatches)
      .where(and(eq(peerMatches.status, "suggested"), or(eq(peerMatches.attendeeAId, attendeeId), eq(peerMatches.attendeeBId, attendeeId))));
    await tx.update(checkInScans).set({ outcome: "undone" }).where(eq(checkInScans.id, scan.id));
    return ids.map((r) => r.id);
  });
  if (!cancelled) return { ok: false, error: appError(409, "not_checked_in", "This check-in was already undone.") };
  if (cancelled.length) await dispatchCancelledMessages(cancelled);
  return { ok: true, attendeeId, cancelledMessages: cancelled.length };
}

