import { Coffee, MapPin, Mic, Sparkles, UtensilsCrossed } from "lucide-react";
import type { PersonalAgenda } from "@/lib/agenda/personal-agenda";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import { formatTimeRange, groupByLocalDay } from "./time";

type Item = PersonalAgenda["agenda"][number];

const TYPE_LABEL: Record<Item["type"], string> = {
  session: "Session",
  keynote: "Keynote",
  panel: "Panel",
  break: "Break",
  lunch: "Lunch",
  networking: "Networking",
};

/**
 * The whole day in the venue's local time. Recommended sessions stand out (rank and
 * why); breaks and lunch are quiet rows. Several days get one sub-heading each.
 */
export function DayAgenda({ items, timezone, now }: { items: ReadonlyArray<Item>; timezone: string; now: Date }) {
  if (items.length === 0) return <p className="text-muted-foreground">The agenda hasn&apos;t been published yet.</p>;
  const days = groupByLocalDay(items, timezone);
  return (
    <div className="grid gap-6">
      {days.map((day) => (
        <div key={day.key} className="grid gap-3">
          {days.length > 1 ? <h3 className="text-base font-semibold">{day.label}</h3> : null}
          <ol className="grid gap-2" aria-label={days.length > 1 ? `Agenda, ${day.label}` : "Agenda"}>
            {day.items.map((item) => (
              <AgendaRow key={item.id} item={item} timezone={timezone} now={now} />
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}

function AgendaRow({ item, timezone, now }: { item: Item; timezone: string; now: Date }) {
  const happening = item.startsAt <= now && now < item.endsAt;
  const time = (
    <time dateTime={item.startsAt.toISOString()} className="tabular-nums">
      {formatTimeRange(item.startsAt, item.endsAt, timezone)}
    </time>
  );

  if (item.type === "break" || item.type === "lunch") {
    const Icon = item.type === "lunch" ? UtensilsCrossed : Coffee;
    return (
      <li className="flex items-center gap-3 rounded-lg px-4 py-2.5 text-sm text-muted-foreground">
        <Icon aria-hidden="true" className="size-4 shrink-0" />
        <span className="min-w-0 flex-1">
          <span className="text-foreground/80">{item.title}</span>
          {item.room ? <span> · {item.room}</span> : null}
          <span className="block text-xs">{time}</span>
        </span>
        {happening ? <NowBadge /> : null}
      </li>
    );
  }

  const rec = item.recommended;
  return (
    <li
      className={cn(
        "grid gap-2 rounded-xl border bg-card p-4 shadow-xs",
        rec ? "border-primary/50 ring-1 ring-primary/20" : "border-border",
      )}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
        <span className="font-medium text-foreground">{time}</span>
        <Badge variant={rec ? "accent" : "secondary"}>{TYPE_LABEL[item.type]}</Badge>
        {happening ? <NowBadge /> : null}
      </div>
      <p className="text-base leading-snug font-semibold text-pretty">{item.title}</p>
      {item.speaker || item.room ? (
        <ul className="grid gap-1 text-sm text-muted-foreground">
          {item.speaker ? (
            <li className="flex items-start gap-2">
              <Mic aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
              <span>
                <span className="sr-only">Speaker: </span>
                <span className="text-foreground">{item.speaker.name}</span>
                {item.speaker.company ? `, ${item.speaker.company}` : null}
              </span>
            </li>
          ) : null}
          {item.room ? (
            <li className="flex items-start gap-2">
              <MapPin aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
              <span>
                <span className="sr-only">Room: </span>
                {item.room}
              </span>
            </li>
          ) : null}
        </ul>
      ) : null}
      {rec ? (
        <div className="mt-1 grid gap-1 rounded-lg bg-accent px-3 py-2.5 text-sm">
          <p className="flex items-center gap-1.5 font-semibold text-accent-foreground">
            <Sparkles aria-hidden="true" className="size-4" />
            Recommended for you · #{rec.rank}
          </p>
          {rec.why ? <p className="leading-relaxed text-pretty text-foreground/90">{rec.why}</p> : null}
        </div>
      ) : null}
    </li>
  );
}

function NowBadge() {
  return (
    <Badge variant="success" className="ml-auto">
      Happening now
    </Badge>
  );
}
