import { Handshake } from "lucide-react";
import type { PersonalAgenda } from "@/lib/agenda/personal-agenda";
import type { Dictionary } from "@/lib/i18n";

type Peer = PersonalAgenda["peers"][number];

/** The peers introduced to the attendee: who they are and what they have in common. */
export function PeopleList({ peers, t }: { peers: ReadonlyArray<Peer>; t: Dictionary }) {
  return (
    <ol className="grid gap-2.5">
      {peers.map((p) => {
        const name = [p.firstName, p.lastName].filter(Boolean).join(" ") || t.agenda.aFellowAttendee;
        const business = [p.companyName, p.businessType].filter(Boolean).join(" · ");
        return (
          <li key={p.attendeeId} className="grid gap-1.5 rounded-xl border border-border bg-card p-3.5 shadow-xs">
            <div className="flex items-center gap-3">
              <span
                aria-hidden="true"
                className="grid size-9 shrink-0 place-items-center rounded-full bg-accent text-sm font-semibold text-accent-foreground"
              >
                {initials(p.firstName, p.lastName)}
              </span>
              <div className="grid min-w-0">
                <h3 className="text-base leading-snug font-semibold">{name}</h3>
                {business ? <p className="text-sm text-muted-foreground">{business}</p> : null}
              </div>
            </div>
            {p.commonGround || p.why ? (
              <p className="flex items-start gap-2 text-sm">
                <Handshake aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-accent-foreground" />
                <span>
                  <span className="font-semibold text-accent-foreground">{t.agenda.inCommon} </span>
                  {p.commonGround ?? p.why}
                </span>
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

function initials(first: string | null, last: string | null): string {
  return [first, last].map((s) => s?.trim()[0] ?? "").join("").toUpperCase() || "?";
}
