/** The outbox figures for the dashboard (SPEC §7, §4.2): one SQL query each. */
import { and, count, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages } from "@/db/schema";

const ofEvent = (eventId: string) => eq(eventMessages.eventId, eventId);

/** Waiting to go: the queue's statuses, in SQL and for the grouped rows. */
const WAITING_STATUSES = ["scheduled", "sending"] as const;
const WAITING = inArray(eventMessages.status, [...WAITING_STATUSES]);
const isWaiting = (status: string) => (WAITING_STATUSES as readonly string[]).includes(status);

/**
 * The outbox figures that read every row of the event, in one pass (issue 9: each pass
 * over 300,000 rows costs 100–150 ms, and the four figures made four): messages by type
 * and status (the table), the queue (waiting, overdue, the next hour's sends), SMS
 * segments due by the end of the next hour (overdue included; segments from the rendered
 * body where there is one, GSM-7 lengths, SPEC §4.3 keeps every SMS within 2; 1
 * otherwise; the dashboard divides by the pace), and delivery success (sent vs failed
 * among finished sends; skipped and cancelled are not delivery attempts).
 */
export async function outboxFigures(db: Db, eventId: string, at: Date) {
  const now = sql`${at.toISOString()}::timestamptz`;
  const hour = sql`${new Date(at.getTime() + 3600_000).toISOString()}::timestamptz`;
  const segments = sql`case when ${eventMessages.renderedBody} is null or length(${eventMessages.renderedBody}) <= 160 then 1 else ceil(length(${eventMessages.renderedBody}) / 153.0) end`;
  const smsDue = sql`${eventMessages.channel} = 'sms' and ${WAITING} and ${eventMessages.scheduledFor} <= ${hour}`;
  const nextHour = sql`${WAITING} and ${eventMessages.scheduledFor} > ${now} and ${eventMessages.scheduledFor} <= ${hour}`;
  const num = (v: unknown) => Number(v ?? 0);
  const rows = await db
    .select({
      type: eventMessages.type,
      status: eventMessages.status,
      channel: eventMessages.channel,
      n: count(),
      delivered: sql`count(*) filter (where ${eventMessages.deliveryStatus} = 'delivered')`.mapWith(num),
      overdue: sql`count(*) filter (where ${WAITING} and ${eventMessages.scheduledFor} <= ${now})`.mapWith(num),
      nextHour: sql`count(*) filter (where ${nextHour})`.mapWith(num),
      smsDue: sql`count(*) filter (where ${smsDue})`.mapWith(num),
      segmentsDue: sql`coalesce(sum(${segments}) filter (where ${smsDue}), 0)`.mapWith(num),
    })
    .from(eventMessages)
    .where(ofEvent(eventId))
    .groupBy(eventMessages.type, eventMessages.status, eventMessages.channel);

  const byTypeStatus = new Map<string, { type: (typeof rows)[number]["type"]; status: (typeof rows)[number]["status"]; count: number }>();
  const queue = { waiting: 0, overdue: 0, nextHour: 0, nextHourSms: 0 };
  const sms = { messages: 0, segments: 0 };
  const delivery = { sent: 0, failed: 0, delivered: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    const key = `${r.type}|${r.status}`;
    const cell = byTypeStatus.get(key) ?? { type: r.type, status: r.status, count: 0 };
    cell.count += n;
    byTypeStatus.set(key, cell);
    if (isWaiting(r.status)) {
      queue.waiting += n;
      queue.overdue += r.overdue;
      queue.nextHour += r.nextHour;
      if (r.channel === "sms") queue.nextHourSms += r.nextHour;
    }
    sms.messages += r.smsDue;
    sms.segments += r.segmentsDue;
    if (r.status === "sent") delivery.sent += n;
    if (r.status === "failed") delivery.failed += n;
    if (r.status === "sent" || r.status === "failed") delivery.delivered += r.delivered;
  }
  const done = delivery.sent + delivery.failed;
  return {
    messages: [...byTypeStatus.values()],
    queue,
    smsDue: sms,
    delivery: { ...delivery, rate: done ? delivery.sent / done : null },
  };
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

/** Lateness of sent messages (actual − scheduled, seconds): p50, p95, max, by percentile_cont. */
export async function lateness(db: Db, eventId: string) {
  // date_part is double precision (extract is numeric since PostgreSQL 14, several times slower to sort).
  const late = sql`greatest(date_part('epoch', ${eventMessages.actualSendTime} - ${eventMessages.scheduledFor}), 0)`;
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

