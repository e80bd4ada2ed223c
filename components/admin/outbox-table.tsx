import { formatDateTimeShort, formatShortDate, formatTimeWithZone, formatUtc } from "@/components/events/datetime";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Message } from "@/db/schema";
import { EmailPreview, type EmailPreviewContent } from "./email-preview";
import { CHANNEL_LABELS, MESSAGE_TYPE_LABELS } from "./message-labels";
import { StatusBadge } from "./status-badge";

export type OutboxMessage = Message & {
  attendeeName: string;
  attendeeEmail: string;
  toAddress: string | null;
  /** SMS only (SPEC §4.3). */
  segments?: number | null;
  estimatedCost?: number | null;
  /** Sent (or still waiting) more than a minute after its time (lib/messaging/message-center.ts). */
  late?: boolean;
};

function When({ at, timezone }: { at: Date; timezone: string }) {
  return (
    <time dateTime={at.toISOString()} className="grid gap-0.5 whitespace-nowrap tabular-nums">
      <span>{formatShortDate(at, timezone)}</span>
      <span>{formatTimeWithZone(at, timezone)}</span>
      <span className="text-xs text-muted-foreground">{formatUtc(at)}</span>
    </time>
  );
}

/** Every message of an event as the admin sees it: who, what, when (event time and UTC), what happened. */
/** Loads one email's rendered parts (a server action bound by the page). */
export type LoadEmail = (attendeeId: string, messageId: string) => Promise<EmailPreviewContent>;

export function OutboxTable({
  messages,
  timezone,
  labelledBy,
  loadEmail,
}: {
  messages: OutboxMessage[];
  timezone: string;
  labelledBy: string;
  loadEmail: LoadEmail;
}) {
  return (
    <Table
      aria-labelledby={labelledBy}
      className="min-w-[72rem] table-fixed"
      containerClassName="rounded-xl border border-border bg-card"
    >
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="w-52">Attendee</TableHead>
          <TableHead className="w-52">Message</TableHead>
          <TableHead className="w-40">Scheduled</TableHead>
          <TableHead className="w-40">Status</TableHead>
          <TableHead className="w-24 text-right">Attempts</TableHead>
          <TableHead className="w-40">Sent</TableHead>
          <TableHead>Content</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {messages.map((m) => (
          <TableRow key={m.id} data-message-id={m.id}>
            <TableCell>
              <div className="grid gap-0.5">
                <span className="font-medium break-words">{m.attendeeName}</span>
                <span className="text-xs break-all text-muted-foreground">{m.attendeeEmail}</span>
                {m.channel === "sms" ? (
                  <span className="text-xs text-muted-foreground tabular-nums">{m.toAddress ?? "no phone"}</span>
                ) : null}
              </div>
            </TableCell>
            <TableCell>
              <div className="grid gap-1">
                <span className="font-medium">{MESSAGE_TYPE_LABELS[m.type]}</span>
                <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <Badge variant={m.channel === "sms" ? "accent" : "outline"}>{CHANNEL_LABELS[m.channel]}</Badge>
                  <code className="text-xs break-all text-muted-foreground">{m.type}</code>
                </span>
              </div>
            </TableCell>
            <TableCell>
              <When at={m.scheduledFor} timezone={timezone} />
              {m.nextAttemptAt && m.status === "scheduled" ? (
                <span className="mt-1 block text-xs text-warning">
                  Retry at {formatDateTimeShort(m.nextAttemptAt, timezone)}
                </span>
              ) : null}
            </TableCell>
            <TableCell>
              <div className="grid gap-1 break-words">
                <StatusBadge status={m.status} />
                {m.late ? <Badge variant="outline" className="border-warning text-foreground">Late</Badge> : null}
                {m.statusReason ? <span className="text-xs text-muted-foreground">{m.statusReason}</span> : null}
                {m.lastError && m.lastError !== m.statusReason ? (
                  <span className="text-xs text-destructive">Last error: {m.lastError}</span>
                ) : null}
                {m.uncertainSince ? (
                  <span className="text-xs text-warning">Uncertain: provider may have accepted it; reconciling.</span>
                ) : null}
                {m.deliveryStatus ? (
                  <span className="text-xs text-muted-foreground">Delivery: {m.deliveryStatus}</span>
                ) : null}
              </div>
            </TableCell>
            <TableCell className="text-right tabular-nums">{m.attempts}</TableCell>
            <TableCell>
              {m.actualSendTime ? <When at={m.actualSendTime} timezone={timezone} /> : <span aria-label="not sent">—</span>}
            </TableCell>
            <TableCell>
              <MessageContent message={m} loadEmail={loadEmail} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function MessageContent({ message: m, loadEmail }: { message: OutboxMessage; loadEmail: LoadEmail }) {
  if (!m.renderedBody && !m.renderedSubject && !m.renderedHtml) {
    return <span className="text-sm text-muted-foreground">Rendered when sent</span>;
  }
  if (m.channel === "sms") {
    return (
      <div className="grid gap-1">
        <p className="text-sm whitespace-pre-wrap [overflow-wrap:anywhere]">{m.renderedBody}</p>
        {m.segments ? (
          <span className="text-xs text-muted-foreground tabular-nums">
            {m.segments} {m.segments === 1 ? "segment" : "segments"} · est. ${(m.estimatedCost ?? 0).toFixed(4)}
          </span>
        ) : null}
      </div>
    );
  }
  const subject = m.renderedSubject ?? "(no subject)";
  return (
    <div className="grid justify-items-start">
      <p className="text-sm font-medium [overflow-wrap:anywhere]">{subject}</p>
      {m.attendeeId ? (
        <EmailPreview subject={subject} to={m.toAddress} load={loadEmail.bind(null, m.attendeeId, m.id)} />
      ) : null}
    </div>
  );
}
