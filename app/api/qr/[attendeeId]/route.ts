import { z } from "zod";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { uuid } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { qrImageOf, qrImageSignatureValid } from "@/lib/messaging/qr-link";
import { tokenPageLimit } from "@/lib/registration/limits";

const notFound = () => errorResponse({ status: 404, code: "link_not_found", message: "This QR code link is not valid." });

/**
 * GET /api/qr/{attendee id}?s=… — the check-in QR the emails show (decision 0197).
 * A wrong signature is a 404 like an unknown attendee, and counts against the caller's
 * token-page limit; a right one is not limited by IP (mail image proxies fetch for
 * many people from few addresses). A cancelled registration has no code to show.
 */
export const GET = route(
  {
    auth: "public",
    params: z.object({ attendeeId: uuid }),
    query: z.object({ s: z.string({ error: "must be the link's signature" }).max(64, "is not a valid signature") }),
  },
  async ({ params, query, ip }) => {
    if (!qrImageSignatureValid(params.attendeeId, query.s)) return (await tokenPageLimit(ip)) ?? notFound();
    const png = await qrImageOf(await getDb(), params.attendeeId);
    if (!png) return notFound();
    return new Response(new Uint8Array(png), {
      headers: {
        "content-type": "image/png",
        // The URL names the attendee, and the code never changes; a proxy may keep it a day.
        "cache-control": "public, max-age=86400",
        "x-content-type-options": "nosniff",
      },
    });
  },
);
