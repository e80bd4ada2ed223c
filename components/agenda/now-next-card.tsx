import { Coffee, MapPin, Sparkles, Store, Users } from "lucide-react";
import { formatTime } from "@/components/events/datetime";
import type { NowNext, Moment } from "@/lib/agenda/now-next";
import type { PersonalAgenda } from "@/lib/agenda/personal-agenda";
import type { Dictionary, Locale } from "@/lib/i18n";

type Item = PersonalAgenda["agenda"][number];

/** The top of the agenda page: what to do now and what comes next, for this person. */
export function NowNextCard({
  value,
  zone,
  locale,
  t,
}: {
  value: NowNext<Item>;
  zone: string;
  locale: Locale;
  t: Dictionary;
}) {
  const time = (d: Date) => formatTime(d, zone, locale);
  const first = value.next?.kind === "item" ? value.next.item.startsAt : value.next?.startsAt;
  const nowFallback =
    value.phase === "after" ? t.agenda.dayOver : value.phase === "before" && first ? t.agenda.beforeDay(time(first)) : t.agenda.nothingNow;
  return (
    <section aria-labelledby="now-heading" className="grid rounded-xl border border-primary/40 bg-card px-3.5 py-3 shadow-xs">
      <h2 id="now-heading" className="sr-only">
        {t.agenda.nowNext}
      </h2>
      <dl className="grid gap-2">
        <div className="grid gap-0.5">
          <dt className="text-xs font-semibold tracking-wide text-primary uppercase">{t.agenda.now}</dt>
          <dd>{value.now ? <MomentLine m={value.now} time={time} t={t} until /> : <p className="text-muted-foreground">{nowFallback}</p>}</dd>
        </div>
        {value.next ? (
          <div className="grid gap-0.5 border-t border-border pt-2">
            <dt className="text-xs font-semibold tracking-wide text-primary uppercase">{t.agenda.next}</dt>
            <dd>
              <MomentLine m={value.next} time={time} t={t} />
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

function MomentLine({ m, time, t, until }: { m: Moment<Item>; time: (d: Date) => string; t: Dictionary; until?: boolean }) {
  if (m.kind === "choice") {
    return (
      <p>
        <span className="font-semibold">{t.agenda.choice(m.items.length)}</span>{" "}
        <span className="text-sm text-muted-foreground">· {until ? t.agenda.untilTime(time(m.endsAt)) : t.agenda.atTime(time(m.startsAt))}</span>
      </p>
    );
  }
  const { item } = m;
  const isBreak = item.type === "break" || item.type === "lunch";
  const when = until ? t.agenda.untilTime(time(item.endsAt)) : t.agenda.atTime(time(item.startsAt));
  return (
    <div className="grid gap-0.5">
      <p className="flex items-start gap-2 leading-snug">
        {isBreak ? (
          <Coffee aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
        ) : item.recommended ? (
          <Sparkles aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" />
        ) : null}
        <span>
          <span className="font-semibold">{item.title}</span>
          {item.recommended ? <span className="sr-only"> ({t.agenda.yourPick})</span> : null}
        </span>
      </p>
      <p className="flex flex-wrap items-center gap-x-2 text-sm text-muted-foreground">
        <span className="tabular-nums">{when}</span>
        {item.room ? (
          <span className="inline-flex items-center gap-1">
            <MapPin aria-hidden="true" className="size-3.5" />
            {item.room}
          </span>
        ) : null}
      </p>
      {m.sponsor ? (
        <p className="flex items-start gap-2 text-sm">
          <Store aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" />
          <span>{t.agenda.visit(m.sponsor.name, m.sponsor.boothNumber)}</span>
        </p>
      ) : null}
      {m.peers ? (
        <p className="flex items-start gap-2 text-sm">
          <Users aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" />
          <a href="#people" className="underline underline-offset-2">
            {t.agenda.meetPeers}
          </a>
        </p>
      ) : null}
    </div>
  );
}
