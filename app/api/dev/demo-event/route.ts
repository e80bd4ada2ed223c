import { DateTime } from "luxon";
import { z } from "zod";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { buildDemoEventInput, DEMO_TIMEZONE } from "@/lib/demo/demo-event";
import { devToolsEnabled } from "@/lib/env";
import { parseEventFile } from "@/lib/events/event-file";
import { importEventFile } from "@/lib/events/import";
import { errorResponse } from "@/lib/http";
import { slug } from "@/lib/http/parse";
import { route } from "@/lib/http/route";

const body = z.strictObject({ slug, daysAhead: z.number().int().min(1).max(60) });

/**
 * POST /api/dev/demo-event { slug, daysAhead } — a copy of the demo event under
 * another slug and date (development and e2e only, organizers): specs that run the
 * clock through a whole event day get their own event instead of moving the shared one.
 */
const post = route({ auth: "admin", body }, async ({ body: v }) => {
  const date = DateTime.fromJSDate(now(), { zone: DEMO_TIMEZONE }).plus({ days: v.daysAhead }).toISODate()!;
  const input = buildDemoEventInput(date);
  input.event.slug = v.slug;
  // A name that does not contain the shared demo event's: specs find that one by name.
  input.event.name = `Demo copy ${v.slug}`;
  const parsed = parseEventFile(input);
  if (!parsed.ok) return errorResponse({ status: 400, code: "invalid_event", message: parsed.errors.map((e) => e.message).join("; ") });
  const summary = await importEventFile(await getDb(), parsed.file, { now: now() });
  return Response.json({ id: summary.eventId, slug: v.slug });
});

export async function POST(req: Request) {
  if (!devToolsEnabled()) return errorResponse({ status: 403, code: "dev_tools_disabled", message: "Dev tools are disabled in production." });
  return post(req);
}
