import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { DateTime } from "luxon";
import { InviteForm } from "@/components/admin/invite-form";
import { RowAction } from "@/components/admin/row-action";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listStaff } from "@/lib/access/staff";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listEventsForAdmin } from "@/lib/events/queries";
import { inviteStaffAction, revokeStaffAction, setAssignmentAction, signOutEverywhereAction, withdrawInviteAction } from "./actions";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffAccountsPage() {
  const auth = await requireUser("admin", "/admin/staff");
  if (!auth.ok) forbidden();
  const db = await getDb();
  const [{ staff, invites }, events] = await Promise.all([listStaff(db), listEventsForAdmin(db)]);
  const open = events.filter((e) => e.status !== "cancelled" && e.status !== "completed");
  const fmt = (d: Date) => DateTime.fromJSDate(d).toUTC().toFormat("LLL d, HH:mm 'UTC'");
  return (
    <div className="grid max-w-6xl gap-8">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Staff</h1>
        <p className="text-muted-foreground">Staff reach only the check-in desk of the events they are assigned to.</p>
      </div>

      <section aria-labelledby="invite-heading" className="grid gap-3">
        <h2 id="invite-heading" className="text-lg font-semibold">Invite a staff member</h2>
        <InviteForm action={inviteStaffAction} events={open.map((e) => ({ id: e.id, name: e.name }))} />
      </section>

      <section aria-labelledby="invites-heading" className="grid gap-3">
        <h2 id="invites-heading" className="text-lg font-semibold">Open invites</h2>
        {invites.length === 0 ? (
          <p className="text-muted-foreground">None.</p>
        ) : (
          <ul className="grid gap-3">
            {invites.map((i) => (
              <li key={i.id} className="grid gap-2 rounded-lg border border-border bg-card p-3 text-sm">
                <span className="font-medium">{i.name} · {i.email}</span>
                <span className="text-muted-foreground">
                  {i.sentAt ? `Sent ${fmt(i.sentAt)}` : `Not sent: ${i.sendError ?? "unknown error"}`} · expires {fmt(i.expiresAt)}
                </span>
                {i.renderedBody ? (
                  <details>
                    <summary className="cursor-pointer">Show email (dev outbox)</summary>
                    <pre aria-label={`Invite email to ${i.email}`} className="mt-2 whitespace-pre-wrap rounded bg-muted p-2 text-xs">{`Subject: ${i.renderedSubject}\n\n${i.renderedBody}`}</pre>
                  </details>
                ) : null}
                <span>
                  <RowAction run={withdrawInviteAction.bind(null, i.id)} label={<>Withdraw<span className="sr-only"> invite to {i.email}</span></>} pendingLabel="Withdrawing…" variant="ghost" />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="accounts-heading" className="grid gap-3">
        <h2 id="accounts-heading" className="text-lg font-semibold">Staff accounts</h2>
        {staff.length === 0 ? (
          <p className="text-muted-foreground">No staff accounts yet.</p>
        ) : (
          <Table aria-labelledby="accounts-heading" containerClassName="rounded-xl border border-border bg-card">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Events</TableHead>
                <TableHead><span className="sr-only">Actions</span></TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {staff.map((s) => (
                <TableRow key={s.id}>
                  <TableCell>
                    <span className="font-medium">{s.name}</span>
                    <span className="block text-xs text-muted-foreground">{s.email}</span>
                    {s.revokedAt ? <Badge variant="destructive">Revoked</Badge> : null}
                  </TableCell>
                  <TableCell>
                    {s.revokedAt ? "—" : (
                      <ul className="grid gap-1">
                        {s.events.length === 0 ? <li className="text-sm text-muted-foreground">Every event (unscoped account)</li> : null}
                        {s.events.map((e) => (
                          <li key={e.eventId} className="flex flex-wrap items-center gap-2 text-sm">
                            {e.eventName}
                            <RowAction run={setAssignmentAction.bind(null, s.id, e.eventId, false)} label={<>Unassign<span className="sr-only"> {s.name} from {e.eventName}</span></>} pendingLabel="…" variant="ghost" size="sm" />
                          </li>
                        ))}
                        {open.filter((e) => !s.events.some((a) => a.eventId === e.id)).map((e) => (
                          <li key={e.id} className="text-sm">
                            <RowAction run={setAssignmentAction.bind(null, s.id, e.id, true)} label={<>Assign to {e.name}<span className="sr-only"> ({s.name})</span></>} pendingLabel="…" variant="ghost" size="sm" />
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                  <TableCell>
                    {s.revokedAt ? null : <RowAction run={revokeStaffAction.bind(null, s.id)} label={<>Revoke<span className="sr-only"> {s.name}</span></>} pendingLabel="Revoking…" variant="destructive" confirm={`Revoke ${s.name}'s access? Their sessions end now.`} />}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="sessions-heading" className="grid gap-2">
        <h2 id="sessions-heading" className="text-lg font-semibold">Your sessions</h2>
        <p className="text-sm text-muted-foreground">Sessions last 24 hours. Lost a laptop? End every session of your account, this one included.</p>
        <div>
          <RowAction run={signOutEverywhereAction} label="Sign out everywhere" pendingLabel="Signing out…" />
        </div>
      </section>
    </div>
  );
}
