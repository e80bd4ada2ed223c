import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import { EntityForm } from "@/components/admin/entity-form";
import { EVENT_FIELDS } from "@/components/admin/record-fields";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { timezoneOptions } from "@/lib/events/timezones";
import { createEventAction } from "./actions";

export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  const auth = await requireUser("admin", "/admin/events/new");
  if (!auth.ok) forbidden();
  return (
    <div className="grid max-w-4xl gap-6">
      <Link href="/admin" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ChevronLeft aria-hidden="true" className="size-4" />
        Events
      </Link>
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">New event</h1>
        <p className="text-muted-foreground">It starts as a draft: nobody sees it until you publish it.</p>
      </div>
      <EntityForm action={createEventAction} fields={EVENT_FIELDS} values={{}} submitLabel="Create event" pendingLabel="Creating…" timezones={timezoneOptions(now())} />
    </div>
  );
}
