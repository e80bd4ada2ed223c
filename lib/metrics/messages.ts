/** The outbox figures for the dashboard (SPEC §7, §4.2): one SQL query each. */
import { and, count, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { executedRows } from "@/db/bulk";
import type { Db } from "@/db/client";
import { eventMessageLateness, eventMessageTallies, eventMessages } from "@/db/schema";

const ofEvent = (eventId: string) => eq(eventMessages.eventId, eventId);

/** Waiting to go: the queue's statuses, in SQL and for the grouped rows. */
const WAITING_STATUSES = ["scheduled", "sending"] as const;
const WAITING = inArray(eventMessages.status, [...WAITING_STATUSES]);
const isWaiting = (status: string) => (WAITING_STATUSES as readonly string[]).includes(status);

/**
 * An event's outbox by (type, channel, status) with how many of those were delivered:
 * the sum of the trigger-kept tallies (db/migrations/0011, decision 0196), exact as of
 * the statement's snapshot, and a few hundred rows to read however large the outbox.
 */
export async function messageTallies(db: Db, eventId: string) {
  const rows = await db
    .select({
      type: eventMessageTallies.type,
      channel: eventMessageTallies.channel,
      status: eventMessageTallies.status,
      n: sql`sum(${eventMessageTallies.n})`.mapWith(Number),
      delivered: sql`sum(${eventMessageTallies.delivered})`.mapWith(Number),
    })
    .from(eventMessageTallies)
    .where(eq(eventMessageTallies.eventId, eventId))
    .groupBy(eventMessageTallies.type, eventMessageTallies.channel, eventMessageTallies.status)
    .having(sql`sum(${eventMessageTallies.n}) <> 0`);
  return rows;
}

/**
 * Folds the tallies into one row per key (and the lateness histogram into one per
 * bucket), dropping keys that sum to zero. Called by the backstops every minute; one
 * compaction at a time (an advisory lock; a second caller skips). Readers see the rows
 * before or after, never a mix: it is one transaction.
 */
export async function compactMessageTallies(db: Db): Promise<{ tallies: number; lateness: number } | null> {
  return db.transaction(async (tx) => {
    const [lock] = executedRows<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('tpx.message_tallies')) as ok`));
    if (!lock?.ok) return null;
    const t = await tx.execute(sql`
      with gone as (delete from event_message_tallies returning *)
      insert into event_message_tallies (event_id, type, channel, status, n, delivered)
      select event_id, type, channel, status, sum(n)::integer, sum(delivered)::integer from gone
      group by 1, 2, 3, 4 having sum(n) <> 0 or sum(delivered) <> 0
      returning 1`);
    const l = await tx.execute(sql`
      with gone as (delete from event_message_lateness returning *)
      insert into event_message_lateness (event_id, bucket, n)
      select event_id, bucket, sum(n)::integer from gone group by 1, 2 having sum(n) <> 0
      returning 1`);
    return { tallies: executedRows(t).length, lateness: executedRows(l).length };
  });
}

/**
 * The outbox figures (SPEC §7, §4.2): messages by type and status (the table) and
 * delivery success (sent vs failed among finished sends; skipped and cancelled are not
 * delivery attempts) from the tallies; the time-bound queue figures (overdue, the next
 * hour's sends, SMS segments due by the end of the next hour) from the waiting rows
 * alone, through their own index. Segments come from the rendered body where there is
 * one (GSM-7 lengths; SPEC §4.3 keeps every SMS within 2), 1 otherwise; the dashboard
 * divides by the pace. Issue 9: reading all 300,000 rows of an event was 242 ms p95.
 */
export async function outboxFigures(db: Db, eventId: string, at: Date) {
  const now = sql`${at.toISOString()}::timestamptz`;
  const hour = sql`${new Date(at.getTime() + 3600_000).toISOString()}::timestamptz`;
  const segments = sql`case when ${eventMessages.renderedBody} is null or length(${eventMessages.renderedBody}) <= 160 then 1 else ceil(length(${eventMessages.renderedBody}) / 153.0) end`;
  const num = (v: unknown) => Number(v ?? 0);
  const [tallies, due] = await Promise.all([
    messageTallies(db, eventId),
    db
      .select({
        channel: eventMessages.channel,
        overdue: sql`count(*) filter (where ${eventMessages.scheduledFor} <= ${now})`.mapWith(num),
        nextHour: sql`count(*) filter (where ${eventMessages.scheduledFor} > ${now})`.mapWith(num),
        all: count(),
        segments: sql`coalesce(sum(${segments}), 0)`.mapWith(num),
      })
      .from(eventMessages)
      .where(and(ofEvent(eventId), WAITING, lte(eventMessages.scheduledFor, hour)))
      .groupBy(eventMessages.channel),
  ]);

  const byTypeStatus = new Map<string, { type: (typeof tallies)[number]["type"]; status: (typeof tallies)[number]["status"]; count: number }>();
  const queue = { waiting: 0, overdue: 0, nextHour: 0, nextHourSms: 0 };
  const sms = { messages: 0, segments: 0 };
  const delivery = { sent: 0, failed: 0, delivered: 0 };
  for (const r of tallies) {
    const key = `${r.type}|${r.status}`;
    const cell = byTypeStatus.get(key) ?? { type: r.type, status: r.status, count: 0 };
    cell.count += r.n;
    byTypeStatus.set(key, cell);
    if (isWaiting(r.status)) queue.waiting += r.n;
    if (r.status === "sent") delivery.sent += r.n;
    if (r.status === "failed") delivery.failed += r.n;
    if (r.status === "sent" || r.status === "failed") delivery.delivered += r.delivered;
  }
  for (const r of due) {
    queue.overdue += r.overdue;
    queue.nextHour += r.nextHour;
    if (r.channel === "sms") {
      queue.nextHourSms += r.nextHour;
      sms.messages += Number(r.all);
      sms.segments += r.segments;
    }
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

/**
 * Lateness of sent messages (actual − scheduled, seconds): p50 and p95 as percentile_cont
 * computes them (interpolated between neighbouring ranks) and the max, over the
 * trigger-kept histogram (whole seconds below an hour, whole minutes above), so exact
 * for whole-second lateness under an hour and to the bucket otherwise.
 */
export async function lateness(db: Db, eventId: string) {
  const rows = await db
    .select({ bucket: eventMessageLateness.bucket, n: sql`sum(${eventMessageLateness.n})`.mapWith(Number) })
    .from(eventMessageLateness)
    .where(eq(eventMessageLateness.eventId, eventId))
    .groupBy(eventMessageLateness.bucket)
    .having(sql`sum(${eventMessageLateness.n}) > 0`)
    .orderBy(eventMessageLateness.bucket);
  return latenessFromHistogram(rows);
}

/** percentile_cont over a histogram of (value, count), values ascending. Exported for its test. */
export function latenessFromHistogram(rows: Array<{ bucket: number; n: number }>) {
  const sent = rows.reduce((t, r) => t + r.n, 0);
  if (!sent) return { sent: 0, p50: null, p95: null, max: null };
  // The value at 0-based rank k of the sorted multiset.
  const at = (k: number) => {
    let seen = 0;
    for (const r of rows) {
      seen += r.n;
      if (k < seen) return r.bucket;
    }
    return rows[rows.length - 1].bucket;
  };
  const cont = (p: number) => {
    const rank = p * (sent - 1);
    const lo = Math.floor(rank);
    const a = at(lo);
    return a + (rank - lo) * (at(Math.ceil(rank)) - a);
  };
  return { sent, p50: cont(0.5), p95: cont(0.95), max: rows[rows.length - 1].bucket };
}
