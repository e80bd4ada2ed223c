import { ChevronDown, Coffee, Sparkles } from "lucide-react";
import { groupByStart } from "@/lib/agenda/time-slots";
import type { Dictionary, Locale } from "@/lib/i18n";
import { cn } from "@/lib/utils";
import { SessionFacts } from "./session-facts";
import { formatTimeRange, groupByLocalDay } from "./time";

export type FullAgendaItem = {
  id: string;
  type: "session" | "keynote" | "panel" | "break" | "lunch" | "networking";
  title: string;
  room: string | null;
  startsAt: Date;
  endsAt: Date;
  speaker?: { name: string; company?: string | null } | null;
  recommended?: { rank: number } | null;
};

/**
 * The whole day by time, parallel sessions listed by room. `collapsible`: each time
 * slot is a details/summary (the agenda page, under the plan); otherwise all open
 * (the public event page).
 */
export function FullAgenda({
  items,
  zone,
  locale,
  t,
  collapsible = false,
  now,
}: {
  items: ReadonlyArray<FullAgendaItem>;
  zone: string;
  locale: Locale;
  t: Dictionary;
  collapsible?: boolean;
  now?: Date;
}) {
  if (items.length === 0) return <p className="text-muted-foreground">{t.agenda.agendaNotPublished}</p>;
  const days = groupByLocalDay(items, zone, locale);
  return (
    <div className="grid gap-5">
      {days.map((day) => (
        <div key={day.key} className="grid gap-2">
          {days.length > 1 ? <h3 className="text-base font-semibold">{day.label}</h3> : null}
          <ol className="grid gap-2" aria-label={days.length > 1 ? `${t.agenda.fullAgenda}, ${day.label}` : t.agenda.fullAgenda}>
            {groupByStart(day.items).map((slot) => {
              const range = formatTimeRange(slot.startsAt, slot.endsAt, zone, locale);
              const live = now ? slot.startsAt <= now && now < slot.endsAt : false;
              const quiet = slot.items.every((i) => i.type === "break" || i.type === "lunch");
              if (quiet || !collapsible) {
                return (
                  <li key={slot.key} className={cn("grid gap-1.5 rounded-xl border border-border bg-card p-3", quiet && "border-dashed bg-transparent")}>
                    <SlotHeading range={range} live={live} t={t} />
                    <SlotItems items={slot.items} t={t} quiet={quiet} />
                  </li>
                );
              }
              const pick = slot.items.find((i) => i.recommended);
              const summary = slot.items.length === 1 ? slot.items[0].title : t.agenda.sessionsAtOnce(slot.items.length);
              return (
                <li key={slot.key}>
                  <details className="group rounded-xl border border-border bg-card">
                    <summary className="flex min-h-11 cursor-pointer list-none items-center gap-3 rounded-xl p-3 [&::-webkit-details-marker]:hidden">
                      <span className="grid min-w-0 flex-1 gap-0.5">
                        <SlotHeading range={range} live={live} t={t} />
                        <span className="text-sm font-medium text-pretty">
                          {summary}
                          {pick && slot.items.length > 1 ? <span className="text-accent-foreground"> · {t.agenda.pickInSlot}: {pick.title}</span> : null}
                        </span>
                      </span>
                      <ChevronDown aria-hidden="true" className="size-4 shrink-0 transition-transform group-open:rotate-180" />
                    </summary>
                    <div className="border-t border-border p-3">
                      <SlotItems items={slot.items} t={t} />
                    </div>
                  </details>
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </div>
  );
}

function SlotHeading({ range, live, t }: { range: string; live: boolean; t: Dictionary }) {
  return (
    <span className="flex items-center gap-2 text-xs font-medium text-muted-foreground tabular-nums">
      {range}
      {live ? <span className="rounded-full bg-success/12 px-2 py-0.5 text-success">{t.agenda.happeningNow}</span> : null}
    </span>
  );
}

function SlotItems({ items, t, quiet }: { items: ReadonlyArray<FullAgendaItem>; t: Dictionary; quiet?: boolean }) {
  return (
    <ul className="grid gap-2">
      {items.map((item) => (
        <li key={item.id} className="grid gap-0.5">
          <p className={cn("flex items-start gap-1.5 leading-snug", quiet ? "text-sm text-muted-foreground" : "font-medium")}>
            {quiet ? <Coffee aria-hidden="true" className="mt-0.5 size-4 shrink-0" /> : null}
            {item.recommended ? <Sparkles aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" /> : null}
            <span>
              {item.title}
              {item.recommended ? <span className="sr-only"> ({t.agenda.yourPick})</span> : null}
            </span>
          </p>
          {!quiet ? (
            <SessionFacts speaker={item.speaker} room={item.room} t={t} lead={<span>{t.type[item.type]}</span>} />
          ) : item.room ? (
            <p className="pl-5.5 text-xs text-muted-foreground">{item.room}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
