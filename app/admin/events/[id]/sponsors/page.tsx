import type { Metadata } from "next";
import Link from "next/link";
import { EntityForm } from "@/components/admin/entity-form";
import { EventHeader } from "@/components/admin/event-header";
import { SPONSOR_FIELDS } from "@/components/admin/record-fields";
import { RowAction } from "@/components/admin/row-action";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/lib/db";
import { sponsorValues } from "@/lib/events/forms";
import { listSponsors } from "@/lib/events/items";
import { parseOr, uuid } from "@/lib/http/parse";
import { first, loadAdminEventPage } from "@/app/admin/_lib/event-page";
import { moveSponsorAction, removeSponsorAction, saveSponsorAction } from "./actions";

export const metadata: Metadata = { title: "Sponsors" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SponsorsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const page = await loadAdminEventPage(id, "sponsors");
  if (!page.ok) return null;
  const { event } = page;
  const sponsors = await listSponsors(await getDb(), event.id);
  const sp = await searchParams;
  const editing = sponsors.find((s) => s.id === parseOr(uuid, first(sp.edit)));
  return (
    <div className="grid gap-6">
      <EventHeader event={event} current="sponsors" title="Sponsors" />
      {sponsors.length === 0 ? (
        <p className="rounded-xl border border-dashed border-border p-8 text-center text-muted-foreground">No sponsors yet. Add them below or import a CSV.</p>
      ) : (
        <Table aria-label="Sponsors" containerClassName="rounded-xl border border-border bg-card">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Booth</TableHead>
              <TableHead>Focus areas</TableHead>
              <TableHead>PCR</TableHead>
              <TableHead><span className="sr-only">Actions</span></TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sponsors.map((s, i) => (
              <TableRow key={s.id}>
                <TableCell className="font-medium">{s.name}<span className="block text-xs text-muted-foreground">{s.specialOffer}</span></TableCell>
                <TableCell>{s.boothNumber ?? "—"}</TableCell>
                <TableCell>{s.focusAreas.join(", ")}</TableCell>
                <TableCell className="tabular-nums">{s.pcrScore ?? "—"}</TableCell>
                <TableCell>
                  <span className="flex flex-wrap justify-end gap-2">
                    <Button asChild size="sm" variant="ghost"><Link href={`?edit=${s.id}#sponsor-form`}>Edit<span className="sr-only"> {s.name}</span></Link></Button>
                    {i > 0 ? <RowAction run={moveSponsorAction.bind(null, event.id, s.id, "up")} label={<>Up<span className="sr-only">: move {s.name} up</span></>} pendingLabel="Moving…" variant="ghost" /> : null}
                    {i < sponsors.length - 1 ? <RowAction run={moveSponsorAction.bind(null, event.id, s.id, "down")} label={<>Down<span className="sr-only">: move {s.name} down</span></>} pendingLabel="Moving…" variant="ghost" /> : null}
                    <RowAction run={removeSponsorAction.bind(null, event.id, s.id)} label={<>Remove<span className="sr-only"> {s.name}</span></>} pendingLabel="Removing…" confirm={`Remove ${s.name}? Their pending recommendations are skipped.`} />
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <section id="sponsor-form" aria-labelledby="sponsor-form-heading" className="grid max-w-4xl gap-3">
        <h2 id="sponsor-form-heading" className="text-lg font-semibold">{editing ? `Edit ${editing.name}` : "Add a sponsor"}</h2>
        <EntityForm key={editing?.id ?? "new"} action={saveSponsorAction.bind(null, event.id, editing?.id ?? null)} fields={SPONSOR_FIELDS} values={editing ? sponsorValues(editing) : {}} submitLabel={editing ? "Save sponsor" : "Add sponsor"} resetOnSave={!editing} />
      </section>
    </div>
  );
}
