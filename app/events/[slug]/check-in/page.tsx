import { notFound } from "next/navigation";
import Link from "next/link";
import { CheckedIn, SelfCheckInForm } from "@/components/agenda/self-check-in-form";
import { formatTime } from "@/components/events/datetime";
import { EventFacts } from "@/components/events/event-facts";
import { attendeePageMetadata, type AttendeePageProps } from "@/components/events/invalid-link";
import { PublicShell } from "@/components/site/public-shell";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { toEventTimes } from "@/lib/events/queries";
import { resolveAttendeeLink } from "@/lib/registration/profile";
import { eventEnd, eventStart } from "@/lib/scheduling/event-times";
import { checkInSelf } from "./actions";

export const metadata = attendeePageMetadata("Check in");

/** /events/{slug}/check-in?t=… — online self check-in, the link in the reminders (SPEC §5.1). */
export default async function SelfCheckInPage({ params, searchParams }: AttendeePageProps) {
  const { slug } = await params;
  const found = await resolveAttendeeLink(await getDb(), slug, (await searchParams).t);
  if (!found) notFound();

  const { attendee, contractor, event, agenda, token } = found;
  const times = toEventTimes(event, agenda);
  const base = `/events/${encodeURIComponent(event.slug)}`;
  const agendaHref = `${base}/agenda?t=${encodeURIComponent(token)}`;
  const name = [contractor.firstName, contractor.lastName].filter(Boolean).join(" ") || contractor.email;

  return (
    <PublicShell>
      <div className="grid gap-8">
        <header className="grid gap-3">
          <p className="text-sm font-semibold tracking-wide text-primary uppercase">
            <Link href={base} className="hover:underline">
              {event.name}
            </Link>
          </p>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Check in</h1>
          <p className="text-lg text-muted-foreground">
            Checking in as <span className="font-medium break-words text-foreground">{name}</span>. Once you&apos;re in,
            we build your personal plan for the day.
          </p>
        </header>

        <Card>
          <CardContent className="pt-5 sm:pt-6">
            {attendee.checkInTime ? (
              <CheckedIn status="already_checked_in" time={formatTime(attendee.checkInTime, event.timezone)} agendaHref={agendaHref} />
            ) : (
              <SelfCheckInForm action={checkInSelf.bind(null, slug, token)} agendaHref={agendaHref} />
            )}
          </CardContent>
        </Card>

        <EventFacts
          start={eventStart(times)}
          end={eventEnd(times)}
          timezone={event.timezone}
          venue={event.venue}
          address={event.address}
        />
      </div>
    </PublicShell>
  );
}
