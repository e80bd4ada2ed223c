import { Building2, Handshake } from "lucide-react";
import type { PersonalAgenda } from "@/lib/agenda/personal-agenda";

type Peer = PersonalAgenda["peers"][number];

/** The peers introduced to the attendee: who they are and what they have in common. */
export function PeopleList({ peers }: { peers: ReadonlyArray<Peer> }) {
  return (
    <ol className="grid gap-3">
      {peers.map((p) => {
        const name = [p.firstName, p.lastName].filter(Boolean).join(" ") || "A fellow attendee";
        const business = [p.companyName, p.businessType].filter(Boolean);
        return (
          <li key={p.attendeeId} className="grid gap-2 rounded-xl border border-border bg-card p-4 shadow-xs">
            <div className="flex items-start gap-3">
              <span
                aria-hidden="true"
                className="grid size-10 shrink-0 place-items-center rounded-full bg-accent text-sm font-semibold text-accent-foreground"
              >
                {initials(p.firstName, p.lastName)}
              </span>
              <div className="grid min-w-0 gap-0.5">
                <h3 className="text-base leading-snug font-semibold">{name}</h3>
                {business.length ? (
                  <p className="flex items-start gap-1.5 text-sm text-muted-foreground">
                    <Building2 aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                    <span>
                      {p.companyName ? <span className="text-foreground">{p.companyName}</span> : null}
                      {p.companyName && p.businessType ? " · " : null}
                      {p.businessType ? <span className="capitalize">{p.businessType}</span> : null}
                    </span>
                  </p>
                ) : null}
              </div>
            </div>
            {p.commonGround ? (
              <p className="flex items-start gap-2 rounded-lg bg-accent px-3 py-2.5 text-sm">
                <Handshake aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-accent-foreground" />
                <span>
                  <span className="font-semibold text-accent-foreground">In common: </span>
                  {p.commonGround}
                </span>
              </p>
            ) : null}
            {p.why && p.why !== p.commonGround ? (
              <p className="text-sm leading-relaxed text-pretty text-muted-foreground">{p.why}</p>
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
