import type { PersonalAgenda } from "@/lib/agenda/personal-agenda";
import type { Dictionary, Locale } from "@/lib/i18n";
import { SessionFacts } from "./session-facts";
import { formatTimeRange } from "./time";

type Item = PersonalAgenda["agenda"][number];

/** The attendee's recommended sessions in the order they happen, each with why. */
export function PicksList({ items, zone, locale, t }: { items: ReadonlyArray<Item>; zone: string; locale: Locale; t: Dictionary }) {
  const picks = items.filter((i) => i.recommended);
  if (picks.length === 0) return <p className="rounded-xl border border-dashed border-border px-4 py-4 text-muted-foreground">{t.agenda.yourDayNone}</p>;
  return (
    <ol className="grid gap-2">
      {picks.map((item) => (
        <li key={item.id} className="grid gap-0.5 rounded-xl border border-primary/40 bg-card px-3.5 py-2.5 shadow-xs">
          <p className="flex flex-wrap items-center justify-between gap-x-3 text-sm">
            <time dateTime={item.startsAt.toISOString()} className="font-medium tabular-nums">
              {formatTimeRange(item.startsAt, item.endsAt, zone, locale)}
            </time>
            <span className="text-xs font-semibold text-accent-foreground">{t.agenda.recommended(item.recommended!.rank)}</span>
          </p>
          <h3 className="text-base leading-snug font-semibold text-pretty">{item.title}</h3>
          <SessionFacts speaker={item.speaker} room={item.room} t={t} />
          {item.recommended!.why ? <p className="line-clamp-2 text-sm leading-snug text-pretty text-foreground/85">{item.recommended!.why}</p> : null}
        </li>
      ))}
    </ol>
  );
}
