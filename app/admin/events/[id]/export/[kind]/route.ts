import { z } from "zod";
import { getDb } from "@/lib/db";
import { getEventById } from "@/lib/events/queries";
import { errorResponse } from "@/lib/http";
import { uuid } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { appError } from "@/lib/errors";
import { exportAttendeesCsv, exportMessagesCsv, exportRatingsCsv } from "@/lib/imports/export-csv";

const params = z.object({ id: uuid, kind: z.enum(["attendees", "messages", "ratings"]) });
const EXPORTS = { attendees: exportAttendeesCsv, messages: exportMessagesCsv, ratings: exportRatingsCsv };

/** GET /admin/events/{id}/export/{attendees|messages|ratings} — a CSV download, organizers only. */
export const GET = route({ auth: "admin", params }, async ({ params }) => {
  const db = await getDb();
  const event = await getEventById(db, params.id);
  if (!event) return errorResponse(appError(404, "event_not_found", "No such event."));
  const csv = await EXPORTS[params.kind](db, event.id, event.timezone);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${event.slug}-${params.kind}.csv"`,
      "cache-control": "no-store",
    },
  });
});
