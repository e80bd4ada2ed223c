import { CalendarDays, Clock, MapPin } from "lucide-react";
import { cn } from "@/lib/utils";
import { formatEventRange } from "./datetime";

/** When and where, in the event's own time zone. */
export function EventFacts({
  start,
  end,
  timezone,
  venue,
  address,
  className,
}: {
  start: Date;
  end: Date;
  timezone: string;
  venue?: string | null;
  address?: string | null;
  className?: string;
}) {
  const range = formatEventRange(start, end, timezone);
  const mapsHref = address ? `https://maps.google.com/?q=${encodeURIComponent([venue, address].filter(Boolean).join(", "))}` : null;
  return (
    <dl className={cn("grid gap-4 text-base", className)}>
      <div className="flex gap-3">
        <dt>
          <CalendarDays aria-hidden="true" className="mt-0.5 size-5 text-primary" />
          <span className="sr-only">Date</span>
        </dt>
        <dd className="font-medium">{range.date}</dd>
      </div>
      <div className="flex gap-3">
        <dt>
          <Clock aria-hidden="true" className="mt-0.5 size-5 text-primary" />
          <span className="sr-only">Time</span>
        </dt>
        <dd>
          {range.time}
          <span className="block text-sm text-muted-foreground">Local time at the venue</span>
        </dd>
      </div>
      {venue || address ? (
        <div className="flex gap-3">
          <dt>
            <MapPin aria-hidden="true" className="mt-0.5 size-5 text-primary" />
            <span className="sr-only">Venue</span>
          </dt>
          <dd>
            {venue ? <span className="block font-medium">{venue}</span> : null}
            {address ? <span className="block text-muted-foreground">{address}</span> : null}
            {mapsHref ? (
              <a
                href={mapsHref}
                target="_blank"
                rel="noopener noreferrer"
                className="inline-flex min-h-11 items-center text-sm font-medium text-primary underline underline-offset-2"
              >
                Open in Maps<span className="sr-only"> (opens in a new tab)</span>
              </a>
            ) : null}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
