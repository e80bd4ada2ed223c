import type { Metadata } from "next";
import { EventHeader } from "@/components/admin/event-header";
import { ImportForm } from "@/components/admin/import-form";
import { COLUMNS } from "@/lib/imports/csv";
import { loadAdminEventPage } from "@/app/admin/_lib/event-page";
import { commitImportAction, previewImportAction } from "./actions";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await loadAdminEventPage(id, "import");
  if (!page.ok) return null;
  const { event } = page;
  return (
    <div className="grid max-w-5xl gap-6">
      <EventHeader event={event} current="import" title="Import" />
      <p className="text-muted-foreground">
        A CSV adds and updates rows (matched by key, or by name when there is no key column); nothing is written until the whole file is valid. Times without an offset are {event.timezone} wall-clock times.
      </p>
      <ImportForm
        preview={previewImportAction.bind(null, event.id) as (kind: string, text: string) => ReturnType<typeof previewImportAction>}
        commit={commitImportAction.bind(null, event.id) as (kind: string, text: string, from: number, to: number) => ReturnType<typeof commitImportAction>}
        columns={Object.fromEntries(Object.entries(COLUMNS).map(([k, v]) => [k, Object.keys(v)]))}
      />
    </div>
  );
}
