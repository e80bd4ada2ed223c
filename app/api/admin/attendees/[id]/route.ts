import { z } from "zod";
import { updateAttendeeContact } from "@/lib/attendees/contact";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { uuid } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { cancelRegistration } from "@/lib/registration/cancel";

const params = z.object({ id: uuid });

/** DELETE /api/admin/attendees/{id} — cancels a registration and every pending message of it (SPEC §3). */
export const DELETE = route({ auth: "admin", params }, async ({ params }) => {
  const result = await cancelRegistration(await getDb(), params.id);
  if (!result.ok) return errorResponse(result.error);
  return Response.json({ cancelled: true, cancelled_messages: result.cancelledMessages });
});

/**
 * PATCH /api/admin/attendees/{id} — an organizer changes an attendee's contact data
 * ({ first_name?, last_name?, email?, phone?, company_name?, … }); every change is
 * recorded in the audit log with who, when, the old and the new value (SPEC §8).
 */
export const PATCH = route({ auth: "admin", params, body: z.record(z.string(), z.unknown(), { error: "must be a JSON object" }) }, async ({ params, body, user }) => {
  const result = await updateAttendeeContact(await getDb(), params.id, body, { userId: user.id, email: user.email });
  if (!result.ok) return errorResponse(result.error);
  return Response.json({ changed: result.changed });
});
