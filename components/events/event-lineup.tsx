import type { Speaker as EventSpeaker, Sponsor as EventSponsor } from "@/db/schema";
import type { Dictionary } from "@/lib/i18n";

/** The public page's speakers: who, and from where. */
export function SpeakerList({ speakers }: { speakers: ReadonlyArray<Pick<EventSpeaker, "id" | "name" | "title" | "company">> }) {
  return (
    <ul className="grid gap-2 sm:grid-cols-2">
      {speakers.map((s) => (
        <li key={s.id} className="flex items-center gap-3 rounded-xl border border-border bg-card p-3">
          <span aria-hidden="true" className="grid size-9 shrink-0 place-items-center rounded-full bg-accent text-sm font-semibold text-accent-foreground">
            {s.name.split(/\s+/).map((w) => w[0]).slice(0, 2).join("").toUpperCase()}
          </span>
          <span className="grid min-w-0">
            <span className="font-medium">{s.name}</span>
            {s.title || s.company ? <span className="text-sm text-muted-foreground">{[s.title, s.company].filter(Boolean).join(", ")}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The public page's sponsors, with their booth and offer. */
export function SponsorGrid({ sponsors, t }: { sponsors: ReadonlyArray<Pick<EventSponsor, "id" | "name" | "boothNumber" | "specialOffer">>; t: Dictionary }) {
  return (
    <ul className="grid gap-2 sm:grid-cols-2">
      {sponsors.map((s) => (
        <li key={s.id} className="grid gap-1 rounded-xl border border-border bg-card p-3">
          <span className="flex items-start justify-between gap-3">
            <span className="font-medium">{s.name}</span>
            {s.boothNumber ? <span className="shrink-0 text-sm text-muted-foreground tabular-nums">{t.agenda.booth(s.boothNumber)}</span> : null}
          </span>
          {s.specialOffer ? <span className="text-sm text-muted-foreground">{s.specialOffer}</span> : null}
        </li>
      ))}
    </ul>
  );
}
