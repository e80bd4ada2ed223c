import type { Event } from "@/db/schema";
import type { Db } from "@/db/client";
import type { AppError } from "@/lib/errors";
import { getEventById } from "@/lib/events/queries";
import { errorResponse } from "@/lib/http/response";

/** Small response helpers shared by the /api/v1 handlers. */

export const apiError = (error: AppError) => errorResponse(error);

export const eventNotFound = () => errorResponse({ status: 404, code: "event_not_found", message: "No such event." });
export const attendeeNotFound = () => errorResponse({ status: 404, code: "attendee_not_found", message: "No such registration for this event." });

/** The event named in the path, or the 404 to answer with. */
export async function eventOr404(db: Db, eventId: string): Promise<Event | Response> {
  return (await getEventById(db, eventId)) ?? eventNotFound();
}
