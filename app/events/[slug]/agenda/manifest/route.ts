import { z } from "zod";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { slug, token } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { agendaManifest } from "@/lib/agenda/manifest";
import { toLocale } from "@/lib/i18n/locale";
import { tokenPageLimit } from "@/lib/registration/limits";
import { getAttendeeByToken } from "@/lib/registration/profile";

/**
 * GET /events/{slug}/agenda/manifest?t=… — the web app manifest of one attendee's
 * agenda (start_url is their agenda link), for their own token and event only, like
 * the page (404 otherwise).
 */
export const GET = route(
  { auth: "public", params: z.object({ slug }), query: z.object({ t: token }), limit: ({ ip }) => tokenPageLimit(ip) },
  async ({ params, query }) => {
    const found = await getAttendeeByToken(await getDb(), query.t);
    if (!found || found.event.slug !== params.slug) return errorResponse({ status: 404, code: "link_not_found", message: "This link is not valid." });
    return Response.json(agendaManifest(found.event.slug, query.t, found.event.name, toLocale(found.contractor.language)), {
      headers: { "content-type": "application/manifest+json", "cache-control": "private, no-store" },
    });
  },
);
