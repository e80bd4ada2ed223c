import { and, eq, inArray, sql } from "drizzle-orm";
import { executedRows, unnestValues } from "@/db/bulk";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, type Contractor } from "@/db/schema";
import { getAgenda, getEventById, toEventTimes } from "@/lib/events/queries";
import { dispatchScheduledMessages } from "@/lib/jobs/dispatch";
import { OUTBOX_COLUMNS, type SavedMessage } from "@/lib/messaging/store";
import { isProfileComplete } from "@/lib/registration/profile-completeness";
import { reachability, registrationClosedReason } from "@/lib/registration/register";
import { newAccessToken, newQrCodeData } from "@/lib/registration/tokens";
import { planImmediate, planPreEventReminders, type PlannedMessage } from "@/lib/scheduling/plan";

/**
 * Registrations in bulk (imports: the JSON event file and the attendee CSV). The same
 * rows registerAttendee writes — attendee, confirmation, pre-event reminders (SPEC §3) —
 * but a few multi-row INSERTs per 1,000 people instead of a transaction each: 10,000
 * registrations in seconds rather than minutes (docs/benchmarks.md). People already
 * registered are left alone (no second confirmation); cancelled ones are not signed up again.
 */

export type BatchRegistration = { email: string; registered_at?: Date };
export type BatchResult = {
  created: number;
  existing: number;
  cancelledSkipped: number;
  failed: Array<{ email: string; code: string; message: string }>;
};

const CHUNK = 1_000;
const OUTBOX_CHUNK = 5_000;

export async function registerBatch(db: Db, eventId: string, list: BatchRegistration[], now: Date, opts: { onProgress?: (done: number) => void } = {}): Promise<BatchResult> {
  const out: BatchResult = { created: 0, existing: 0, cancelledSkipped: 0, failed: [] };
  if (list.length === 0) return out;
  const event = await getEventById(db, eventId);
  if (!event) throw new Error(`registerBatch: no event ${eventId}`);
  const times = toEventTimes(event, await getAgenda(db, eventId));
  // As on the public page: a draft takes no registrations (its confirmations would link to a page that does not exist).
  const closed = event.status === "draft" ? "This event is a draft: publish it before importing registrations." : registrationClosedReason(event, times, now);
  if (closed) {
    out.failed = list.map((r) => ({ email: r.email, code: event.status === "draft" ? "event_not_found" : "registration_closed", message: closed }));
    return out;
  }
  const saved: SavedMessage[] = [];
  for (let i = 0; i < list.length; i += CHUNK) {
    const chunk = list.slice(i, i + CHUNK);
    const emails = chunk.map((r) => r.email);
    const people = new Map<string, Contractor>((await db.select().from(contractors).where(inArray(contractors.email, emails))).map((c) => [c.email, c]));
    const current = await db
      .select({ contractorId: eventAttendees.contractorId, cancelledAt: eventAttendees.cancelledAt })
      .from(eventAttendees)
      .where(and(eq(eventAttendees.eventId, eventId), inArray(eventAttendees.contractorId, [...people.values()].map((c) => c.id))));
    const already = new Map(current.map((r) => [r.contractorId, r.cancelledAt]));

    const fresh: Array<{ contractor: Contractor; registeredAt: Date }> = [];
    for (const r of chunk) {
      const c = people.get(r.email);
      if (!c) {
        out.failed.push({ email: r.email, code: "no_contractor", message: "no contractor with this email" });
        continue;
      }
      if (already.has(c.id)) {
        if (already.get(c.id)) out.cancelledSkipped++;
        else out.existing++;
        continue;
      }
      // registered_at dates the registration (and its §3.1 reminder days); "now" keeps past ones unplanned.
      fresh.push({ contractor: c, registeredAt: r.registered_at && r.registered_at < now ? r.registered_at : now });
    }

    await db.transaction(async (tx) => {
      if (fresh.length === 0) return;
      const inserted = await tx
        .insert(eventAttendees)
        .values(
          fresh.map(({ contractor, registeredAt }) => {
            const complete = isProfileComplete(contractor);
            return {
              eventId,
              contractorId: contractor.id,
              registrationDate: registeredAt,
              profileCompletionStatus: complete ? ("completed" as const) : ("pending" as const),
              profileAutoApproved: complete,
              qrCodeData: newQrCodeData(),
              accessToken: newAccessToken(),
            };
          }),
        )
        .onConflictDoNothing({ target: [eventAttendees.eventId, eventAttendees.contractorId] })
        .returning({ id: eventAttendees.id, contractorId: eventAttendees.contractorId, registrationDate: eventAttendees.registrationDate, profile: eventAttendees.profileCompletionStatus });
      out.created += inserted.length;
      out.existing += fresh.length - inserted.length;
      const byId = new Map(fresh.map((f) => [f.contractor.id, f.contractor]));
      const rows = inserted.flatMap((a) => {
        const c = byId.get(a.contractorId)!;
        const reach = reachability(c);
        const plan: Array<PlannedMessage & { personalization?: Record<string, unknown> }> = [
          ...planImmediate("registration_confirmation", "r1", reach, times, now).map((m) => ({ ...m, personalization: { source: "import" } })),
          ...planPreEventReminders({ event: times, registeredAt: a.registrationDate, profileComplete: a.profile === "completed", reach, now }),
        ];
        return plan.map((p) => ({
          eventId,
          attendeeId: a.id,
          contractorId: c.id,
          type: p.type,
          channel: p.channel,
          dedupeKey: p.dedupeKey,
          scheduledFor: p.scheduledFor,
          personalization: p.personalization ?? {},
        }));
      });
      // One INSERT … SELECT unnest(…) per chunk (a parameter per column, not per cell: db/bulk.ts), same conflict rule.
      for (let j = 0; j < rows.length; j += OUTBOX_CHUNK) {
        const cells = rows.slice(j, j + OUTBOX_CHUNK).map((r) => [r.eventId, r.attendeeId, r.contractorId, r.type, r.channel, r.dedupeKey, r.scheduledFor, r.personalization]);
        const res = await tx.execute(
          sql`insert into event_messages (${sql.raw(OUTBOX_COLUMNS.map((c) => c.name).join(", "))}) ${unnestValues(OUTBOX_COLUMNS, cells)} on conflict do nothing returning id, scheduled_for`,
        );
        saved.push(...executedRows<{ id: string; scheduled_for: Date | string }>(res).map((r) => ({ id: r.id, scheduledFor: new Date(r.scheduled_for) })));
      }
    });
    opts.onProgress?.(Math.min(list.length, i + CHUNK));
  }
  await dispatchScheduledMessages(saved);
  return out;
}
