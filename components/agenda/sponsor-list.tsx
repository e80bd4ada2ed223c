import { Gift, MessageCircleQuestion } from "lucide-react";
import type { PersonalAgenda } from "@/lib/agenda/personal-agenda";

type Sponsor = PersonalAgenda["sponsors"][number];

/** Sponsors picked for the attendee: where to find them (the booth, big) and what to ask. */
export function SponsorList({ sponsors }: { sponsors: ReadonlyArray<Sponsor> }) {
  return (
    <ol className="grid gap-3">
      {sponsors.map((s) => (
        <li key={s.id} className="grid gap-3 rounded-xl border border-border bg-card p-4 shadow-xs">
          <div className="flex items-start justify-between gap-3">
            <h3 className="text-base leading-snug font-semibold text-pretty">{s.name}</h3>
            {s.boothNumber ? (
              <p className="shrink-0 rounded-lg bg-primary px-3 py-1.5 text-base font-bold text-primary-foreground tabular-nums">
                Booth {s.boothNumber}
              </p>
            ) : null}
          </div>
          {s.specialOffer ? (
            <p className="flex items-start gap-2 text-sm">
              <Gift aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-success" />
              <span>
                <span className="font-medium">Offer: </span>
                {s.specialOffer}
              </span>
            </p>
          ) : null}
          {s.talkingPoint ? (
            <p className="flex items-start gap-2 rounded-lg bg-accent px-3 py-2.5 text-sm">
              <MessageCircleQuestion aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-accent-foreground" />
              <AskLine point={s.talkingPoint} />
            </p>
          ) : null}
          {s.why ? <p className="text-sm leading-relaxed text-pretty text-muted-foreground">{s.why}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** "Ask: …", unless the point already starts with "Ask about…" (then "Ask" is just set in bold). */
function AskLine({ point }: { point: string }) {
  const lead = /^ask\b\s*/i.exec(point);
  return (
    <span>
      <span className="font-semibold text-accent-foreground">{lead ? point.slice(0, 3) : "Ask:"}</span>{" "}
      {lead ? point.slice(lead[0].length) : point}
    </span>
  );
}
