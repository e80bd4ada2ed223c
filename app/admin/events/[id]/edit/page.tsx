import type { Metadata } from "next";
import Link from "next/link";
import { EntityForm } from "@/components/admin/entity-form";
import { EventHeader } from "@/components/admin/event-header";
import { EVENT_FIELDS } from "@/components/admin/record-fields";
import { StatusControls } from "@/components/admin/status-controls";
import { now } from "@/lib/clock";
import { allowedStatusChanges } from "@/lib/events/crud";
import { eventValues } from "@/lib/events/forms";
import { timezoneOptions } from "@/lib/events/timezones";
import { loadAdminEventPage } from "@/app/admin/_lib/event-page";
import { changeStatusAction, updateEventAction } from "./actions";

export const metadata: Metadata = { title: "Event details" };

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await loadAdminEventPage(id, "edit");
  if (!page.ok) return null;
  const { event } = page;
  return (
    <div className="grid max-w-5xl gap-6">
      <EventHeader event={event} current="edit" title="Event details" />
      <section aria-labelledby="status-heading" className="grid gap-3">
        <h2 id="status-heading" className="text-lg font-semibold">
          Status
        </h2>
        <p className="text-sm text-muted-foreground">
          {event.status === "draft" ? "A draft is not public." : <>Public page: <Link className="underline" href={`/events/${event.slug}`}>/events/{event.slug}</Link></>}
        </p>
        <StatusControls action={changeStatusAction.bind(null, event.id)} allowed={allowedStatusChanges(event.status)} />
      </section>
      <section aria-labelledby="details-heading" className="grid gap-3">
        <h2 id="details-heading" className="text-lg font-semibold">
          Details
        </h2>
        <EntityForm action={updateEventAction.bind(null, event.id)} fields={EVENT_FIELDS} values={eventValues(event)} submitLabel="Save details" timezones={timezoneOptions(now())} />
      </section>
    </div>
  );
}
