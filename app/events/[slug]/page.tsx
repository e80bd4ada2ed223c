import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CircleX } from "lucide-react";
import { FullAgenda } from "@/components/agenda/full-agenda";
import { SpeakerList, SponsorGrid } from "@/components/events/event-lineup";
import { EventFacts } from "@/components/events/event-facts";
import { RegistrationForm } from "@/components/events/registration-form";
import { PublicShell } from "@/components/site/public-shell";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { getPublicEvent, toEventTimes } from "@/lib/events/queries";
import { registrationClosedReason } from "@/lib/registration/register";
import { dictionary } from "@/lib/i18n";
import { eventEnd, eventStart } from "@/lib/scheduling/event-times";
import { registerForEvent } from "./actions";

type Props = { params: Promise<{ slug: string }> };

// One query per request even though metadata and the page both ask.
const loadEvent = cache(async (slug: string) => getPublicEvent(await getDb(), slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await loadEvent((await params).slug);
  return data ? { title: data.event.name, description: data.event.description ?? undefined } : { title: "Event not found" };
}

export default async function EventPage({ params }: Props) {
  const { slug } = await params;
  const data = await loadEvent(slug);
  if (!data) notFound();
  const { event, agenda, speakers, sponsors } = data;
  const t = dictionary("en");
  const speakerById = new Map(speakers.map((s) => [s.id, s]));
  const items = agenda.map((i) => ({ ...i, speaker: i.speakerId ? (speakerById.get(i.speakerId) ?? null) : null }));
  const times = toEventTimes(event, agenda);
  const closedReason = registrationClosedReason(event, times, now());

  return (
    <PublicShell>
      <article className="grid gap-10 pb-20 sm:pb-0">
        <header className="grid gap-5">
          <p className="text-sm font-semibold tracking-wide text-primary uppercase">Business conference</p>
          <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">{event.name}</h1>
          {event.description ? (
            <p className="text-lg leading-relaxed text-pretty text-muted-foreground">{event.description}</p>
          ) : null}
          <EventFacts
            start={eventStart(times)}
            end={eventEnd(times)}
            timezone={event.timezone}
            venue={event.venue}
            address={event.address}
          />
        </header>

        <section id="register" aria-labelledby="register-heading" className="scroll-mt-4">
          <Card>
            <CardHeader>
              <CardTitle id="register-heading">Register</CardTitle>
              <CardDescription>
                Free for contractors. You&apos;ll get a confirmation with your QR code for check-in.
              </CardDescription>
            </CardHeader>
            <CardContent>
              {closedReason ? (
                <Alert variant="warning" role="status">
                  <CircleX aria-hidden="true" />
                  <AlertTitle>Registration is closed</AlertTitle>
                  <AlertDescription>
                    <p>{closedReason}</p>
                  </AlertDescription>
                </Alert>
              ) : (
                <RegistrationForm action={registerForEvent.bind(null, event.slug)} />
              )}
            </CardContent>
          </Card>
        </section>

        {agenda.length > 0 ? (
          <section aria-labelledby="agenda-heading" className="grid gap-4">
            <h2 id="agenda-heading" className="text-xl font-semibold tracking-tight">
              {t.event.agenda}
            </h2>
            <FullAgenda items={items} zone={event.timezone} locale="en" t={t} />
          </section>
        ) : null}

        {speakers.length > 0 ? (
          <section aria-labelledby="speakers-heading" className="grid gap-4">
            <h2 id="speakers-heading" className="text-xl font-semibold tracking-tight">
              {t.event.speakers}
            </h2>
            <SpeakerList speakers={speakers} />
          </section>
        ) : null}

        {sponsors.length > 0 ? (
          <section aria-labelledby="sponsors-heading" className="grid gap-4">
            <h2 id="sponsors-heading" className="text-xl font-semibold tracking-tight">
              {t.event.sponsors}
            </h2>
            <SponsorGrid sponsors={sponsors} t={t} />
          </section>
        ) : null}
      </article>
      {closedReason ? null : (
        // On a phone the form is one tap away from anywhere on the page.
        <div className="fixed inset-x-0 bottom-0 z-40 border-t border-border bg-background/95 p-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur sm:hidden">
          <a
            href="#register"
            className="flex h-11 w-full items-center justify-center rounded-md bg-primary text-base font-medium text-primary-foreground shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            {t.event.registerNow}
          </a>
        </div>
      )}
    </PublicShell>
  );
}
