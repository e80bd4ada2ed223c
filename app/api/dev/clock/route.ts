import { z } from "zod";
import { advance, clockOffsetMs, now, resetClock, travelTo } from "@/lib/clock";
import { devToolsEnabled } from "@/lib/env";
import { validationError } from "@/lib/errors";
import { errorResponse, readJson } from "@/lib/http";
import { getSessionUser } from "@/lib/auth/session";

const body = z.union([
  z.object({ to: z.iso.datetime({ offset: true, error: "must be an ISO date-time with offset" }) }),
  z.object({ advanceMs: z.number().int().min(-31_536_000_000).max(31_536_000_000) }),
  z.object({ reset: z.literal(true) }),
]);

function refused() {
  return errorResponse({ status: 403, code: "dev_tools_disabled", message: "The dev clock is disabled in production." });
}

/** GET: the app's current time. POST { to } | { advanceMs } | { reset: true }: move it (development only). */
export async function GET() {
  if (!devToolsEnabled()) return refused();
  return Response.json({ now: now().toISOString(), offsetMs: clockOffsetMs() });
}

export async function POST(req: Request) {
  if (!devToolsEnabled()) return refused();
  const user = await getSessionUser();
  if (!user || user.role !== "admin") {
    return errorResponse({ status: 401, code: "unauthorized", message: "Sign in as an organizer to move the clock." });
  }
  const read = await readJson(req);
  if (!read.ok) return read.response;
  const parsed = body.safeParse(read.body);
  if (!parsed.success) return errorResponse(validationError(parsed.error.issues));
  const v = parsed.data;
  if ("to" in v) travelTo(new Date(v.to));
  else if ("advanceMs" in v) advance(v.advanceMs);
  else resetClock();
  return Response.json({ now: now().toISOString(), offsetMs: clockOffsetMs() });
}
