import { z } from "zod";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { route } from "@/lib/http/route";
import { registerAttendee } from "@/lib/registration/register";
import { registrationRequestSchema } from "@/lib/registration/schema";
import { registrationLimits } from "@/lib/registration/limits";

/**
 * POST /api/event-check-in/register — the seed's JSON registration endpoint.
 * Body: { eventSlug, firstName, lastName, email, phone?, smsConsent?, companyName? }
 * (snake_case keys accepted too). The answer is the same for a new and a known email
 * (202, no ids): whether someone is registered is not for strangers to learn (SPEC §8).
 */
export const POST = route(
  {
    auth: "public",
    body: registrationRequestSchema,
    limit: ({ ip, body }) => registrationLimits(ip, body as z.output<typeof registrationRequestSchema>),
  },
  async ({ body }) => {
    const result = await registerAttendee(await getDb(), body, { source: "api" });
    if (!result.ok) return errorResponse(result.error);
    return Response.json(
      { status: "received", message: `The confirmation is on its way to ${body.email}.` },
      { status: 202 },
    );
  },
);
