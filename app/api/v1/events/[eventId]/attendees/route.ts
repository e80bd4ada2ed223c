import { getDb } from "@/lib/db";
import { getAttendee, listAttendees } from "@/lib/api/queries";
import { apiError, eventOr404 } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { AttendeeListQuery, AttendeeRegister, EventParams } from "@/lib/api/schemas";
import { registerAttendee } from "@/lib/registration/register";

/** GET /api/v1/events/{eventId}/attendees — registrations, filterable by checked_in and cancelled (read). */
export const GET = apiRoute({ params: EventParams, query: AttendeeListQuery }, async ({ params, query }) => {
  const db = await getDb();
  const event = await eventOr404(db, params.eventId);
  if (event instanceof Response) return event;
  return Response.json(await listAttendees(db, event.id, { ...query, checkedIn: query.checked_in }));
});

/**
 * POST /api/v1/events/{eventId}/attendees — registers someone, exactly as the public
 * form does (same rules, same confirmation and reminders): 201 for a new
 * registration, 200 when the email was already registered (write).
 */
export const POST = apiRoute({ params: EventParams, body: AttendeeRegister }, async ({ params, body }) => {
  const db = await getDb();
  const event = await eventOr404(db, params.eventId);
  if (event instanceof Response) return event;
  const result = await registerAttendee(
    db,
    {
      eventSlug: event.slug,
      firstName: body.first_name,
      lastName: body.last_name,
      email: body.email,
      phone: body.phone ?? undefined,
      smsConsent: body.sms_consent,
      companyName: body.company_name ?? undefined,
    },
    { source: "api" },
  );
  if (!result.ok) return apiError(snakeFields(result.error));
  const attendee = await getAttendee(db, event.id, result.attendeeId);
  return Response.json(attendee, { status: result.created ? 201 : 200 });
});

const FIELD_NAMES: Record<string, string> = { firstName: "first_name", lastName: "last_name", smsConsent: "sms_consent", companyName: "company_name", eventSlug: "event_id" };

/** registerAttendee names fields as the form does; the API's callers sent snake_case. */
function snakeFields<E extends { fields?: Record<string, string> }>(error: E): E {
  if (!error.fields) return error;
  return { ...error, fields: Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [FIELD_NAMES[k] ?? k, v])) };
}
