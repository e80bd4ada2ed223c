import { and, desc, eq, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages, systemState } from "@/db/schema";
import { pacingBacklogMs } from "@/lib/messaging/pacing";
import { smsSegmentCount } from "@/lib/messaging/segments";
import type { DispatchFailure } from "./dispatch";

/** What GET /api/health reports about delivery (and the dashboard, later). */
export const DISPATCH_FAILURES_KEY = "dispatch_failures";

export type DispatchFailureTally = { count: number; events: number; lastError: string | null; lastAt: string | null };

/** Counts a failed dispatch in system_state; atomic, so concurrent failures all count. */
export async function recordDispatchFailure(db: Db, failure: DispatchFailure, at: Date): Promise<void> {
  const first: DispatchFailureTally = { count: 1, events: failure.events, lastError: failure.error, lastAt: at.toISOString() };
  await db
    .insert(systemState)
    .values({ key: DISPATCH_FAILURES_KEY, value: first })
    .onConflictDoUpdate({
      target: systemState.key,
      set: {
        value: sql`jsonb_build_object(
          'count', coalesce((${systemState.value}->>'count')::int, 0) + 1,
          'events', coalesce((${systemState.value}->>'events')::int, 0) + ${failure.events},
          'lastError', ${failure.error}::text,
          'lastAt', ${at.toISOString()}::text)`,
        updatedAt: at,
      },
    });
}

export async function readDispatchFailures(db: Db): Promise<DispatchFailureTally> {
  const [row] = await db.select().from(systemState).where(eq(systemState.key, DISPATCH_FAILURES_KEY));
  return (row?.value as DispatchFailureTally | undefined) ?? { count: 0, events: 0, lastError: null, lastAt: null };
}

export type SmsQueueHealth = { due: number; segmentsPerSecond: number; averageSegments: number; projectedDrainSeconds: number };

/**
 * SPEC §4.2: how long the SMS that are due now need at the configured pace: what the
 * bucket has already booked, plus the due rows at the recent average segment count.
 */
export async function smsQueueHealth(db: Db, at: Date, segmentsPerSecond: number): Promise<SmsQueueHealth> {
  const dueAt = sql`coalesce(${eventMessages.nextAttemptAt}, ${eventMessages.scheduledFor})`;
  const [{ due }] = await db
    .select({ due: sql<number>`count(*)::int` })
    .from(eventMessages)
    .where(and(eq(eventMessages.channel, "sms"), eq(eventMessages.status, "scheduled"), lte(dueAt, sql`${at.toISOString()}::timestamptz`)));
  const recent = await db
    .select({ body: eventMessages.renderedBody })
    .from(eventMessages)
    .where(and(eq(eventMessages.channel, "sms"), eq(eventMessages.status, "sent"), isNotNull(eventMessages.renderedBody)))
    .orderBy(desc(eventMessages.actualSendTime))
    .limit(200);
  const averageSegments = recent.length ? recent.reduce((n, r) => n + smsSegmentCount(r.body!), 0) / recent.length : 1;
  const booked = (await pacingBacklogMs(db, at)) / 1000;
  const projectedDrainSeconds = Math.ceil(booked + (due * averageSegments) / segmentsPerSecond);
  return { due, segmentsPerSecond, averageSegments: Math.round(averageSegments * 100) / 100, projectedDrainSeconds };
}
