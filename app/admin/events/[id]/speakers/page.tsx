import type { Metadata } from "next";
import Link from "next/link";
import { EntityForm } from "@/components/admin/entity-form";
import { EventHeader } from "@/components/admin/event-header";
import { SPEAKER_FIELDS } from "@/components/admin/record-fields";
import { RowAction } from "@/components/admin/row-action";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/lib/db";
import { speakerValues } from "@/lib/events/forms";
import { listSpeakers } from "@/lib/events/items";
import { parseOr, uuid } from "@/lib/http/parse";
import { first, loadAdminEventPage } from "@/app/admin/_lib/event-page";
import { deleteSpeakerAction, saveSpeakerAction } from "./actions";

export const metadata: Metadata = { title: "Speakers" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SpeakersPage({ params, searchParams }: Props) {
  const { id } = await params;
  const page = await loadAdminEventPage(id, "speakers");
  if (!page.ok) return null;
  const { event } = page;
  const speakers = await listSpeakers(await getDb(), event.id);
  const sp = await searchParams;
  const editing = speakers.find((s) => s.id === parseOr(uuid, first(sp.edit)));
  return (
    <div className="grid gap-6">
      <EventHeader event={event} current="speakers" title="Speakers" />
      {speakers.length === 0 ? (
        <p className="rounded-xl border border-dashed border-border p-8 text-center text-muted-foreground">No speakers yet.</p>
      ) : (
        <Table aria-label="Speakers" containerClassName="rounded-xl border border-border bg-card">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Company</TableHead>
              <TableHead>Focus areas</TableHead>
              <TableHead>PCR</TableHead>
              <TableHead><span className="sr-only">Actions</span></TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {speakers.map((s) => (
              <TableRow key={s.id}>
                <TableCell className="font-medium">{s.name}<span className="block text-xs text-muted-foreground">{s.title}</span></TableCell>
                <TableCell>{s.company}</TableCell>
                <TableCell>{s.focusAreas.join(", ")}</TableCell>
                <TableCell className="tabular-nums">{s.pcrScore ?? "—"}</TableCell>
                <TableCell>
                  <span className="flex flex-wrap justify-end gap-2">
                    <Button asChild size="sm" variant="ghost"><Link href={`?edit=${s.id}#speaker-form`}>Edit<span className="sr-only"> {s.name}</span></Link></Button>
                    <RowAction run={deleteSpeakerAction.bind(null, event.id, s.id)} label={<>Delete<span className="sr-only"> {s.name}</span></>} pendingLabel="Deleting…" confirm={`Delete ${s.name}? Their sessions stay, without a speaker.`} />
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <section id="speaker-form" aria-labelledby="speaker-form-heading" className="grid max-w-4xl gap-3">
        <h2 id="speaker-form-heading" className="text-lg font-semibold">{editing ? `Edit ${editing.name}` : "Add a speaker"}</h2>
        <EntityForm key={editing?.id ?? "new"} action={saveSpeakerAction.bind(null, event.id, editing?.id ?? null)} fields={SPEAKER_FIELDS} values={editing ? speakerValues(editing) : {}} submitLabel={editing ? "Save speaker" : "Add speaker"} resetOnSave={!editing} />
      </section>
    </div>
  );
}
