import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { cancelRegistration } from "@/lib/registration/cancel";

/** DELETE /api/admin/attendees/{id} — cancels a registration and every pending message of it (SPEC §3). */
export async function DELETE(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await requireApiUser(req, ["admin"]);
  if (auth instanceof Response) return auth;
  const { id } = await ctx.params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return errorResponse({ status: 404, code: "registration_not_found", message: "No active registration with that id." });
  const result = await cancelRegistration(await getDb(), id);
  if (!result.ok) return errorResponse(result.error);
  return Response.json({ cancelled: true, cancelled_messages: result.cancelledMessages });
}
