import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DateTime } from "luxon";
import { EntityForm } from "@/components/admin/entity-form";
import { EventHeader } from "@/components/admin/event-header";
import { CHANNEL_LABELS, MESSAGE_TYPE_LABELS } from "@/components/admin/message-labels";
import { RowAction } from "@/components/admin/row-action";
import { StatusBadge } from "@/components/admin/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getAttendeeDetail } from "@/lib/attendees/detail";
import { getDb } from "@/lib/db";
import { parseOr, uuid } from "@/lib/http/parse";
import { loadAdminEventPage } from "@/app/admin/_lib/event-page";
import { cancelRegistrationAction, manualCheckInAction, resendConfirmationAction, updateContactAction } from "./actions";

export const metadata: Metadata = { title: "Attendee" };

const CONTACT_FIELDS = [
  { name: "first_name", label: "First name" },
  { name: "last_name", label: "Last name" },
  { name: "email", label: "Email", kind: "email" as const },
  { name: "phone", label: "Mobile phone", kind: "tel" as const, hint: "A new number needs the attendee's own SMS consent." },
  { name: "company_name", label: "Company" },
];

export default async function AttendeePage({ params }: { params: Promise<{ id: string; attendeeId: string }> }) {
  const { id, attendeeId } = await params;
  const page = await loadAdminEventPage(id, `attendees/${encodeURIComponent(attendeeId)}`);
  if (!page.ok) return null;
  const { event } = page;
  const aid = parseOr(uuid, attendeeId);
  if (!aid) notFound();
  const detail = await getAttendeeDetail(await getDb(), event.id, aid);
  if (!detail) notFound();
  const { attendee: a, contractor: c, messages, recommendations, audit } = detail;
  const name = [c.firstName, c.lastName].filter(Boolean).join(" ") || c.email;
  const fmt = (d: Date | null) => (d ? DateTime.fromJSDate(d, { zone: event.timezone }).toFormat("ccc LLL d, h:mm a") : "—");
  const facts: Array<[string, string]> = [
    ["Email", c.email],
    ["Phone", c.phone ?? "—"],
    ["Company", c.companyName ?? "—"],
    ["SMS", c.smsOptedOutAt ? `opted out ${fmt(c.smsOptedOutAt)}` : c.smsOptIn ? "consented" : "no consent"],
    ["Registered", fmt(a.registrationDate)],
    ["Profile", a.profileCompletionStatus === "completed" ? "complete" : "pending"],
    ["Checked in", a.checkInTime ? `${fmt(a.checkInTime)} (${a.checkInMethod})` : "not yet"],
    ["Plan", a.planStatus],
    ["Registration", a.cancelledAt ? `cancelled ${fmt(a.cancelledAt)}` : "active"],
  ];

  return (
    <div className="grid gap-6">
      <EventHeader event={event} current="attendees" title={name} />
      <Link href={`/admin/events/${event.id}/attendees`} className="w-fit text-sm underline">
        Back to all attendees
      </Link>
      <section aria-labelledby="facts-heading" className="grid gap-3">
        <h2 id="facts-heading" className="text-lg font-semibold">Profile and registration</h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-3">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt className="text-sm text-muted-foreground">{k}</dt>
              <dd className="font-medium">{v}</dd>
            </div>
          ))}
        </dl>
        {a.cancelledAt ? null : (
          <div className="flex flex-wrap gap-3">
            <RowAction run={resendConfirmationAction.bind(null, event.id, a.id)} label="Resend confirmation" pendingLabel="Planning…" />
            {a.checkInTime ? null : <RowAction run={manualCheckInAction.bind(null, event.id, a.id)} label="Check in manually" pendingLabel="Checking in…" />}
            <RowAction run={cancelRegistrationAction.bind(null, event.id, a.id)} label="Cancel registration" pendingLabel="Cancelling…" variant="destructive" confirm={`Cancel ${name}'s registration? Every pending message is cancelled.`} />
          </div>
        )}
      </section>

      <section aria-labelledby="timeline-heading" className="grid gap-3">
        <h2 id="timeline-heading" className="text-lg font-semibold">Message timeline</h2>
        <Table aria-labelledby="timeline-heading" containerClassName="rounded-xl border border-border bg-card">
          <TableHeader>
            <TableRow>
              <TableHead>Scheduled ({event.timezone})</TableHead>
              <TableHead>Message</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Why / sent</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {messages.length === 0 ? (
              <TableRow><TableCell colSpan={4} className="text-muted-foreground">No messages.</TableCell></TableRow>
            ) : (
              messages.map((m) => (
                <TableRow key={m.id}>
                  <TableCell className="tabular-nums">{fmt(m.scheduledFor)}</TableCell>
                  <TableCell>{MESSAGE_TYPE_LABELS[m.type]} · {CHANNEL_LABELS[m.channel]}</TableCell>
                  <TableCell><StatusBadge status={m.status} /></TableCell>
                  <TableCell className="text-sm">{m.status === "sent" ? `sent ${fmt(m.actualSendTime)}` : (m.statusReason ?? m.lastError ?? "")}</TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </section>

      <section aria-labelledby="recs-heading" className="grid gap-3">
        <h2 id="recs-heading" className="text-lg font-semibold">Recommendations</h2>
        {recommendations.length === 0 ? (
          <p className="text-muted-foreground">None yet: the plan is built at check-in.</p>
        ) : (
          <Table aria-labelledby="recs-heading" containerClassName="rounded-xl border border-border bg-card">
            <TableHeader>
              <TableRow>
                <TableHead>Kind</TableHead>
                <TableHead>Who / what</TableHead>
                <TableHead>Score</TableHead>
                <TableHead>Reasons</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {recommendations.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="capitalize">{r.kind} #{r.rank}</TableCell>
                  <TableCell>{r.targetName}</TableCell>
                  <TableCell className="tabular-nums">{r.score.toFixed(2)}</TableCell>
                  <TableCell className="text-sm">{r.whyText ?? r.reasons.map((x) => x.detail ?? x.code).join("; ")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      {a.cancelledAt ? null : (
        <section aria-labelledby="contact-heading" className="grid max-w-3xl gap-3">
          <h2 id="contact-heading" className="text-lg font-semibold">Edit contact data</h2>
          <EntityForm
            action={updateContactAction.bind(null, event.id, a.id)}
            fields={CONTACT_FIELDS}
            values={{ first_name: c.firstName ?? "", last_name: c.lastName ?? "", email: c.email, phone: c.phone ?? "", company_name: c.companyName ?? "" }}
            submitLabel="Save contact data"
            idPrefix="contact-"
          />
        </section>
      )}

      <section aria-labelledby="audit-heading" className="grid gap-2">
        <h2 id="audit-heading" className="text-lg font-semibold">Changes by organizers</h2>
        {audit.length === 0 ? (
          <p className="text-muted-foreground">None.</p>
        ) : (
          <ul className="grid gap-1 text-sm">
            {audit.map((e) => (
              <li key={e.id}>
                {fmt(e.createdAt)} · {e.actorEmail}: {Object.entries(e.changes).map(([f, ch]) => `${f} ${JSON.stringify(ch.old)} → ${JSON.stringify(ch.new)}`).join("; ")}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
