import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import Link from "next/link";
import { ChevronRight, MapPin } from "lucide-react";
import { formatEventRange } from "@/components/events/datetime";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth/session";
import { listDeskEventsFor } from "@/lib/checkin/staff";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Choose an event" };

/** /staff — pick the event this desk checks people in for. */
export default async function StaffHomePage() {
  const auth = await requireUser(["staff", "admin"], "/staff");
  if (!auth.ok) forbidden();
  const db = await getDb();
  const events = await listDeskEventsFor(db, auth.user);

  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Choose an event</h1>
        <p className="text-muted-foreground">The event this desk is checking people in for.</p>
      </div>
      {events.length === 0 ? (
        <p className="rounded-xl border border-dashed border-border p-10 text-center text-muted-foreground">
          No event is open for check-in. Events appear here once they are published.
        </p>
      ) : (
        <ul className="grid gap-3" aria-label="Events">
          {events.map((event) => {
            const when = formatEventRange(event.startsAt, event.endsAt, event.timezone);
            return (
              <li key={event.id}>
                <Link
                  href={`/staff/events/${event.id}`}
                  className="flex min-h-20 items-center gap-4 rounded-xl border border-border bg-card p-5 shadow-xs transition-colors hover:border-primary/50 hover:bg-accent/40"
                >
                  <span className="grid min-w-0 flex-1 gap-1">
                    <span className="flex flex-wrap items-center gap-2">
                      <span className="text-lg font-semibold">{event.name}</span>
                      {event.status === "live" ? <Badge variant="success">Live</Badge> : null}
                    </span>
                    <span className="text-sm text-muted-foreground">
                      {when.date} · {when.time}
                    </span>
                    {event.venue ? (
                      <span className="flex items-center gap-1.5 text-sm text-muted-foreground">
                        <MapPin aria-hidden="true" className="size-4" />
                        {event.venue}
                      </span>
                    ) : null}
                  </span>
                  <ChevronRight aria-hidden="true" className="size-6 shrink-0 text-muted-foreground" />
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
