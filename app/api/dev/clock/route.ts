import { z } from "zod";
import { advance, clockOffsetMs, now, resetClock, travelTo } from "@/lib/clock";
import { devToolsEnabled } from "@/lib/env";
import { errorResponse } from "@/lib/http";
import { route } from "@/lib/http/route";

const body = z.union([
  z.strictObject({ to: z.iso.datetime({ offset: true, error: "must be an ISO date-time with offset" }) }),
  z.strictObject({ advanceMs: z.number().int().min(-31_536_000_000).max(31_536_000_000) }),
  z.strictObject({ reset: z.literal(true) }),
]);

function refused() {
  return errorResponse({ status: 403, code: "dev_tools_disabled", message: "The dev clock is disabled in production." });
}

/** GET: the app's current time. POST { to } | { advanceMs } | { reset: true }: move it (development only, organizers). */
export const GET = route({ auth: "public" }, async () => {
  if (!devToolsEnabled()) return refused();
  return Response.json({ now: now().toISOString(), offsetMs: clockOffsetMs() });
});

const post = route({ auth: "admin", body }, async ({ body: v }) => {
  if ("to" in v) travelTo(new Date(v.to));
  else if ("advanceMs" in v) advance(v.advanceMs);
  else resetClock();
  return Response.json({ now: now().toISOString(), offsetMs: clockOffsetMs() });
});

export async function POST(req: Request) {
  if (!devToolsEnabled()) return refused();
  return post(req);
}
