import { buildEventIcs } from "@/lib/calendar/ics";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { attendeeLinks } from "@/lib/messaging/links";
import { getAttendeeByToken } from "@/lib/registration/profile";

/** GET /api/events/{slug}/calendar.ics?t=… — the attendee's add-to-calendar file. */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const found = await getAttendeeByToken(await getDb(), new URL(req.url).searchParams.get("t"));
  if (!found || found.event.slug !== slug) {
    return errorResponse({ status: 404, code: "link_not_found", message: "This calendar link is not valid." });
  }
  const ics = buildEventIcs({
    event: found.event,
    agenda: found.agenda,
    uid: `${found.attendee.id}@tpx`,
    url: attendeeLinks(found.event, found.attendee).event,
  });
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${found.event.slug}.ics"`,
      "cache-control": "private, no-store",
    },
  });
}
