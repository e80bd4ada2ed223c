import Link from "next/link";
import { connection } from "next/server";
import { ArrowRight, CalendarCheck, MessageSquareText, QrCode, Sparkles } from "lucide-react";
import { formatEventRange } from "@/components/events/datetime";
import { PublicShell } from "@/components/site/public-shell";
import { Button } from "@/components/ui/button";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { listPublicEvents } from "@/lib/events/queries";

const STEPS = [
  { icon: CalendarCheck, title: "Register in a minute", text: "A confirmation with a QR code and a calendar file." },
  { icon: MessageSquareText, title: "The right reminder", text: "Texts and emails at the right local time, never at 3 a.m." },
  { icon: QrCode, title: "Scan and go", text: "One scan at the door checks you in." },
  { icon: Sparkles, title: "A plan for your day", text: "Sessions, sponsors and peers picked for your business." },
];

export default async function HomePage() {
  // Rendered per request: the list changes as events are published (and with the dev clock).
  await connection();
  const events = (await listPublicEvents(await getDb(), now())).map((e) => ({ slug: e.slug, name: e.name, venue: e.venue, when: formatEventRange(e.startsAt, e.endsAt, e.timezone) }));

  return (
    <PublicShell
      width="wide"
      headerRight={
        <Button asChild variant="ghost" size="lg" className="px-3">
          <Link href="/signin">Organizer sign-in</Link>
        </Button>
      }
    >
      <div className="grid gap-14">
        <section className="grid max-w-2xl gap-5">
          <h1 className="text-4xl font-bold tracking-tight text-balance sm:text-5xl">
            Business conferences that run themselves.
          </h1>
          <p className="text-lg leading-relaxed text-pretty text-muted-foreground">
            TPX takes every attendee from registration to follow-up: confirmations and reminders, QR check-in, and a
            personal plan of the speakers to hear, sponsors to visit and peers to meet — texted at the right minute of
            the day.
          </p>
        </section>

        <section aria-labelledby="events-heading" className="grid gap-4">
          <h2 id="events-heading" className="text-xl font-semibold tracking-tight">
            Upcoming events
          </h2>
          {events.length === 0 ? (
            <p className="rounded-xl border border-dashed border-border p-8 text-muted-foreground">
              No events are open for registration right now.
            </p>
          ) : (
            <ul className="grid gap-3 sm:grid-cols-2">
              {events.map((e) => (
                <li key={e.slug}>
                  <Link
                    href={`/events/${e.slug}`}
                    className="group grid h-full gap-2 rounded-xl border border-border bg-card p-5 shadow-sm transition-colors hover:border-primary/50"
                  >
                    <span className="text-lg font-semibold tracking-tight group-hover:text-primary">{e.name}</span>
                    <span className="text-sm text-muted-foreground">
                      {e.when.date}
                      {e.venue ? ` · ${e.venue}` : ""}
                    </span>
                    <span className="mt-1 inline-flex items-center gap-1 text-sm font-medium text-primary">
                      Register <ArrowRight aria-hidden="true" className="size-4" />
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="how-heading" className="grid gap-4">
          <h2 id="how-heading" className="text-xl font-semibold tracking-tight">
            How it works for attendees
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {STEPS.map(({ icon: Icon, title, text }) => (
              <li key={title} className="grid gap-2 rounded-xl bg-muted/60 p-5">
                <Icon aria-hidden="true" className="size-6 text-primary" />
                <span className="font-medium">{title}</span>
                <span className="text-sm text-muted-foreground">{text}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </PublicShell>
  );
}
