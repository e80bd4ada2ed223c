import { getDb } from "@/lib/db";
import { getAttendee } from "@/lib/api/queries";
import { apiError, attendeeNotFound } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { AttendeeParams } from "@/lib/api/schemas";
import { cancelRegistration } from "@/lib/registration/cancel";

/** GET /api/v1/events/{eventId}/attendees/{attendeeId} (read). */
export const GET = apiRoute({ params: AttendeeParams }, async ({ params }) => {
  const attendee = await getAttendee(await getDb(), params.eventId, params.attendeeId);
  return attendee ? Response.json(attendee) : attendeeNotFound();
});

/**
 * DELETE /api/v1/events/{eventId}/attendees/{attendeeId} — cancels the registration and
 * every pending message of it. Cancelling a cancelled registration changes nothing (200) (write).
 */
export const DELETE = apiRoute({ params: AttendeeParams }, async ({ params }) => {
  const db = await getDb();
  const before = await getAttendee(db, params.eventId, params.attendeeId);
  if (!before) return attendeeNotFound();
  let cancelledMessages = 0;
  if (!before.cancelled_at) {
    const result = await cancelRegistration(db, before.id);
    // 404 here means it was cancelled in the meantime: the same outcome.
    if (!result.ok && result.error.status !== 404) return apiError(result.error);
    if (result.ok) cancelledMessages = result.cancelledMessages;
  }
  const attendee = await getAttendee(db, params.eventId, params.attendeeId);
  return Response.json({ attendee, cancelled_messages: cancelledMessages });
});
