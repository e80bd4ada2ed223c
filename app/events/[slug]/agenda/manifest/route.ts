import { z } from "zod";
import { getDb } from "@/lib/db";
import { getEventBySlug } from "@/lib/events/queries";
import { errorResponse } from "@/lib/http";
import { slug, token } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { agendaManifest } from "@/lib/agenda/manifest";
import { tokenPageLimit } from "@/lib/registration/limits";

/**
 * GET /events/{slug}/agenda/manifest?t=… — the web app manifest of one attendee's
 * agenda (start_url is their agenda link). Public: it only echoes the link the caller
 * already holds, so the token is parsed, not looked up (no oracle for valid tokens).
 */
export const GET = route(
  { auth: "public", params: z.object({ slug }), query: z.object({ t: token, lang: z.enum(["en", "es"]).optional() }), limit: ({ ip }) => tokenPageLimit(ip) },
  async ({ params, query }) => {
    const event = await getEventBySlug(await getDb(), params.slug);
    if (!event || event.status === "draft") return errorResponse({ status: 404, code: "not_found", message: "No such event." });
    return Response.json(agendaManifest(event.slug, query.t, event.name, query.lang ?? "en"), {
      headers: { "content-type": "application/manifest+json", "cache-control": "private, max-age=3600" },
    });
  },
);
