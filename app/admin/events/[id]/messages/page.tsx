import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "luxon";
import { EventHeader } from "@/components/admin/event-header";
import { CHANNEL_LABELS, MESSAGE_STATUSES, MESSAGE_TYPE_LABELS } from "@/components/admin/message-labels";
import { RowAction } from "@/components/admin/row-action";
import { StatusBadge } from "@/components/admin/status-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { MessageType } from "@/db/schema";
import { getDb } from "@/lib/db";
import { getMessageCenter } from "@/lib/messaging/message-center";
import { EventMoments } from "@/components/admin/event-moments";
import { devToolsEnabled } from "@/lib/env";
import { eventMoments } from "@/lib/events/moments";
import { getAgenda } from "@/lib/events/queries";
import { loadAdminEventPage } from "@/app/admin/_lib/event-page";
import { cancelMessageAction, retryMessageAction, setPausedAction } from "./actions";

export const metadata: Metadata = { title: "Messages" };

export default async function MessagesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await loadAdminEventPage(id, "messages");
  if (!page.ok) return null;
  const { event } = page;
  const db = await getDb();
  const center = await getMessageCenter(db, event.id);
  const moments = devToolsEnabled() ? eventMoments(event, await getAgenda(db, event.id)) : null;
  const iso = (list: Array<{ label: string; at: Date }>) => list.map((m) => ({ label: m.label, at: m.at.toISOString() }));
  const fmt = (d: Date) => DateTime.fromJSDate(d, { zone: event.timezone }).toFormat("ccc h:mm a");
  const types = [...new Set(center.counts.map((c) => c.type))].sort() as MessageType[];
  const statuses = MESSAGE_STATUSES.filter((s) => center.counts.some((c) => c.status === s));
  const count = (type: MessageType, status: string) => center.counts.find((c) => c.type === type && c.status === status)?.n ?? 0;
  const paused = Boolean(event.messagingPausedAt);

  return (
    <div className="grid gap-6">
      <EventHeader event={event} current="messages" title="Message center" />
      {moments ? <EventMoments moments={iso(moments.moments)} sessions={iso(moments.sessions)} zone={event.timezone} /> : null}
      <section aria-labelledby="pause-heading" className="grid gap-2">
        <h2 id="pause-heading" className="text-lg font-semibold">Sending</h2>
        {paused ? (
          <Alert variant="warning">
            <AlertTitle>Messaging is paused since {fmt(event.messagingPausedAt!)}</AlertTitle>
            <AlertDescription>Messages wait; nothing is lost. On resume, overdue messages are sent if still useful, otherwise skipped as stale (SPEC §4.1).</AlertDescription>
          </Alert>
        ) : (
          <p className="text-muted-foreground">Messages are being sent as planned.</p>
        )}
        <div>
          <RowAction run={setPausedAction.bind(null, event.id, !paused)} label={paused ? "Resume messaging" : "Pause messaging"} pendingLabel="Working…" variant={paused ? "default" : "outline"} />
        </div>
      </section>

      <section aria-labelledby="counts-heading" className="grid gap-2">
        <h2 id="counts-heading" className="text-lg font-semibold">Counts by type and status</h2>
        {types.length === 0 ? (
          <p className="text-muted-foreground">No messages yet.</p>
        ) : (
          <Table aria-labelledby="counts-heading" containerClassName="rounded-xl border border-border bg-card">
            <TableHeader>
              <TableRow>
                <TableHead>Type</TableHead>
                {statuses.map((s) => (
                  <TableHead key={s} className="text-right"><StatusBadge status={s} /></TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {types.map((t) => (
                <TableRow key={t}>
                  <TableCell>{MESSAGE_TYPE_LABELS[t]}</TableCell>
                  {statuses.map((s) => (
                    <TableCell key={s} className="text-right tabular-nums">
                      {count(t, s) ? <Link className="underline" href={`/admin/events/${event.id}/outbox?type=${t}&status=${s}`}>{count(t, s)}</Link> : "·"}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="next-heading" className="grid gap-2">
        <h2 id="next-heading" className="text-lg font-semibold">Next hour ({center.nextHourTotal})</h2>
        {center.nextHour.length === 0 ? (
          <p className="text-muted-foreground">Nothing due in the next hour.</p>
        ) : (
          <ul className="grid gap-1 text-sm">
            {center.nextHour.map((m) => (
              <li key={m.id} className="tabular-nums">
                {fmt(m.scheduledFor)} · {MESSAGE_TYPE_LABELS[m.type]} ({CHANNEL_LABELS[m.channel]}) to {m.name}
              </li>
            ))}
            {center.nextHourTotal > center.nextHour.length ? <li className="text-muted-foreground">…and {center.nextHourTotal - center.nextHour.length} more</li> : null}
          </ul>
        )}
      </section>

      <section aria-labelledby="failures-heading" className="grid gap-2">
        <h2 id="failures-heading" className="text-lg font-semibold">Failures ({center.failures.length})</h2>
        {center.failures.length === 0 ? (
          <p className="text-muted-foreground">No failed messages.</p>
        ) : (
          <Table aria-labelledby="failures-heading" containerClassName="rounded-xl border border-border bg-card">
            <TableHeader>
              <TableRow>
                <TableHead>Message</TableHead>
                <TableHead>To</TableHead>
                <TableHead>Error</TableHead>
                <TableHead><span className="sr-only">Actions</span></TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {center.failures.map((m) => (
                <TableRow key={m.id}>
                  <TableCell>{MESSAGE_TYPE_LABELS[m.type]} ({CHANNEL_LABELS[m.channel]}) · {fmt(m.scheduledFor)}</TableCell>
                  <TableCell>{m.name}</TableCell>
                  <TableCell className="text-sm">{m.lastError ?? m.statusReason ?? "—"} ({m.attempts} attempts)</TableCell>
                  <TableCell>
                    <span className="flex flex-wrap justify-end gap-2">
                      <RowAction run={retryMessageAction.bind(null, event.id, m.id)} label={<>Retry<span className="sr-only"> message to {m.name}</span></>} pendingLabel="Retrying…" />
                      <RowAction run={cancelMessageAction.bind(null, event.id, m.id)} label={<>Cancel<span className="sr-only"> message to {m.name}</span></>} pendingLabel="Cancelling…" variant="ghost" />
                    </span>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
