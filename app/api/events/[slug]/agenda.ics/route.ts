import { getPersonalAgenda } from "@/lib/agenda/personal-agenda";
import { buildEventIcs, ICS_CONTENT_TYPE } from "@/lib/calendar/ics";
import { getDb } from "@/lib/db";
import { getAgenda } from "@/lib/events/queries";
import { z } from "zod";
import { errorResponse } from "@/lib/http";
import { slug, token } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { tokenPageLimit } from "@/lib/registration/limits";
import { attendeeLinks } from "@/lib/messaging/links";

/**
 * GET /api/events/{slug}/agenda.ics?t=… — the attendee's recommended sessions, one
 * calendar entry each. Before the plan has any sessions it falls back to the whole
 * event (the same entry as calendar.ics), so the button never hands back an error.
 */
export const GET = route(
  { auth: "public", params: z.object({ slug }), query: z.object({ t: token }), limit: ({ ip }) => tokenPageLimit(ip) },
  async ({ params, query }) => {
  const db = await getDb();
  // Downloading the file is not an "opened the agenda page" signal.
  const plan = await getPersonalAgenda(db, params.slug, query.t, { recordOpen: false });
  if (!plan) {
    return errorResponse({ status: 404, code: "link_not_found", message: "This calendar link is not valid." });
  }

  const { event, attendee } = plan;
  const agenda = await getAgenda(db, event.id);
  const picked = new Set(plan.agenda.filter((i) => i.recommended).map((i) => i.id));
  const items = agenda.filter((i) => picked.has(i.id));
  // The public event page, not the tokened agenda link: calendars get shared and synced.
  const url = attendeeLinks(event, attendee).event;
  const ics = items.length
    ? buildEventIcs({ event, agenda, uid: `agenda-${attendee.id}@tpx`, url, items })
    : buildEventIcs({ event, agenda, uid: `${attendee.id}@tpx`, url });

  return new Response(ics, {
    headers: {
      "content-type": ICS_CONTENT_TYPE,
      "content-disposition": `attachment; filename="${event.slug}-my-sessions.ics"`,
      "cache-control": "private, no-store",
    },
  });
  },
);
