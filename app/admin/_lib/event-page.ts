import { forbidden, notFound } from "next/navigation";
import type { Event } from "@/db/schema";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getEventById } from "@/lib/events/queries";
import { parseOr, uuid } from "@/lib/http/parse";

/**
 * The start of every /admin/events/[id]/… page: admin only (the page decides, not the
 * layout), the id parsed as a UUID (anything else is a 404), the event loaded.
 */
export async function loadAdminEventPage(
  rawId: string,
  path: string,
): Promise<{ ok: true; user: SessionUser; event: Event } | { ok: false; user: SessionUser }> {
  const auth = await requireUser("admin", `/admin/events/${encodeURIComponent(rawId)}/${path}`);
  // 403 with the forbidden page (next.config authInterrupts), as the rest of the console.
  if (!auth.ok) forbidden();
  const id = parseOr(uuid, rawId);
  if (!id) notFound();
  const event = await getEventById(await getDb(), id);
  if (!event) notFound();
  return { ok: true, user: auth.user, event };
}

export function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
