import { getDb } from "@/lib/db";
import { errorResponse, readJson } from "@/lib/http";
import { completeProfile } from "@/lib/registration/profile";

/** POST /api/event-check-in/complete-profile — { token, first_name?, …, focus_areas? } fills what is missing. */
export async function POST(req: Request) {
  const read = await readJson(req);
  if (!read.ok) return read.response;
  const { token, ...fields } = (read.body ?? {}) as Record<string, unknown>;
  const t = typeof token === "string" ? token : (new URL(req.url).searchParams.get("t") ?? "");
  const result = await completeProfile(await getDb(), t, fields);
  if (!result.ok) return errorResponse(result.error);
  return Response.json({
    profile_completion_status: result.completed ? "completed" : "pending",
    missing_fields: result.missingFields,
  });
}
