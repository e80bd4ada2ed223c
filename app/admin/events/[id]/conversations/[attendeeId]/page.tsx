import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ChevronLeft } from "lucide-react";
import { AutoRefresh } from "@/components/admin/auto-refresh";
import { MESSAGE_TYPE_LABELS } from "@/components/admin/message-labels";
import { SmsForm } from "@/components/admin/sms-form";
import { StatusBadge } from "@/components/admin/status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { devToolsEnabled } from "@/lib/env";
import { parseOr, uuid } from "@/lib/http/parse";
import { getConversation } from "@/lib/inbound/conversations";
import { formatDateTime } from "@/lib/messaging/templates/format";
import { sendStaffReply, simulateInboundSms } from "./actions";

export const metadata: Metadata = { title: "Conversation" };

type Props = { params: Promise<{ id: string; attendeeId: string }> };

/** One attendee's SMS: what they texted, what we sent or planned, their matches and ratings. */
export default async function ConversationPage({ params }: Props) {
  const p = await params;
  const auth = await requireUser("admin", `/admin/events/${encodeURIComponent(p.id)}/conversations/${encodeURIComponent(p.attendeeId)}`);
  if (!auth.ok) forbidden();
  const eventId = parseOr(uuid, p.id);
  const attendeeId = parseOr(uuid, p.attendeeId);
  if (!eventId || !attendeeId) notFound();
  const c = await getConversation(await getDb(), eventId, attendeeId);
  if (!c) notFound();
  const zone = c.event!.timezone;
  const name = [c.contractor.firstName, c.contractor.lastName].filter(Boolean).join(" ") || c.contractor.email;

  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <Link href={`/admin/events/${eventId}/inbox`} className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
          <ChevronLeft aria-hidden="true" className="size-4" />
          Inbox
        </Link>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div className="grid gap-1">
            <h1 className="text-2xl font-semibold tracking-tight">Conversation with {name}</h1>
            <p className="text-muted-foreground">
              {c.event!.name} · {c.contractor.phone ?? "no mobile number"}
              {c.contractor.smsOptedOutAt ? " · opted out of SMS" : ""}
            </p>
          </div>
          <AutoRefresh />
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <section aria-label="Messages" className="grid content-start gap-3">
          {c.timeline.length === 0 ? <p className="text-muted-foreground">No SMS yet.</p> : null}
          <ol className="grid gap-2" aria-label="Timeline">
            {c.timeline.map((m) =>
              m.kind === "in" ? (
                <li key={m.id} className="mr-12 rounded-lg border bg-card p-3" data-kind="inbound">
                  <p className="text-xs text-muted-foreground">
                    {name} · <time dateTime={m.at.toISOString()}>{formatDateTime(m.at, zone)}</time> · {m.handledAs ?? "received"}
                    {m.needsStaff ? <Badge className="ml-2" variant="destructive">Needs staff</Badge> : null}
                  </p>
                  <p className="whitespace-pre-wrap">{m.text}</p>
                </li>
              ) : (
                <li key={m.id} className="ml-12 rounded-lg border bg-muted p-3" data-kind="outbound" data-message-id={m.id}>
                  <p className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    <span>{MESSAGE_TYPE_LABELS[m.type]}{m.author ? ` (${m.author})` : ""}</span>·
                    <time dateTime={m.at.toISOString()}>{formatDateTime(m.at, zone)}</time>
                    <StatusBadge status={m.status} />
                    {m.statusReason ? <span>{m.statusReason}</span> : null}
                  </p>
                  {m.text ? <p className="whitespace-pre-wrap">{m.text}</p> : null}
                </li>
              ),
            )}
          </ol>
        </section>

        <div className="grid content-start gap-4">
          <Card>
            <CardHeader><CardTitle>Reply as staff</CardTitle></CardHeader>
            <CardContent>
              <SmsForm id="staff-reply" action={sendStaffReply.bind(null, eventId, attendeeId)} label="Message" submit="Send reply" pendingLabel="Sending…" />
            </CardContent>
          </Card>
          {devToolsEnabled() ? (
            <Card>
              <CardHeader><CardTitle>Simulate inbound SMS</CardTitle></CardHeader>
              <CardContent>
                <SmsForm id="simulate" action={simulateInboundSms.bind(null, eventId, attendeeId)} label="Text from the attendee" submit="Simulate" pendingLabel="Handling…" />
              </CardContent>
            </Card>
          ) : null}
          <section aria-label="Peer matches" className="grid gap-2">
            <h2 className="font-semibold">Peer matches</h2>
            {c.matches.length === 0 ? <p className="text-sm text-muted-foreground">None.</p> : null}
            <ul className="grid gap-1 text-sm">
              {c.matches.map((m) => (
                <li key={m.id}>
                  {m.peerName}{m.peerCompany ? ` (${m.peerCompany})` : ""}: <strong>{m.status}</strong>
                </li>
              ))}
            </ul>
          </section>
          <section aria-label="Ratings" className="grid gap-2">
            <h2 className="font-semibold">Ratings</h2>
            {c.ratings.length === 0 ? <p className="text-sm text-muted-foreground">None.</p> : null}
            <ul className="grid gap-1 text-sm">
              {c.ratings.map((r) => (
                <li key={r.id}>
                  {r.name}: <strong>{r.score}/5</strong>
                  {r.comment ? ` “${r.comment}”` : ""}
                  {r.pcrScore !== null ? ` · PCR now ${r.pcrScore.toFixed(2)}` : ""}
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </div>
  );
}
