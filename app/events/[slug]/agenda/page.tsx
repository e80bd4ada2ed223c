import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import Link from "next/link";
import { FullAgenda } from "@/components/agenda/full-agenda";
import { NowNextCard } from "@/components/agenda/now-next-card";
import { OfflinePlan } from "@/components/agenda/offline-plan";
import { PeopleList } from "@/components/agenda/people-list";
import { PicksList } from "@/components/agenda/picks-list";
import { CalendarButton, PlanSummary } from "@/components/agenda/plan-summary";
import { QrButton } from "@/components/agenda/qr-button";
import { SponsorList } from "@/components/agenda/sponsor-list";
import { formatEventRange, formatTime, zoneAbbreviation } from "@/components/events/datetime";
import { attendeePageMetadata, type AttendeePageProps } from "@/components/events/invalid-link";
import { PublicShell } from "@/components/site/public-shell";
import { nowAndNext } from "@/lib/agenda/now-next";
import { getPersonalAgenda, type PersonalAgenda } from "@/lib/agenda/personal-agenda";
import { getPlanVersion as loadPlanVersion } from "@/lib/agenda/plan-version";
import { getDb } from "@/lib/db";
import { toEventTimes } from "@/lib/events/queries";
import { parseOr, slug as slugParser, tokenParam } from "@/lib/http/parse";
import { dictionary, type Dictionary, type Locale } from "@/lib/i18n";
import { peerSlot } from "@/lib/matching";
import { qrSvg } from "@/lib/messaging/qr";
import { eventEnd, eventStart } from "@/lib/scheduling/event-times";
import { getPlanStatus, getPlanVersion } from "./actions";

export async function generateMetadata({ params, searchParams }: AttendeePageProps): Promise<Metadata> {
  const { slug } = await params;
  const t = tokenParam((await searchParams).t);
  const base = attendeePageMetadata("Your plan");
  // Installed from this page, the app opens this attendee's agenda (the manifest carries the link).
  if (!t || !parseOr(slugParser, slug)) return base;
  return { ...base, manifest: `/events/${encodeURIComponent(slug)}/agenda/manifest?${new URLSearchParams({ t })}` };
}

export default async function PersonalAgendaPage({ params, searchParams }: AttendeePageProps) {
  const { slug } = await params;
  const token = tokenParam((await searchParams).t);
  // The service worker's background copy is not another open (the engagement signal).
  const offlineCopy = (await headers()).get("x-tpx-offline-copy") === "1";
  const db = await getDb();
  const data = token ? await getPersonalAgenda(db, slug, token, { recordOpen: !offlineCopy }) : null;
  if (!data || !token) notFound();

  const locale: Locale = data.contractor.language;
  const t = dictionary(locale);
  const { event, attendee, contractor } = data;
  const zone = event.timezone;
  const time = (d: Date) => formatTime(d, zone, locale);
  const when = formatEventRange(eventStart(toEventTimes(event, data.agenda)), eventEnd(toEventTimes(event, data.agenda)), zone, locale);
  const q = `t=${encodeURIComponent(token)}`;
  const base = `/events/${encodeURIComponent(event.slug)}`;
  const name = [contractor.firstName, contractor.lastName].filter(Boolean).join(" ") || contractor.firstName || "";
  const sessions = data.agenda.filter((i) => i.recommended).length;
  const nn = nowAndNext(data.agenda, data.sponsors, data.generatedAt, data.peerSlotId);
  const slotOf = new Map(data.agenda.map((i) => [i.id, i]));
  const visitWhen = (s: PersonalAgenda["sponsors"][number]) => {
    const slot = s.slotId ? slotOf.get(s.slotId) : undefined;
    return slot ? t.agenda.visitDuring(slot.title, time(slot.startsAt)) : null;
  };

  return (
    <PublicShell lang={locale} compact>
      <div className="grid gap-4 pb-16">
        <header className="grid gap-0.5">
          <p className="truncate text-xs font-semibold tracking-wide text-primary uppercase">
            {/* Not prefetched: the plan page's first load on a phone is what counts (decision 0205). */}
            <Link href={base} prefetch={false} className="hover:underline">
              {event.name}
            </Link>
          </p>
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t.agenda.greeting(contractor.firstName)}</h1>
          <p className="truncate text-sm text-muted-foreground">
            {when.date}
            {event.venue ? ` · ${event.venue}` : null}
          </p>
          <OfflinePlan
            version={(await loadPlanVersion(db, slug, token)) ?? ""}
            checkVersion={getPlanVersion.bind(null, slug, token)}
            strings={{ updated: t.agenda.updatedAt(time(data.generatedAt)), offline: t.agenda.offline(time(data.generatedAt)), updating: t.agenda.updating }}
          />
        </header>

        <NowNextCard value={nn} zone={zone} locale={locale} t={t} />

        <section aria-labelledby="plan-heading" className="grid gap-2">
          <h2 id="plan-heading" className="sr-only">
            {t.agenda.title}
          </h2>
          <PlanSummary
            t={t}
            status={attendee.planStatus}
            sessions={sessions}
            sponsors={data.sponsors.length}
            peers={data.peers.length}
            checkInHref={`${base}/check-in?${q}`}
            checkStatus={getPlanStatus.bind(null, slug, token)}
          />
        </section>

        <Section id="your-day" title={t.agenda.yourDay}>
          <PicksList items={data.agenda} zone={zone} locale={locale} t={t} />
        </Section>

        <Section id="sponsors" title={t.agenda.sponsorsHeading}>
          {data.sponsors.length ? (
            <SponsorList sponsors={data.sponsors} t={t} when={visitWhen} />
          ) : (
            <EmptyNote>{emptySponsors(attendee.planStatus, t)}</EmptyNote>
          )}
        </Section>

        <Section id="people" title={t.agenda.peopleHeading}>
          {data.peers.length ? <PeopleList peers={data.peers} t={t} /> : <EmptyNote>{emptyPeers(data, t, time)}</EmptyNote>}
        </Section>

        <CalendarButton href={`/api/events/${encodeURIComponent(event.slug)}/agenda.ics?${q}`} label={sessions > 0 ? t.agenda.calendarSessions : t.agenda.calendarEvent} />

        <Section id="agenda" title={t.agenda.fullAgenda}>
          {data.agenda.length ? <p className="-mt-2 text-sm text-muted-foreground">{t.agenda.localTimes(zoneAbbreviation(data.agenda[0].startsAt, zone))}</p> : null}
          <FullAgenda items={data.agenda} zone={zone} locale={locale} t={t} collapsible now={data.generatedAt} />
        </Section>
      </div>
      <QrButton
        svg={await qrSvg(attendee.qrCodeData)}
        code={attendee.qrCodeData}
        strings={{
          button: t.agenda.qrButton,
          title: t.agenda.qrTitle,
          close: t.agenda.qrClose,
          description: t.agenda.qrDescription,
          label: t.agenda.qrLabel(name),
          caption: t.agenda.cantScan,
          status: attendee.checkInTime ? t.agenda.checkedInAt(time(attendee.checkInTime)) : t.agenda.showAtDesk,
        }}
      />
    </PublicShell>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="grid scroll-mt-4 gap-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold tracking-tight">
        {title}
      </h2>
      {children}
    </section>
  );
}

function EmptyNote({ children }: { children: React.ReactNode }) {
  return <p className="rounded-xl border border-dashed border-border px-4 py-4 text-muted-foreground">{children}</p>;
}

function emptySponsors(status: PersonalAgenda["attendee"]["planStatus"], t: Dictionary): string {
  if (status === "none") return t.agenda.sponsorsEmpty.none;
  if (status === "pending") return t.agenda.sponsorsEmpty.pending;
  return t.agenda.sponsorsEmpty.other;
}

/** SPEC §5.4: until the batch has run, say when the introductions will come. */
function emptyPeers(data: PersonalAgenda, t: Dictionary, time: (d: Date) => string): string {
  if (!data.peerIntroAt) return t.agenda.peersEmpty;
  const slot = peerSlot(data.agenda);
  const text = t.agenda.peersLater(time(data.peerIntroAt), slot?.type === "lunch" ? "lunch" : "break");
  return data.attendee.checkInTime ? text : text + t.agenda.peersCheckInFirst;
}
