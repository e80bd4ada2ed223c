import { and, asc, countDistinct, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAgendaItems, eventAttendees, eventMessages, eventSponsors, recommendations } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { appError, type Result } from "@/lib/errors";
import { getAgenda, getEventById, toEventTimes } from "@/lib/events/queries";
import { dispatchScheduledMessages } from "@/lib/jobs/dispatch";
import { savePlannedMessages } from "@/lib/messaging/store";
import { reachability } from "@/lib/registration/register";
import { planImmediate } from "@/lib/scheduling/plan";
import { listAuditFor } from "./contact";

/** The console's page of one attendee: who, the facts, their plan and every message (the timeline). */
export async function getAttendeeDetail(db: Db, eventId: string, attendeeId: string) {
  const [row] = await db
    .select({ attendee: eventAttendees, contractor: contractors })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .where(and(eq(eventAttendees.id, attendeeId), eq(eventAttendees.eventId, eventId)));
  if (!row) return null;
  const [messages, recs, audit] = await Promise.all([
    db.select().from(eventMessages).where(eq(eventMessages.attendeeId, attendeeId)).orderBy(asc(eventMessages.scheduledFor), asc(eventMessages.type)),
    db.select().from(recommendations).where(eq(recommendations.attendeeId, attendeeId)).orderBy(asc(recommendations.kind), asc(recommendations.rank)),
    listAuditFor(db, row.contractor.id),
  ]);
  return { ...row, messages, recommendations: await withTargetNames(db, recs), audit };
}

type Rec = typeof recommendations.$inferSelect;

async function withTargetNames(db: Db, recs: Rec[]) {
  const ids = (kind: Rec["kind"]) => recs.filter((r) => r.kind === kind).map((r) => r.targetId);
  const [sessions, sponsors, peers] = await Promise.all([
    ids("speaker").length ? db.select({ id: eventAgendaItems.id, name: eventAgendaItems.title }).from(eventAgendaItems).where(inArray(eventAgendaItems.id, ids("speaker"))) : [],
    ids("sponsor").length ? db.select({ id: eventSponsors.id, name: eventSponsors.name }).from(eventSponsors).where(inArray(eventSponsors.id, ids("sponsor"))) : [],
    ids("peer").length
      ? db
          .select({ id: eventAttendees.id, first: contractors.firstName, last: contractors.lastName, email: contractors.email })
          .from(eventAttendees)
          .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
          .where(inArray(eventAttendees.id, ids("peer")))
      : [],
  ]);
  const names = new Map<string, string>([
    ...sessions.map((s) => [s.id, s.name] as [string, string]),
    ...sponsors.map((s) => [s.id, s.name] as [string, string]),
    ...peers.map((p) => [p.id, [p.first, p.last].filter(Boolean).join(" ") || p.email] as [string, string]),
  ]);
  return recs.map((r) => ({ ...r, targetName: names.get(r.targetId) ?? "(removed)" }));
}

/** Plans a fresh confirmation (email and, with consent, SMS) now, like a repeat registration does. */
export async function resendConfirmation(db: Db, eventId: string, attendeeId: string): Promise<Result<{ planned: number }>> {
  const at = clockNow();
  const event = await getEventById(db, eventId);
  const [row] = await db
    .select({ attendee: eventAttendees, contractor: contractors })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .where(and(eq(eventAttendees.id, attendeeId), eq(eventAttendees.eventId, eventId)));
  if (!event || !row) return { ok: false, error: appError(404, "registration_not_found", "No such registration.") };
  if (row.attendee.cancelledAt) return { ok: false, error: appError(409, "registration_cancelled", "This registration was cancelled.") };
  const times = toEventTimes(event, await getAgenda(db, eventId));
  const saved = await db.transaction(async (tx) => {
    const [{ n }] = await tx
      .select({ n: countDistinct(eventMessages.dedupeKey) })
      .from(eventMessages)
      .where(and(eq(eventMessages.attendeeId, attendeeId), eq(eventMessages.type, "registration_confirmation")));
    const plan = planImmediate("registration_confirmation", `r${n + 1}`, reachability(row.contractor), times, at).map((m) => ({ ...m, personalization: { source: "console" } }));
    return savePlannedMessages(tx, { eventId, attendeeId, contractorId: row.contractor.id }, plan);
  });
  await dispatchScheduledMessages(saved);
  return { ok: true, planned: saved.length };
}
