import type { AgendaItem } from "@/db/schema";
import { Badge } from "@/components/ui/badge";
import { formatTime } from "./datetime";

const TYPE_LABEL: Record<AgendaItem["type"], string> = {
  session: "Session",
  keynote: "Keynote",
  panel: "Panel",
  break: "Break",
  lunch: "Lunch",
  networking: "Networking",
};

/** The first items of the day, in local time: enough to show what the event is like. */
export function AgendaPreview({
  items,
  timezone,
  limit = 6,
}: {
  items: ReadonlyArray<Pick<AgendaItem, "id" | "type" | "title" | "room" | "startsAt" | "endsAt">>;
  timezone: string;
  limit?: number;
}) {
  if (items.length === 0) return null;
  const shown = items.slice(0, limit);
  return (
    <div className="grid gap-3">
      <ol className="grid gap-px overflow-hidden rounded-xl border border-border bg-border" aria-label="Agenda">
        {shown.map((item) => {
          const quiet = item.type === "break" || item.type === "lunch";
          return (
            <li key={item.id} className="grid grid-cols-[5.5rem_1fr] gap-3 bg-card px-4 py-3 sm:grid-cols-[7rem_1fr]">
              <p className="text-sm text-muted-foreground tabular-nums">
                <time dateTime={item.startsAt.toISOString()}>{formatTime(item.startsAt, timezone)}</time>
              </p>
              <div className="grid gap-1">
                <p className={quiet ? "text-muted-foreground" : "font-medium"}>{item.title}</p>
                <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
                  {quiet ? null : <Badge variant="accent">{TYPE_LABEL[item.type]}</Badge>}
                  {item.room ? <span>{item.room}</span> : null}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
      {items.length > shown.length ? (
        <p className="text-sm text-muted-foreground">…and {items.length - shown.length} more on the day.</p>
      ) : null}
    </div>
  );
}
