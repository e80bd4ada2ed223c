/** The outbox figures for the dashboard (SPEC §7, §4.2): one SQL query each. */
import { and, count, desc, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages } from "@/db/schema";

const ofEvent = (eventId: string) => eq(eventMessages.eventId, eventId);

/** Messages by type and status (the table). */
export async function messagesByTypeAndStatus(db: Db, eventId: string) {
  const rows = await db
    .select({ type: eventMessages.type, status: eventMessages.status, n: count() })
    .from(eventMessages)
    .where(ofEvent(eventId))
    .groupBy(eventMessages.type, eventMessages.status);
  return rows.map((r) => ({ type: r.type, status: r.status, count: Number(r.n) }));
}

/** Waiting to go (scheduled or being sent), overdue among them, and what is due in the next hour. */
export async function queueDepth(db: Db, eventId: string, at: Date) {
  const now = sql`${at.toISOString()}::timestamptz`;
  const hour = sql`${new Date(at.getTime() + 3600_000).toISOString()}::timestamptz`;
  const [row] = await db
    .select({
      waiting: count(),
      overdue: sql<number>`count(*) filter (where ${eventMessages.scheduledFor} <= ${now})`.mapWith(Number),
      nextHour: sql<number>`count(*) filter (where ${eventMessages.scheduledFor} > ${now} and ${eventMessages.scheduledFor} <= ${hour})`.mapWith(Number),
      nextHourSms: sql<number>`count(*) filter (where ${eventMessages.channel} = 'sms' and ${eventMessages.scheduledFor} > ${now} and ${eventMessages.scheduledFor} <= ${hour})`.mapWith(Number),
    })
    .from(eventMessages)
    .where(and(ofEvent(eventId), inArray(eventMessages.status, ["scheduled", "sending"])));
  return { waiting: Number(row.waiting), overdue: row.overdue, nextHour: row.nextHour, nextHourSms: row.nextHourSms };
}

/**
 * SMS segments due by the end of the next hour (overdue included): segments from the
 * rendered body where there is one (GSM-7 lengths; SPEC §4.3 keeps every SMS within
 * 2), 1 otherwise. The dashboard divides by the configured pace.
 */
export async function smsSegmentsDue(db: Db, eventId: string, at: Date) {
  const hour = sql`${new Date(at.getTime() + 3600_000).toISOString()}::timestamptz`;
  const segments = sql`case when ${eventMessages.renderedBody} is null or length(${eventMessages.renderedBody}) <= 160 then 1 else ceil(length(${eventMessages.renderedBody}) / 153.0) end`;
  const [row] = await db
    .select({ messages: count(), segments: sql<number>`coalesce(sum(${segments}), 0)`.mapWith(Number) })
    .from(eventMessages)
    .where(and(ofEvent(eventId), eq(eventMessages.channel, "sms"), inArray(eventMessages.status, ["scheduled", "sending"]), lte(eventMessages.scheduledFor, hour)));
  return { messages: Number(row.messages), segments: row.segments };
}

/** Failed messages grouped by reason, most frequent first. */
export async function failureReasons(db: Db, eventId: string, limit = 10) {
  const reason = sql<string>`coalesce(${eventMessages.lastError}, ${eventMessages.statusReason}, 'unknown')`;
  const rows = await db
    .select({ reason, n: count() })
    .from(eventMessages)
    .where(and(ofEvent(eventId), eq(eventMessages.status, "failed")))
    .groupBy(reason)
    .orderBy(desc(count()))
    .limit(limit);
  return rows.map((r) => ({ reason: String(r.reason).slice(0, 200), count: Number(r.n) }));
}

/** Sent vs failed among finished sends (skipped and cancelled are not delivery attempts). */
export async function deliverySuccess(db: Db, eventId: string) {
  const [row] = await db
    .select({
      sent: sql<number>`count(*) filter (where ${eventMessages.status} = 'sent')`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${eventMessages.status} = 'failed')`.mapWith(Number),
      delivered: sql<number>`count(*) filter (where ${eventMessages.deliveryStatus} = 'delivered')`.mapWith(Number),
    })
    .from(eventMessages)
    .where(and(ofEvent(eventId), inArray(eventMessages.status, ["sent", "failed"])));
  const done = row.sent + row.failed;
  return { sent: row.sent, failed: row.failed, delivered: row.delivered, rate: done ? row.sent / done : null };
}

/** Lateness of sent messages (actual − scheduled, seconds): p50, p95, max, by percentile_cont. */
export async function lateness(db: Db, eventId: string) {
  const late = sql`greatest(extract(epoch from (${eventMessages.actualSendTime} - ${eventMessages.scheduledFor})), 0)`;
  const [row] = await db
    .select({
      n: count(),
      p50: sql<number | null>`percentile_cont(0.5) within group (order by ${late})`.mapWith((v) => (v === null ? null : Number(v))),
      p95: sql<number | null>`percentile_cont(0.95) within group (order by ${late})`.mapWith((v) => (v === null ? null : Number(v))),
      max: sql<number | null>`max(${late})`.mapWith((v) => (v === null ? null : Number(v))),
    })
    .from(eventMessages)
    .where(and(ofEvent(eventId), eq(eventMessages.status, "sent"), isNotNull(eventMessages.actualSendTime)));
  return { sent: Number(row.n), p50: row.p50, p95: row.p95, max: row.max };
}

