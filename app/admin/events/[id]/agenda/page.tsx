import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "luxon";
import { EntityForm } from "@/components/admin/entity-form";
import { EventHeader } from "@/components/admin/event-header";
import { agendaFields } from "@/components/admin/record-fields";
import { RowAction } from "@/components/admin/row-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { AgendaItem } from "@/db/schema";
import { getDb } from "@/lib/db";
import { agendaValues } from "@/lib/events/forms";
import { listSpeakers } from "@/lib/events/items";
import { getAgenda } from "@/lib/events/queries";
import { parseOr, uuid } from "@/lib/http/parse";
import { first, loadAdminEventPage } from "@/app/admin/_lib/event-page";
import { saveAgendaItemAction, setAgendaItemCancelledAction } from "./actions";

export const metadata: Metadata = { title: "Agenda" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AgendaPage({ params, searchParams }: Props) {
  const { id } = await params;
  const page = await loadAdminEventPage(id, "agenda");
  if (!page.ok) return null;
  const { event } = page;
  const sp = await searchParams;
  const db = await getDb();
  const [items, speakers] = await Promise.all([getAgenda(db, event.id, { includeCancelled: true }), listSpeakers(db, event.id)]);
  const editId = parseOr(uuid, first(sp.edit));
  const editing = items.find((i) => i.id === editId);
  const speakerKey = new Map(speakers.map((s) => [s.id, s.key]));
  const speakerName = new Map(speakers.map((s) => [s.id, s.name]));
  const zone = event.timezone;
  const local = (d: Date) => DateTime.fromJSDate(d, { zone });

  const days = new Map<string, AgendaItem[]>();
  for (const item of items) {
    const day = local(item.startsAt).toISODate()!;
    days.set(day, [...(days.get(day) ?? []), item]);
  }

  return (
    <div className="grid gap-6">
      <EventHeader event={event} current="agenda" title="Agenda" />
      {first(sp.created) === "1" ? <p role="status" className="rounded-lg border border-success/35 bg-success/8 p-3 text-sm">Event created as a draft. Add its sessions, then publish it from Details.</p> : null}
      {items.length === 0 ? <p className="rounded-xl border border-dashed border-border p-8 text-center text-muted-foreground">No agenda items yet. Add the first below, or import a CSV.</p> : null}
      {[...days.entries()].map(([day, list]) => {
        const rooms = [...new Set(list.map((i) => i.room ?? "No room"))];
        return (
          <section key={day} aria-labelledby={`day-${day}`} className="grid gap-3">
            <h2 id={`day-${day}`} className="text-lg font-semibold">
              {DateTime.fromISO(day, { zone }).toFormat("cccc, LLLL d")} <span className="text-sm font-normal text-muted-foreground">by room ({zone})</span>
            </h2>
            <div className="grid gap-3 overflow-x-auto" style={{ gridTemplateColumns: `repeat(${rooms.length}, minmax(16rem, 1fr))` }}>
              {rooms.map((room) => (
                <div key={room} className="grid content-start gap-2">
                  <h3 className="text-sm font-semibold text-muted-foreground">{room}</h3>
                  <ul className="grid gap-2">
                    {list.filter((i) => (i.room ?? "No room") === room).map((item) => (
                      <li key={item.id} className="grid gap-1 rounded-lg border border-border bg-card p-3 text-sm">
                        <span className="tabular-nums text-muted-foreground">
                          {local(item.startsAt).toFormat("h:mm a")} – {local(item.endsAt).toFormat("h:mm a")}
                        </span>
                        <span className={item.cancelledAt ? "font-medium line-through" : "font-medium"}>{item.title}</span>
                        <span className="flex flex-wrap gap-1">
                          <Badge variant="secondary" className="capitalize">{item.type}</Badge>
                          {item.cancelledAt ? <Badge variant="destructive">Cancelled</Badge> : null}
                          {item.speakerId ? <span className="text-muted-foreground">{speakerName.get(item.speakerId)}</span> : null}
                        </span>
                        <span className="flex flex-wrap gap-2">
                          <Button asChild size="sm" variant="ghost">
                            <Link href={`?edit=${item.id}#item-form`}>Edit<span className="sr-only"> {item.title}</span></Link>
                          </Button>
                          <RowAction
                            run={setAgendaItemCancelledAction.bind(null, event.id, item.id, !item.cancelledAt)}
                            label={<>{item.cancelledAt ? "Restore" : "Cancel"}<span className="sr-only"> {item.title}</span></>}
                            pendingLabel="Working…"
                            confirm={item.cancelledAt ? undefined : `Cancel "${item.title}"? Its session alerts are cancelled.`}
                          />
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          </section>
        );
      })}
      <section id="item-form" aria-labelledby="item-form-heading" className="grid max-w-4xl gap-3">
        <h2 id="item-form-heading" className="text-lg font-semibold">
          {editing ? `Edit "${editing.title}"` : "Add an agenda item"}
        </h2>
        <p className="text-sm text-muted-foreground">Times are in {zone}.{editing ? <> <Link className="underline" href="?">Add a new item instead</Link></> : null}</p>
        <EntityForm
          key={editing?.id ?? "new"}
          action={saveAgendaItemAction.bind(null, event.id, editing?.id ?? null)}
          fields={agendaFields(speakers)}
          values={editing ? agendaValues(editing, zone, editing.speakerId ? speakerKey.get(editing.speakerId) : undefined) : { type: "session" }}
          submitLabel={editing ? "Save item" : "Add item"}
          resetOnSave={!editing}
        />
      </section>
    </div>
  );
}
