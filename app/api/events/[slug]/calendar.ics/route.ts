import { z } from "zod";
import { buildEventIcs, ICS_CONTENT_TYPE } from "@/lib/calendar/ics";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { slug, token } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { attendeeLinks } from "@/lib/messaging/links";
import { getAttendeeByToken } from "@/lib/registration/profile";
import { tokenPageLimit } from "@/lib/registration/limits";

const notFound = () => errorResponse({ status: 404, code: "link_not_found", message: "This calendar link is not valid." });

/** GET /api/events/{slug}/calendar.ics?t=… — the attendee's add-to-calendar file. */
export const GET = route(
  { auth: "public", params: z.object({ slug }), query: z.object({ t: token }), limit: ({ ip }) => tokenPageLimit(ip) },
  async ({ params, query }) => {
    const found = await getAttendeeByToken(await getDb(), query.t);
    if (!found || found.event.slug !== params.slug) return notFound();
    const ics = buildEventIcs({
      event: found.event,
      agenda: found.agenda,
      uid: `${found.attendee.id}@tpx`,
      url: attendeeLinks(found.event, found.attendee).event,
    });
    return new Response(ics, {
      headers: {
        "content-type": ICS_CONTENT_TYPE,
        "content-disposition": `attachment; filename="${found.event.slug}.ics"`,
        "cache-control": "private, no-store",
      },
    });
  },
);
