import { z } from "zod";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { token } from "@/lib/http/parse";
import { route } from "@/lib/http/route";
import { unsubscribeEmail } from "@/lib/messaging/unsubscribe";
import { tokenPageLimit } from "@/lib/registration/limits";

/**
 * POST /api/unsubscribe?t=… — mail clients' one-click List-Unsubscribe-Post target
 * (RFC 8058: the body is `List-Unsubscribe=One-Click`, form-encoded; it is not read).
 */
export const POST = route({ auth: "public", query: z.object({ t: token }), limit: ({ ip }) => tokenPageLimit(ip) }, async ({ query }) => {
  const done = await unsubscribeEmail(await getDb(), query.t);
  if (!done.ok) return errorResponse({ status: 404, code: "link_not_found", message: "This unsubscribe link is not valid." });
  return Response.json({ unsubscribed: true });
});
