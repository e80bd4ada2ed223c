import type { ReactNode } from "react";
import { MapPin, Mic } from "lucide-react";
import type { Dictionary } from "@/lib/i18n";

/** The speaker and room of a session, with screen-reader labels; `lead` goes first (e.g. the item's type). */
export function SessionFacts({
  speaker,
  room,
  t,
  lead,
}: {
  speaker: { name: string } | null | undefined;
  room: string | null | undefined;
  t: Dictionary;
  lead?: ReactNode;
}) {
  return (
    <p className="flex flex-wrap gap-x-3 text-sm text-muted-foreground">
      {lead}
      {speaker ? (
        <span className="inline-flex items-center gap-1">
          <Mic aria-hidden="true" className="size-3.5" />
          <span className="sr-only">{t.agenda.speaker} </span>
          {speaker.name}
        </span>
      ) : null}
      {room ? (
        <span className="inline-flex items-center gap-1">
          <MapPin aria-hidden="true" className="size-3.5" />
          <span className="sr-only">{t.agenda.room} </span>
          {room}
        </span>
      ) : null}
    </p>
  );
}
