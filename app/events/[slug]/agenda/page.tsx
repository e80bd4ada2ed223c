import { notFound } from "next/navigation";
import Link from "next/link";
import { CalendarDays, MapPin } from "lucide-react";
import { CheckInCode } from "@/components/agenda/check-in-code";
import { DayAgenda } from "@/components/agenda/day-agenda";
import { PeopleList } from "@/components/agenda/people-list";
import { PlanSummary } from "@/components/agenda/plan-summary";
import { SponsorList } from "@/components/agenda/sponsor-list";
import { formatEventRange, formatTime, zoneAbbreviation } from "@/components/events/datetime";
import { attendeePageMetadata, type AttendeePageProps } from "@/components/events/invalid-link";
import { PublicShell } from "@/components/site/public-shell";
import { getPersonalAgenda, type PersonalAgenda } from "@/lib/agenda/personal-agenda";
import { getDb } from "@/lib/db";
import { toEventTimes } from "@/lib/events/queries";
import { peerSlot } from "@/lib/matching";
import { qrSvg } from "@/lib/messaging/qr";
import { eventEnd, eventStart } from "@/lib/scheduling/event-times";
import { getPlanStatus } from "./actions";

export const metadata = attendeePageMetadata("Your plan");

export default async function PersonalAgendaPage({ params, searchParams }: AttendeePageProps) {
  const { slug } = await params;
  const t = (await searchParams).t;
  const token = typeof t === "string" ? t : undefined;
  // Records the "opened" engagement signal; null for a wrong token or another event's token.
  const data = token ? await getPersonalAgenda(await getDb(), slug, token) : null;
  if (!data || !token) notFound();

  const { event, attendee, contractor } = data;
  const zone = event.timezone;
  const times = toEventTimes(event, data.agenda);
  const when = formatEventRange(eventStart(times), eventEnd(times), zone);
  const q = `t=${encodeURIComponent(token)}`;
  const base = `/events/${encodeURIComponent(event.slug)}`;
  const checkInHref = `${base}/check-in?${q}`;
  const name = [contractor.firstName, contractor.lastName].filter(Boolean).join(" ") || "you";
  const sessions = data.agenda.filter((i) => i.recommended).length;
  const code = (
    <section aria-labelledby="code-heading" className="grid gap-4">
      <h2 id="code-heading" className="text-xl font-semibold tracking-tight">
        Your check-in code
      </h2>
      <CheckInCode
        svg={await qrSvg(attendee.qrCodeData)}
        code={attendee.qrCodeData}
        name={name}
        checkInTime={attendee.checkInTime}
        timezone={zone}
      />
    </section>
  );

  return (
    <PublicShell>
      <div className="grid gap-10">
        <header className="grid gap-3">
          <p className="text-sm font-semibold tracking-wide text-primary uppercase">
            <Link href={base} className="hover:underline">
              {event.name}
            </Link>
          </p>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">
            {contractor.firstName ? `Hi ${contractor.firstName}` : "Hi there"}
          </h1>
          <ul className="grid gap-1.5 text-muted-foreground">
            <li className="flex items-start gap-2">
              <CalendarDays aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" />
              <span>{when.date}</span>
            </li>
            {event.venue ? (
              <li className="flex items-start gap-2">
                <MapPin aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" />
                <span>{event.venue}</span>
              </li>
            ) : null}
          </ul>
        </header>

        <section aria-labelledby="plan-heading" className="grid gap-3">
          <h2 id="plan-heading" className="text-xl font-semibold tracking-tight">
            Your plan
          </h2>
          <PlanSummary
            status={attendee.planStatus}
            sessions={sessions}
            sponsors={data.sponsors.length}
            peers={data.peers.length}
            calendarHref={`/api/events/${encodeURIComponent(event.slug)}/agenda.ics?${q}`}
            checkInHref={checkInHref}
            checkStatus={getPlanStatus.bind(null, slug, token)}
          />
        </section>

        {/* At the door the code is what they need first; once in, the day is. */}
        {attendee.checkInTime ? null : code}

        <section id="your-day" aria-labelledby="day-heading" className="grid scroll-mt-4 gap-4">
          <div className="grid gap-1">
            <h2 id="day-heading" className="text-xl font-semibold tracking-tight">
              Your day
            </h2>
            {data.agenda.length ? (
              <p className="text-sm text-muted-foreground">
                Times are local to the venue ({zoneAbbreviation(data.agenda[0].startsAt, zone)}).
              </p>
            ) : null}
          </div>
          <DayAgenda items={data.agenda} timezone={zone} now={data.generatedAt} />
        </section>

        <section id="sponsors" aria-labelledby="sponsors-heading" className="grid scroll-mt-4 gap-4">
          <h2 id="sponsors-heading" className="text-xl font-semibold tracking-tight">
            Sponsors to visit
          </h2>
          {data.sponsors.length ? (
            <SponsorList sponsors={data.sponsors} />
          ) : (
            <EmptyNote>{emptySponsors(attendee.planStatus)}</EmptyNote>
          )}
        </section>

        <section id="people" aria-labelledby="people-heading" className="grid scroll-mt-4 gap-4">
          <h2 id="people-heading" className="text-xl font-semibold tracking-tight">
            People to meet
          </h2>
          {data.peers.length ? <PeopleList peers={data.peers} /> : <EmptyNote>{emptyPeers(data)}</EmptyNote>}
        </section>

        {attendee.checkInTime ? code : null}
      </div>
    </PublicShell>
  );
}

function EmptyNote({ children }: { children: React.ReactNode }) {
  return <p className="rounded-xl border border-dashed border-border px-4 py-5 text-muted-foreground">{children}</p>;
}

function emptySponsors(status: PersonalAgenda["attendee"]["planStatus"]): string {
  if (status === "none") return "Once you check in, we'll pick the sponsors worth a visit, with their booth numbers.";
  if (status === "pending") return "Your sponsor picks will appear here in a moment.";
  return "No sponsor picks for you yet. Every sponsor is listed at the event.";
}

/** SPEC §5.4: until the batch has run, say when the introductions will come. */
function emptyPeers(data: PersonalAgenda): string {
  if (!data.peerIntroAt) return "People to meet will appear here.";
  const slot = peerSlot(data.agenda);
  const at = formatTime(data.peerIntroAt, data.event.timezone);
  const label = slot?.type === "lunch" ? "lunch" : "break";
  const tail = data.attendee.checkInTime ? "" : " Check in before then to be included.";
  return `We'll introduce you to 3 people at ${at} (${label}).${tail}`;
}
