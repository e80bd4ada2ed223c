import { and, asc, desc, eq, gt, inArray, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, eventMessages, events, type MessageStatus, type MessageType } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { messageTallies } from "@/lib/metrics/messages";
import { appError, type Result } from "@/lib/errors";
import { dispatchCancelledMessages, dispatchScheduledMessages } from "@/lib/jobs/dispatch";
import { qrPngBase64 } from "./qr";

/**
 * The message center of one event (issue 8 §3): counts, the next hour, failures
 * with Retry / Cancel, and pause / resume. Pausing only sets events.messaging_paused_at;
 * the delivery code asks isEventMessagingPaused before it claims a row, so paused rows
 * stay `scheduled` (nothing is lost). On resume the due rows are handed to the drivers
 * again and delivery applies SPEC §4.1 (stale / superseded) to them as to any late row.
 */

/** The one check delivery makes (lib/messaging/deliver.ts): true while the organizer has paused the event. */
export async function isEventMessagingPaused(db: Db, eventId: string | null): Promise<boolean> {
  if (!eventId) return false;
  const [row] = await db.select({ paused: events.messagingPausedAt }).from(events).where(eq(events.id, eventId));
  return Boolean(row?.paused);
}

/**
 * The same rule as a claim condition (lib/messaging/deliver.ts puts it in its claim's WHERE):
 * a row of a paused event is not claimable, so it stays `scheduled` and waits. A scalar subquery
 * (one primary-key lookup per row looked at), not NOT EXISTS: the planner turned that into a hash
 * anti-join with the events, which lost the due index's order, so every claim read and sorted
 * every due row of its channel (decision 0214). A row with no event is never paused.
 */
export function eventMessagingNotPaused(): SQL {
  return sql`(select ${events.messagingPausedAt} from ${events} where ${events.id} = ${eventMessages.eventId}) is null`;
}

export async function pauseEventMessaging(db: Db, eventId: string): Promise<Result<{ pausedAt: Date }>> {
  const at = clockNow();
  const [row] = await db
    .update(events)
    .set({ messagingPausedAt: sql`coalesce(${events.messagingPausedAt}, ${at.toISOString()}::timestamptz)` })
    .where(eq(events.id, eventId))
    .returning({ pausedAt: events.messagingPausedAt });
  if (!row) return { ok: false, error: appError(404, "event_not_found", "No such event.") };
  return { ok: true, pausedAt: row.pausedAt! };
}

export async function resumeEventMessaging(db: Db, eventId: string): Promise<Result<{ redispatched: number }>> {
  const [row] = await db.update(events).set({ messagingPausedAt: null }).where(eq(events.id, eventId)).returning({ id: events.id });
  if (!row) return { ok: false, error: appError(404, "event_not_found", "No such event.") };
  // Rows that came due while paused were passed over: hand them to the drivers again.
  const due = await db
    .select({ id: eventMessages.id, scheduledFor: eventMessages.scheduledFor })
    .from(eventMessages)
    .where(and(eq(eventMessages.eventId, eventId), eq(eventMessages.status, "scheduled"), lte(eventMessages.scheduledFor, clockNow())));
  // A fresh time gives a fresh job event id (dispatch dedupes on row + time), so Inngest starts a new run.
  const at = clockNow();
  if (due.length) await dispatchScheduledMessages(due.map((m) => ({ id: m.id, scheduledFor: at })));
  return { ok: true, redispatched: due.length };
}

export type StatusTypeCount = { status: MessageStatus; type: MessageType; n: number };

export async function getMessageCenter(db: Db, eventId: string) {
  const at = clockNow();
  const inHour = new Date(at.getTime() + 3600_000);
  const person = { name: sql<string>`coalesce(nullif(trim(coalesce(${contractors.firstName}, '') || ' ' || coalesce(${contractors.lastName}, '')), ''), ${contractors.email})` };
  const [counts, nextHour, [{ nextHourTotal }], failures] = await Promise.all([
    messageTallies(db, eventId),
    db
      .select({ id: eventMessages.id, type: eventMessages.type, channel: eventMessages.channel, scheduledFor: eventMessages.scheduledFor, attendeeId: eventMessages.attendeeId, ...person })
      .from(eventMessages)
      .innerJoin(contractors, eq(contractors.id, eventMessages.contractorId))
      .where(and(eq(eventMessages.eventId, eventId), eq(eventMessages.status, "scheduled"), lte(eventMessages.scheduledFor, inHour)))
      .orderBy(asc(eventMessages.scheduledFor))
      .limit(25),
    db
      .select({ nextHourTotal: sql<number>`count(*)::int` })
      .from(eventMessages)
      .where(and(eq(eventMessages.eventId, eventId), eq(eventMessages.status, "scheduled"), lte(eventMessages.scheduledFor, inHour))),
    db
      .select({ id: eventMessages.id, type: eventMessages.type, channel: eventMessages.channel, scheduledFor: eventMessages.scheduledFor, lastError: eventMessages.lastError, statusReason: eventMessages.statusReason, attempts: eventMessages.attempts, attendeeId: eventMessages.attendeeId, ...person })
      .from(eventMessages)
      .innerJoin(contractors, eq(contractors.id, eventMessages.contractorId))
      .where(and(eq(eventMessages.eventId, eventId), eq(eventMessages.status, "failed")))
      .orderBy(desc(eventMessages.updatedAt))
      .limit(50),
  ]);
  const byStatusType = new Map<string, StatusTypeCount>();
  for (const t of counts) {
    const cell = byStatusType.get(`${t.status}|${t.type}`) ?? { status: t.status, type: t.type, n: 0 };
    cell.n += t.n;
    byStatusType.set(`${t.status}|${t.type}`, cell);
  }
  return { counts: [...byStatusType.values()], nextHour, nextHourTotal: Number(nextHourTotal), failures };
}

/** A failed row is tried again now (attempts reset); delivery's §4.1 rules still decide if it is worth sending. */
export async function retryMessage(db: Db, eventId: string, messageId: string): Promise<Result<object>> {
  const at = clockNow();
  const [row] = await db
    .update(eventMessages)
    .set({ status: "scheduled", attempts: 0, nextAttemptAt: at, statusReason: "retried by organizer", updatedAt: sql`now()` })
    .where(and(eq(eventMessages.id, messageId), eq(eventMessages.eventId, eventId), eq(eventMessages.status, "failed")))
    .returning({ id: eventMessages.id, scheduledFor: eventMessages.scheduledFor });
  if (!row) return { ok: false, error: appError(409, "not_failed", "Only a failed message can be retried.") };
  await dispatchScheduledMessages([{ id: row.id, scheduledFor: at }]);
  return { ok: true };
}

export async function cancelMessage(db: Db, eventId: string, messageId: string): Promise<Result<object>> {
  const [row] = await db
    .update(eventMessages)
    .set({ status: "cancelled", statusReason: "cancelled by organizer", updatedAt: sql`now()` })
    .where(and(eq(eventMessages.id, messageId), eq(eventMessages.eventId, eventId), inArray(eventMessages.status, ["scheduled", "failed"])))
    .returning({ id: eventMessages.id });
  if (!row) return { ok: false, error: appError(409, "not_pending", "Only a scheduled or failed message can be cancelled.") };
  await dispatchCancelledMessages([row.id]);
  return { ok: true };
}

/** Sent more than this after its time: flagged "late" in the outbox. */
export const LATE_AFTER_MS = 60_000;

export function isLate(m: { status: string; scheduledFor: Date; actualSendTime: Date | null }, at: Date): boolean {
  if (m.status === "sent" && m.actualSendTime) return m.actualSendTime.getTime() - m.scheduledFor.getTime() > LATE_AFTER_MS;
  if (m.status === "scheduled" || m.status === "sending") return at.getTime() - m.scheduledFor.getTime() > LATE_AFTER_MS;
  return false;
}

/** The email preview: rows rendered before the hosted QR (decision 0197) reference an inline cid: attachment; it becomes a data: URL the browser can show. */
export async function previewHtml(db: Db, html: string | null, attendeeId: string | null): Promise<string | null> {
  if (!html || !attendeeId || !html.includes("cid:")) return html;
  const [row] = await db.select({ qr: eventAttendees.qrCodeData }).from(eventAttendees).where(eq(eventAttendees.id, attendeeId));
  if (!row) return html;
  const png = await qrPngBase64(row.qr);
  return html.replace(/(["'])cid:qr[^"']*\1/g, `$1data:image/png;base64,${png}$1`);
}

/** Events with paused messaging and scheduled rows overdue (for a dashboard hint). */
export async function pausedOverdue(db: Db, eventId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(eventMessages)
    .innerJoin(events, eq(events.id, eventMessages.eventId))
    .where(and(eq(eventMessages.eventId, eventId), eq(eventMessages.status, "scheduled"), isNotNull(events.messagingPausedAt), gt(sql`${clockNow().toISOString()}::timestamptz`, eventMessages.scheduledFor)));
  return Number(n);
}
