import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import type { Event } from "@/db/schema";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

const TABS = [
  ["edit", "Details"],
  ["agenda", "Agenda"],
  ["speakers", "Speakers"],
  ["sponsors", "Sponsors"],
  ["attendees", "Attendees"],
  ["messages", "Messages"],
  ["outbox", "Outbox"],
  ["feedback", "Feedback"],
  ["import", "Import"],
  ["staff", "Staff"],
] as const;

export type EventTab = (typeof TABS)[number][0];

/** The heading and section tabs of every page of one event in the console. */
export function EventHeader({ event, current, title }: { event: Event; current: EventTab; title: string }) {
  return (
    <div className="grid gap-3">
      <Link href="/admin" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ChevronLeft aria-hidden="true" className="size-4" />
        Events
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          <p className="flex flex-wrap items-center gap-2 text-muted-foreground">
            {event.name} · {event.timezone}
            <Badge variant={event.status === "cancelled" ? "destructive" : "secondary"} className="capitalize">
              {event.status}
            </Badge>
            {event.messagingPausedAt ? <Badge variant="outline" className="border-warning text-foreground">Messaging paused</Badge> : null}
          </p>
        </div>
      </div>
      <nav aria-label="Event sections" className="overflow-x-auto">
        <ul className="flex gap-1 border-b border-border">
          {TABS.map(([tab, label]) => (
            <li key={tab}>
              <Link
                href={`/admin/events/${event.id}/${tab}`}
                aria-current={tab === current ? "page" : undefined}
                className={cn(
                  "inline-flex h-10 items-center border-b-2 border-transparent px-3 text-sm font-medium text-muted-foreground hover:text-foreground",
                  tab === current && "border-primary text-foreground",
                )}
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
