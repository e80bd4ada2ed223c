import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ChevronLeft } from "lucide-react";
import { AutoRefresh } from "@/components/admin/auto-refresh";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getEventById } from "@/lib/events/queries";
import { parseOr, uuid } from "@/lib/http/parse";
import { getInbox } from "@/lib/inbound/conversations";
import { formatDateTime } from "@/lib/messaging/templates/format";

export const metadata: Metadata = { title: "SMS inbox" };

type Props = { params: Promise<{ id: string }> };

/** Questions the concierge handed to staff, and every attendee's conversation. */
export default async function InboxPage({ params }: Props) {
  const { id } = await params;
  const auth = await requireUser("admin", `/admin/events/${encodeURIComponent(id)}/inbox`);
  if (!auth.ok) forbidden();
  const eventId = parseOr(uuid, id);
  if (!eventId) notFound();
  const db = await getDb();
  const event = await getEventById(db, eventId);
  if (!event) notFound();
  const inbox = await getInbox(db, eventId);
  const href = (attendeeId: string | null) => `/admin/events/${eventId}/conversations/${attendeeId}`;

  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <Link href="/admin" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
          <ChevronLeft aria-hidden="true" className="size-4" />
          Events
        </Link>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div className="grid gap-1">
            <h1 className="text-2xl font-semibold tracking-tight">SMS inbox</h1>
            <p className="text-muted-foreground">{event.name}</p>
          </div>
          <AutoRefresh />
        </div>
      </div>
      <section aria-label="Needs staff" className="grid gap-2">
        <h2 className="text-lg font-semibold">Needs staff ({inbox.handoffs.length})</h2>
        {inbox.handoffs.length === 0 ? <p className="text-muted-foreground">Nothing waiting: the concierge answered everything.</p> : null}
        <ul className="grid gap-2">
          {inbox.handoffs.map((h) => (
            <li key={h.id} className="rounded-lg border bg-card p-3">
              <p className="text-xs text-muted-foreground">
                <time dateTime={h.receivedAt.toISOString()}>{formatDateTime(h.receivedAt, event.timezone)}</time>
              </p>
              <p>
                <Link className="font-medium underline" href={href(h.attendeeId)}>{h.name}</Link>: {h.body}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Conversations" className="grid gap-2">
        <h2 className="text-lg font-semibold">Conversations</h2>
        <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
          {inbox.attendees.map((a) => (
            <li key={a.attendeeId}>
              <Link className="underline" href={href(a.attendeeId)} aria-label={`Conversation with ${a.name}`}>{a.name}</Link>
              <span className="text-sm text-muted-foreground"> · {a.texts} {a.texts === 1 ? "text" : "texts"}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
