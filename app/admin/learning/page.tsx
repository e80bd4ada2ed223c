import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { formatUtc } from "@/components/events/datetime";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { FEATURE_LABEL, FEATURES } from "@/lib/learning/features";
import { FIT_RULES } from "@/lib/learning/fit";
import { KINDS, learningOverview } from "@/lib/learning/store";
import { DEFAULT_MATCH_WEIGHTS } from "@/lib/matching/weights";
import { LearningButtons } from "./learning-buttons";

export const metadata: Metadata = { title: "Matcher learning" };
export const dynamic = "force-dynamic";

const KIND_LABEL = { speaker: "Sessions", sponsor: "Sponsors", peer: "Peers" } as const;
const SECTION = { speaker: "session", sponsor: "sponsor", peer: "peer" } as const;

/**
 * SPEC §9: per organizer, the weights the matcher uses now against today's defaults,
 * how many outcomes they came from and when they were fitted; re-fit or revert.
 */
export default async function LearningPage() {
  const auth = await requireUser("admin", "/admin/learning");
  if (!auth.ok) forbidden();
  const organizers = await learningOverview(await getDb());

  return (
    <div className="grid gap-8">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Matcher learning</h1>
        <p className="max-w-3xl text-muted-foreground">
          After each event, what attendees did with their recommendations re-estimates the weights of the session, sponsor and peer
          scores for that organizer (logistic regression on the score&apos;s own features, with today&apos;s weights as the prior). Nothing
          moves below {FIT_RULES.minOutcomes} outcomes of a kind (and {FIT_RULES.minEach} acted on and not). A fit keeps the total of today&apos;s weights, so
          only their balance moves. The weights are the only thing
          learning changes; reverting goes back to the defaults at once.
        </p>
      </div>
      {organizers.length === 0 ? (
        <p className="rounded-xl border border-dashed border-border p-8 text-center text-muted-foreground">No events yet.</p>
      ) : null}
      {organizers.map((o) => {
        const label = o.organizer || "Events without an organizer email";
        return (
          <section key={o.organizer} aria-label={`Weights for ${label}`} className="grid gap-4 rounded-xl border border-border bg-card p-5">
            <div className="flex flex-wrap items-baseline justify-between gap-3">
              <div>
                <h2 className="text-lg font-semibold">{o.name ? `${o.name} · ` : ""}{label}</h2>
                <p className="text-sm text-muted-foreground">{o.events} {o.events === 1 ? "event" : "events"}, {o.past} over</p>
              </div>
              <LearningButtons organizer={o.organizer} label={label} hasActive={o.active.some(Boolean)} />
            </div>
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {KINDS.map((kind, i) => {
                const active = o.active[i];
                const defaults = DEFAULT_MATCH_WEIGHTS[SECTION[kind]] as Record<string, number>;
                const last = o.history.find((h) => h.kind === kind);
                return (
                  <div key={kind} className="grid content-start gap-2">
                    <h3 className="flex items-center gap-2 font-medium">
                      {KIND_LABEL[kind]} {active ? <Badge>learned</Badge> : <Badge variant="outline">defaults</Badge>}
                    </h3>
                    <table className="text-sm" aria-label={`${KIND_LABEL[kind]} weights for ${label}`}>
                      <thead>
                        <tr className="text-left text-muted-foreground">
                          <th className="font-normal">Weight</th>
                          <th className="pl-3 text-right font-normal">Now</th>
                          <th className="pl-3 text-right font-normal">Default</th>
                        </tr>
                      </thead>
                      <tbody>
                        {FEATURES[kind].map((f) => (
                          <tr key={f}>
                            <td className="py-0.5 pr-2">
                              {FEATURE_LABEL[f] ?? f}
                              <span className="block font-mono text-xs text-muted-foreground">{f}</span>
                            </td>
                            <td className="text-right tabular-nums">{active ? active.weights[f] : defaults[f]}</td>
                            <td className="text-right tabular-nums text-muted-foreground">{defaults[f]}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    <p className="text-xs text-muted-foreground">
                      {active
                        ? `Fitted ${formatUtc(active.fittedAt)} from ${active.nOutcomes} outcomes (${active.nActed} acted on) across ${active.eventIds.length} ${active.eventIds.length === 1 ? "event" : "events"}.`
                        : last
                          ? `Last fit ${formatUtc(last.fittedAt)}: ${last.status === "insufficient" ? `${last.nOutcomes} outcomes (${last.nActed} acted on), not enough to move` : last.status}.`
                          : "Never fitted."}
                      {kind === "peer" ? " Peer weights are hundredths of a point." : ""}
                    </p>
                  </div>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}
