import { forbidden } from "next/navigation";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { listEventsForAdmin } from "@/lib/events/queries";

/**
 * "Outbox" in the nav: the outbox of the event that matters now — the first one
 * not yet over (live or upcoming), else the most recent. No events: the list.
 */
export default async function OutboxShortcut() {
  const auth = await requireUser("admin", "/admin/outbox");
  if (!auth.ok) forbidden();
  const events = await listEventsForAdmin(await getDb());
  if (events.length === 0) redirect("/admin");
  const at = now().getTime();
  const current = events.find((e) => e.endsAt.getTime() >= at) ?? events[events.length - 1];
  redirect(`/admin/events/${current.id}/outbox`);
}
