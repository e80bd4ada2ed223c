import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { unsubscribeEmail } from "@/lib/messaging/unsubscribe";

/** POST /api/unsubscribe?t=… — mail clients' one-click List-Unsubscribe-Post target. */
export async function POST(req: Request) {
  const token = new URL(req.url).searchParams.get("t") ?? "";
  const done = await unsubscribeEmail(await getDb(), token);
  if (!done.ok) return errorResponse({ status: 404, code: "link_not_found", message: "This unsubscribe link is not valid." });
  return Response.json({ unsubscribed: true });
}
