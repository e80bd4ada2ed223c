import { and, eq, gt, inArray, lte, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages, type Message, type MessageType } from "@/db/schema";

/**
 * SPEC §4.1 "superseded": messages that repeat one thing to one person. When several
 * of one series are overdue at once (downtime, a clock jump), only the newest is worth
 * sending. Types not listed are each their own series (a speaker alert per session).
 */
export const MESSAGE_SERIES: Partial<Record<MessageType, string>> = {
  profile_completion_reminder: "profile",
  check_in_reminder_night_before: "check_in",
  check_in_reminder_1_hour: "check_in",
  check_in_reminder_event_start: "check_in",
  re_engagement: "re_engagement",
};

export function seriesTypes(type: MessageType): MessageType[] {
  const series = MESSAGE_SERIES[type];
  if (!series) return [];
  return (Object.keys(MESSAGE_SERIES) as MessageType[]).filter((t) => MESSAGE_SERIES[t] === series);
}

const due = sql`coalesce(${eventMessages.nextAttemptAt}, ${eventMessages.scheduledFor})`;

/**
 * The newer row of the same series, person and channel that is also claimable now
 * (due and still scheduled, or claimed in the same batch), if any: then this one is
 * superseded. Deterministic either way round, so two workers agree without a lock.
 */
export async function newerInSeries(db: Db, row: Message, at: Date): Promise<string | null> {
  const types = seriesTypes(row.type);
  if (types.length === 0 || !row.attendeeId) return null;
  const newer = or(
    gt(eventMessages.scheduledFor, row.scheduledFor),
    and(eq(eventMessages.scheduledFor, row.scheduledFor), gt(eventMessages.id, row.id)),
  );
  const [hit] = await db
    .select({ id: eventMessages.id })
    .from(eventMessages)
    .where(
      and(
        eq(eventMessages.attendeeId, row.attendeeId),
        eq(eventMessages.channel, row.channel),
        inArray(eventMessages.type, types),
        ne(eventMessages.id, row.id),
        inArray(eventMessages.status, ["scheduled", "sending"]),
        lte(due, sql`${at.toISOString()}::timestamptz`),
        newer,
      ),
    )
    .limit(1);
  return hit?.id ?? null;
}
