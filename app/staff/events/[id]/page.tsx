import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ChevronLeft } from "lucide-react";
import { z } from "zod";
import { parseOr, searchText } from "@/lib/http/parse";
import { formatEventRange, formatTime } from "@/components/events/datetime";
import { CheckInDesk } from "@/components/staff/check-in-desk";
import { codeListPublicKey } from "@/lib/checkin/code-list";
import { listScannableSessions } from "@/lib/checkin/session";
import type { DeskAttendee } from "@/components/staff/attendee-search";
import { canWorkEventDesk } from "@/lib/access/assignments";
import { requireUser } from "@/lib/auth/session";
import { searchAttendees } from "@/lib/checkin/search";
import { deskCounts, getDeskEvent } from "@/lib/checkin/staff";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Check-in desk" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** /staff/events/{id}?q=… — the tablet at the door: scan, search, check in. */
export default async function StaffDeskPage({ params, searchParams }: Props) {
  const { id } = await params;
  const auth = await requireUser(["staff", "admin"], `/staff/events/${id}`);
  if (!auth.ok) forbidden();
  if (!z.uuid().safeParse(id).success) notFound();

  const db = await getDb();
  const event = await getDeskEvent(db, id);
  if (!event || !(await canWorkEventDesk(db, auth.user, event.id))) notFound();
  const raw = (await searchParams).q;
  // A NUL byte, an array or 1 MB of text is no search: the box shows empty.
  const query = parseOr(searchText, raw) ?? "";
  const [counts, sessions, found] = await Promise.all([
    deskCounts(db, id),
    listScannableSessions(db, id),
    query ? searchAttendees(db, id, query) : Promise.resolve(null),
  ]);
  const results: DeskAttendee[] | null =
    found?.map((a) => ({
      attendeeId: a.attendeeId,
      name: a.name,
      email: a.email,
      companyName: a.companyName,
      checkedInAt: a.checkInTime ? formatTime(a.checkInTime, event.timezone) : null,
    })) ?? null;
  const when = formatEventRange(event.startsAt, event.endsAt, event.timezone);

  return (
    <div className="grid gap-6">
      <Link
        href="/staff"
        className="-ml-2 inline-flex min-h-11 w-fit items-center gap-1 rounded-md px-2 text-sm font-medium text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden="true" className="size-4" />
        All events
      </Link>
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="grid gap-1">
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{event.name}</h1>
          <p className="text-muted-foreground">
            {when.date}
            {event.venue ? ` · ${event.venue}` : ""}
          </p>
        </div>
        <p className="sm:text-right">
          <span className="block text-3xl font-bold tabular-nums">
            {counts.checkedIn}
            <span className="text-lg font-medium text-muted-foreground"> / {counts.registered}</span>
          </span>
          <span className="text-sm text-muted-foreground">checked in</span>
        </p>
      </header>
      <CheckInDesk
        eventId={event.id}
        publicKey={codeListPublicKey()}
        sessions={sessions.map((s) => ({ id: s.id, title: s.title, when: formatTime(s.startsAt, event.timezone) }))}
        searchPath={`/staff/events/${event.id}`}
        query={query}
        results={results}
      />
    </div>
  );
}
