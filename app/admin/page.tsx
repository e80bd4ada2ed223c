import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import Link from "next/link";
import { formatEventRange } from "@/components/events/datetime";
import { StatusBadge } from "@/components/admin/status-badge";
import { MESSAGE_STATUSES } from "@/components/admin/message-labels";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { EventStatus } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listEventsForAdmin } from "@/lib/events/queries";

export const metadata: Metadata = { title: "Events" };

const EVENT_STATUS_BADGE: Record<EventStatus, NonNullable<BadgeProps["variant"]>> = {
  draft: "secondary",
  published: "info",
  live: "success",
  completed: "outline",
  cancelled: "destructive",
};

export default async function AdminEventsPage() {
  const auth = await requireUser("admin", "/admin");
  if (!auth.ok) forbidden();
  const events = await listEventsForAdmin(await getDb());

  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h1 id="events-heading" className="text-2xl font-semibold tracking-tight">
          Events
        </h1>
        <p className="text-muted-foreground">Every event, its registrations and the state of its messages.</p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button asChild>
          <Link href="/admin/events/new">New event</Link>
        </Button>
        <Button asChild variant="outline">
          <Link href="/admin/staff">Staff accounts</Link>
        </Button>
      </div>
      {events.length === 0 ? (
        <div className="rounded-xl border border-dashed border-border p-10 text-center text-muted-foreground">
          No events yet. <Link className="font-medium text-foreground underline" href="/admin/events/new">Create your first event</Link>.
        </div>
      ) : (
        <Table aria-labelledby="events-heading" containerClassName="rounded-xl border border-border bg-card">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Event</TableHead>
              <TableHead>When (event time)</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="text-right">Registrations</TableHead>
              <TableHead>Messages</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {events.map((event) => {
              const when = formatEventRange(event.startsAt, event.endsAt, event.timezone);
              const counts = MESSAGE_STATUSES.filter((s) => (event.messagesByStatus[s] ?? 0) > 0);
              return (
                <TableRow key={event.id}>
                  <TableCell>
                    <div className="grid gap-0.5">
                      <Link href={`/admin/events/${event.id}/edit`} className="font-medium underline-offset-2 hover:underline">
                        {event.name}
                      </Link>
                      <span className="text-xs text-muted-foreground">
                        /events/{event.slug} · {event.timezone}
                      </span>
                    </div>
                  </TableCell>
                  <TableCell>
                    <div className="grid gap-0.5 text-sm">
                      <span>{when.date}</span>
                      <span className="text-xs text-muted-foreground">{when.time}</span>
                    </div>
                  </TableCell>
                  <TableCell>
                    <Badge variant={EVENT_STATUS_BADGE[event.status]} className="capitalize">
                      {event.status}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{event.attendeeCount}</TableCell>
                  <TableCell>
                    {counts.length === 0 ? (
                      <span className="text-sm text-muted-foreground">None yet</span>
                    ) : (
                      <ul className="flex flex-wrap gap-1.5" aria-label={`Message counts for ${event.name}`}>
                        {counts.map((s) => (
                          <li key={s} className="inline-flex items-center gap-1 text-sm tabular-nums">
                            <StatusBadge status={s} />
                            <span>{event.messagesByStatus[s]}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                  <TableCell>
                    <div className="flex justify-end gap-2">
                      <Button asChild size="sm" variant="outline">
                        <Link href={`/admin/events/${event.id}/dashboard`}>
                          Dashboard<span className="sr-only"> of {event.name}</span>
                        </Link>
                      </Button>
                      <Button asChild size="sm" variant="outline">
                        <Link href={`/admin/events/${event.id}/attendees`}>
                          Attendees<span className="sr-only"> of {event.name}</span>
                        </Link>
                      </Button>
                      <Button asChild size="sm" variant="outline">
                        <Link href={`/admin/events/${event.id}/outbox`}>
                          Outbox<span className="sr-only"> of {event.name}</span>
                        </Link>
                      </Button>
                      <Button asChild size="sm" variant="outline">
                        <Link href={`/admin/events/${event.id}/inbox`}>
                          SMS inbox<span className="sr-only"> of {event.name}</span>
                        </Link>
                      </Button>
                      {event.status !== "draft" ? (
                        <Button asChild size="sm" variant="ghost">
                          <Link href={`/events/${event.slug}`}>
                            Public page<span className="sr-only"> of {event.name}</span>
                          </Link>
                        </Button>
                      ) : null}
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
