import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CalendarPlus, CircleCheck, MailCheck, UserRoundPen } from "lucide-react";
import { EventFacts } from "@/components/events/event-facts";
import { attendeePageMetadata, type AttendeePageProps } from "@/components/events/invalid-link";
import { QrCode } from "@/components/events/qr-code";
import { PublicShell } from "@/components/site/public-shell";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { getPublicEvent, toEventTimes } from "@/lib/events/queries";
import { parseOr, slug as slugSchema, text } from "@/lib/http/parse";
import { qrSvg } from "@/lib/messaging/qr";
import { resolveAttendeeLink } from "@/lib/registration/profile";
import { eventEnd, eventStart } from "@/lib/scheduling/event-times";

export const metadata = attendeePageMetadata("You're registered");

const email = text(254).pipe(z.email());

export default async function RegisteredPage({ params, searchParams }: AttendeePageProps) {
  const { slug } = await params;
  const sp = await searchParams;
  if (sp.t === undefined) return <CheckInbox slug={slug} to={parseOr(email, sp.to)} />;
  const found = await resolveAttendeeLink(await getDb(), slug, sp.t);
  if (!found) notFound();

  const { attendee, contractor, event, agenda, token } = found;
  const times = toEventTimes(event, agenda);
  const q = `t=${encodeURIComponent(token)}`;
  const base = `/events/${encodeURIComponent(event.slug)}`;
  const svg = await qrSvg(attendee.qrCodeData);
  const texts = Boolean(contractor.phone && contractor.smsOptIn && !contractor.smsOptedOutAt);

  return (
    <PublicShell>
      <div className="grid gap-8">
        <header className="grid gap-3">
          <p className="flex items-center gap-2 font-medium text-success">
            <CircleCheck aria-hidden="true" className="size-5" />
            Registration confirmed
          </p>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">You&apos;re registered</h1>
          <p className="text-lg break-words text-muted-foreground">
            {contractor.firstName ? `Thanks, ${contractor.firstName}. ` : null}
            You&apos;re on the list for <span className="font-medium text-foreground">{event.name}</span>. A confirmation
            is on its way to {contractor.email}
            {texts ? " and by text to your phone" : ""}.
          </p>
        </header>

        <EventFacts
          start={eventStart(times)}
          end={eventEnd(times)}
          timezone={event.timezone}
          venue={event.venue}
          address={event.address}
        />

        <div className="flex flex-col gap-3 sm:flex-row">
          {attendee.profileCompletionStatus === "pending" ? (
            <Button asChild size="lg">
              <Link href={`${base}/profile?${q}`}>
                <UserRoundPen aria-hidden="true" />
                Complete your profile
              </Link>
            </Button>
          ) : null}
          <Button asChild size="lg" variant="outline">
            <a href={`/api/events/${encodeURIComponent(event.slug)}/calendar.ics?${q}`}>
              <CalendarPlus aria-hidden="true" />
              Add to calendar
            </a>
          </Button>
        </div>

        {attendee.profileCompletionStatus === "pending" ? (
          <p className="-mt-4 text-sm text-muted-foreground">
            Two minutes about your business, and we&apos;ll match you with the speakers, sponsors and peers worth your
            time on the day.
          </p>
        ) : null}

        <Card>
          <CardHeader>
            <CardTitle>Your check-in code</CardTitle>
            <CardDescription>
              Show it at the registration desk. It&apos;s also in your confirmation email, so you don&apos;t need to
              save this page.
            </CardDescription>
          </CardHeader>
          <CardContent className="flex justify-center">
            <QrCode svg={svg} code={attendee.qrCodeData} label={`Check-in QR code for ${contractor.firstName ?? contractor.email}`} />
          </CardContent>
        </Card>
      </div>
    </PublicShell>
  );
}

/**
 * What the registration form leads to, for a new and a known email alike (SPEC §8:
 * the answer must not tell whether someone was registered): the links are in the
 * confirmation, which only the owner of the inbox (and the phone on file) gets.
 */
async function CheckInbox({ slug, to }: { slug: string; to: string | undefined }) {
  const data = parseOr(slugSchema, slug) ? await getPublicEvent(await getDb(), slug) : null;
  if (!data) notFound();
  const { event, agenda } = data;
  const times = toEventTimes(event, agenda);
  return (
    <PublicShell>
      <div className="grid gap-8">
        <header className="grid gap-3">
          <p className="flex items-center gap-2 font-medium text-success">
            <MailCheck aria-hidden="true" className="size-5" />
            Registration received
          </p>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Check your inbox</h1>
          <p className="text-lg break-words text-muted-foreground">
            Your confirmation for <span className="font-medium text-foreground">{event.name}</span> is on its way to{" "}
            {to ? <span className="font-medium text-foreground">{to}</span> : "the email you entered"}, with your QR code
            for check-in, your calendar file and the link to complete your profile. If you asked for texts, it comes by
            SMS too.
          </p>
          <p className="text-muted-foreground">
            Registered before? We&apos;ve sent your links again (at most once every 10 minutes). Nothing there after a
            few minutes? Check your spam folder, or register again with the same email.
          </p>
        </header>
        <EventFacts start={eventStart(times)} end={eventEnd(times)} timezone={event.timezone} venue={event.venue} address={event.address} />
        <div>
          <Button asChild variant="outline">
            <Link href={`/events/${encodeURIComponent(event.slug)}`}>Back to the event page</Link>
          </Button>
        </div>
      </div>
    </PublicShell>
  );
}
