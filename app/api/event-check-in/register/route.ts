import { getDb } from "@/lib/db";
import { errorResponse, readJson } from "@/lib/http";
import { registerAttendee } from "@/lib/registration/register";

/**
 * POST /api/event-check-in/register — the seed's JSON registration endpoint.
 * Body: { eventSlug, firstName, lastName, email, phone?, smsConsent?, companyName? }
 * (snake_case keys accepted too). 201 new, 200 already registered (confirmation re-sent).
 */
export async function POST(req: Request) {
  const read = await readJson(req);
  if (!read.ok) return read.response;
  const body = (read.body ?? {}) as Record<string, unknown>;
  const pick = (camel: string, snake: string) => body[camel] ?? body[snake];
  const result = await registerAttendee(
    await getDb(),
    {
      eventSlug: pick("eventSlug", "event_slug") as string,
      firstName: pick("firstName", "first_name") as string,
      lastName: pick("lastName", "last_name") as string,
      email: body.email as string,
      phone: body.phone as string | undefined,
      smsConsent: (pick("smsConsent", "sms_opt_in") as boolean | undefined) ?? false,
      companyName: pick("companyName", "company_name") as string | undefined,
    },
    { source: "api" },
  );
  if (!result.ok) return errorResponse(result.error);
  return Response.json(
    {
      attendee_id: result.attendeeId,
      event_id: result.eventId,
      created: result.created,
      messages_planned: result.messageIds.length,
    },
    { status: result.created ? 201 : 200 },
  );
}
