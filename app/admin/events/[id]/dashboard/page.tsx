import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ChevronLeft } from "lucide-react";
import { z } from "zod";
import { formatEventRange } from "@/components/events/datetime";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getEventById } from "@/lib/events/queries";
import { eventDashboard } from "@/lib/metrics/dashboard";
import { LiveDashboard } from "./_components/live-dashboard";

export const metadata: Metadata = { title: "Live dashboard" };

type Props = { params: Promise<{ id: string }> };

/** /admin/events/{id}/dashboard — the event live (SPEC §7), refreshed every few seconds without a reload. */
export default async function DashboardPage({ params }: Props) {
  const { id } = await params;
  const auth = await requireUser("admin", `/admin/events/${encodeURIComponent(id)}/dashboard`);
  if (!auth.ok) forbidden();
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const event = await getEventById(db, id);
  if (!event) notFound();
  const initial = await eventDashboard(db, event.id);
  const when = formatEventRange(event.startsAt, event.endsAt, event.timezone);

  return (
    <div className="grid gap-6">
      <Link href="/admin" className="-ml-2 inline-flex min-h-9 w-fit items-center gap-1 rounded-md px-2 text-sm font-medium text-muted-foreground hover:text-foreground">
        <ChevronLeft aria-hidden="true" className="size-4" />
        Events
      </Link>
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{event.name}: live</h1>
        <p className="text-muted-foreground">
          {when.date} · {when.time}
        </p>
      </div>
      <LiveDashboard eventId={event.id} timezone={event.timezone} initial={JSON.parse(JSON.stringify(initial))} />
    </div>
  );
}
