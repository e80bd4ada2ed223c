import { Gift, MessageCircleQuestion } from "lucide-react";
import type { PersonalAgenda } from "@/lib/agenda/personal-agenda";
import type { Dictionary } from "@/lib/i18n";

type Sponsor = PersonalAgenda["sponsors"][number];

/** Sponsors picked for the attendee: where to find them (the booth, big) and what to ask. */
export function SponsorList({ sponsors, t, when }: { sponsors: ReadonlyArray<Sponsor>; t: Dictionary; when?: (s: Sponsor) => string | null }) {
  return (
    <ol className="grid gap-2.5">
      {sponsors.map((s) => {
        const visit = when?.(s);
        return (
          <li key={s.id} className="grid gap-1.5 rounded-xl border border-border bg-card p-3.5 shadow-xs">
            <div className="flex items-start justify-between gap-3">
              <div className="grid gap-0.5">
                <h3 className="text-base leading-snug font-semibold text-pretty">{s.name}</h3>
                {visit ? <p className="text-sm text-muted-foreground">{visit}</p> : null}
              </div>
              {s.boothNumber ? (
                <p className="shrink-0 rounded-lg bg-primary px-2.5 py-1 text-sm font-bold text-primary-foreground tabular-nums">
                  {t.agenda.booth(s.boothNumber)}
                </p>
              ) : null}
            </div>
            {s.talkingPoint ? (
              <p className="flex items-start gap-2 text-sm">
                <MessageCircleQuestion aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-accent-foreground" />
                <AskLine point={s.talkingPoint} label={t.agenda.ask} />
              </p>
            ) : null}
            {s.specialOffer ? (
              <p className="flex items-start gap-2 text-sm">
                <Gift aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-success" />
                <span>
                  <span className="font-medium">{t.agenda.offer} </span>
                  {s.specialOffer}
                </span>
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** "Ask: …", unless the point already starts with "Ask about…" / "Pregunta…" (then that word is set in bold). */
function AskLine({ point, label }: { point: string; label: string }) {
  const lead = /^(ask|pregunt[ae])\b\s*/i.exec(point);
  return (
    <span>
      <span className="font-semibold text-accent-foreground">{lead ? lead[0].trim() : label}</span>{" "}
      {lead ? point.slice(lead[0].length) : point}
    </span>
  );
}
