import { z } from "zod";
import { getEventById } from "@/lib/events/queries";
import { getDb } from "@/lib/db";
import { uuid } from "@/lib/http/parse";
import { notFoundResponse, route } from "@/lib/http/route";
import { eventDashboard } from "@/lib/metrics/dashboard";

/** GET /admin/events/{id}/dashboard/data — every dashboard figure as JSON, polled by the page (admin only). */
export const GET = route({ auth: "admin", params: z.strictObject({ id: uuid }) }, async ({ params }) => {
  const db = await getDb();
  const event = await getEventById(db, params.id);
  if (!event) return notFoundResponse("event_not_found", "No event has this id.");
  return Response.json(await eventDashboard(db, event.id), { headers: { "Cache-Control": "private, no-store" } });
});
