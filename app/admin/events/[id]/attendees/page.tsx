import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "luxon";
import { AttendeeTable } from "@/components/admin/attendee-table";
import { EventHeader } from "@/components/admin/event-header";
import { Button } from "@/components/ui/button";
import { attendeeQuerySchema, listAttendeesPage } from "@/lib/attendees/table";
import { getDb } from "@/lib/db";
import { loadAdminEventPage } from "@/app/admin/_lib/event-page";

export const metadata: Metadata = { title: "Attendees" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AttendeesPage({ params, searchParams }: Props) {
  const { id } = await params;
  const page = await loadAdminEventPage(id, "attendees");
  if (!page.ok) return null;
  const { event } = page;
  const sp = await searchParams;
  const flat = Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = attendeeQuerySchema.parse(flat);
  const { rows, total, pages } = await listAttendeesPage(await getDb(), event.id, query);
  const fmt = (d: Date) => DateTime.fromJSDate(d, { zone: event.timezone }).toFormat("LLL d, h:mm a");
  return (
    <div className="grid gap-6">
      <EventHeader event={event} current="attendees" title="Attendees" />
      <div className="flex flex-wrap gap-2">
        <Button asChild variant="outline" size="sm">
          <Link href={`/admin/events/${event.id}/export/attendees`} prefetch={false}>Export attendees (CSV)</Link>
        </Button>
        <Button asChild variant="outline" size="sm">
          <Link href={`/admin/events/${event.id}/export/messages`} prefetch={false}>Export messages (CSV)</Link>
        </Button>
        <Button asChild variant="outline" size="sm">
          <Link href={`/admin/events/${event.id}/export/ratings`} prefetch={false}>Export ratings (CSV)</Link>
        </Button>
      </div>
      <AttendeeTable
        eventId={event.id}
        total={total}
        pages={pages}
        rows={rows.map((r) => ({
          id: r.id,
          name: r.name,
          email: r.email,
          phone: r.phone,
          company: r.company,
          registered: fmt(r.registeredAt),
          checkedIn: r.checkInTime ? fmt(r.checkInTime) : null,
          profileComplete: r.profileComplete,
          optedOut: r.optedOut,
          cancelled: Boolean(r.cancelledAt),
        }))}
      />
    </div>
  );
}
