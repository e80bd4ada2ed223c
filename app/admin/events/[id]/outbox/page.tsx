import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ChevronLeft } from "lucide-react";
import { AutoRefresh } from "@/components/admin/auto-refresh";
import { MESSAGE_STATUSES } from "@/components/admin/message-labels";
import { OutboxFilters, type OutboxFilterValues } from "@/components/admin/outbox-filters";
import { OutboxTable } from "@/components/admin/outbox-table";
import { StatusBadge } from "@/components/admin/status-badge";
import { zoneAbbreviation } from "@/components/events/datetime";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { isLate } from "@/lib/messaging/message-center";
import { listOutboxPage } from "@/lib/messaging/outbox";
import { Button } from "@/components/ui/button";
import { loadEmailPreview } from "./actions";

export const metadata: Metadata = { title: "Outbox" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function param(sp: Record<string, string | string[] | undefined>, name: string): string {
  const v = sp[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
}

export default async function OutboxPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const auth = await requireUser("admin", `/admin/events/${encodeURIComponent(id)}/outbox`);
  if (!auth.ok) forbidden();
  if (!UUID.test(id)) notFound();

  const values: OutboxFilterValues = {
    attendee: param(sp, "attendee"),
    status: param(sp, "status"),
    channel: param(sp, "channel"),
    type: param(sp, "type"),
  };
  const page = Math.min(10_000, Math.max(1, Number.parseInt(param(sp, "page"), 10) || 1));
  const outbox = await listOutboxPage(await getDb(), id, {
    // A malformed id would be a database error, not "no messages".
    attendeeId: UUID.test(values.attendee) ? values.attendee : undefined,
    status: values.status || undefined,
    channel: values.channel || undefined,
    type: values.type || undefined,
  }, page);
  if (!outbox) notFound();
  const { event, attendees, total, pages } = outbox;
  const at = now();
  const messages = outbox.messages.map((m) => ({ ...m, late: isLate(m, at) }));
  const byStatus = MESSAGE_STATUSES.map((s) => [s, outbox.byStatus[s] ?? 0] as const).filter(([, n]) => n > 0);
  const pageHref = (p: number) => `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(values).filter(([, v]) => v)), page: String(p) })}`;
  const filtered = Object.values(values).some(Boolean);

  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <Link
          href="/admin"
          className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
        >
          <ChevronLeft aria-hidden="true" className="size-4" />
          Events
        </Link>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div className="grid gap-1">
            <h1 className="text-2xl font-semibold tracking-tight">Outbox</h1>
            <p className="text-muted-foreground">
              {event.name} · times in {event.timezone} ({zoneAbbreviation(now(), event.timezone)}) and UTC
            </p>
          </div>
          <AutoRefresh />
        </div>
      </div>

      <OutboxFilters action={`/admin/events/${event.id}/outbox`} values={values} attendees={attendees} />

      <section className="grid gap-3" aria-labelledby="messages-heading">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <h2 id="messages-heading" className="text-lg font-semibold tracking-tight">
            {total} {total === 1 ? "message" : "messages"}
            {filtered ? " matching the filters" : ""}
            {pages > 1 ? ` · page ${page} of ${pages}, newest first` : ""}
          </h2>
          {byStatus.length > 0 ? (
            <ul className="flex flex-wrap gap-3 text-sm" aria-label="Message counts">
              {byStatus.map(([s, n]) => (
                <li key={s} className="inline-flex items-center gap-1.5 tabular-nums">
                  <StatusBadge status={s} />
                  {n}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        {messages.length === 0 ? (
          <p className="rounded-xl border border-dashed border-border p-10 text-center text-muted-foreground">
            {filtered ? "No messages match these filters." : "No messages yet. They appear here when attendees register."}
          </p>
        ) : (
          <OutboxTable
            messages={messages}
            timezone={event.timezone}
            labelledBy="messages-heading"
            loadEmail={loadEmailPreview.bind(null, event.id)}
          />
        )}
        {pages > 1 ? (
          <nav aria-label="Outbox pages" className="flex gap-2">
            {page > 1 ? <Button asChild variant="outline" size="sm"><Link href={pageHref(page - 1)}>Newer</Link></Button> : null}
            {page < pages ? <Button asChild variant="outline" size="sm"><Link href={pageHref(page + 1)}>Older</Link></Button> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
