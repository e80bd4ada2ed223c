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

/**
 * newerInSeries for every row of a claimed batch in one query: the ids of the rows
 * that a newer claimable row of their series, person and channel supersedes.
 */
export async function supersededInBatch(db: Db, rows: Message[], at: Date): Promise<Set<string>> {
  const inSeries = rows.filter((r) => r.attendeeId && seriesTypes(r.type).length > 0);
  const out = new Set<string>();
  if (inSeries.length === 0) return out;
  const types = [...new Set(inSeries.flatMap((r) => seriesTypes(r.type)))];
  const candidates = await db
    .select({ id: eventMessages.id, attendeeId: eventMessages.attendeeId, channel: eventMessages.channel, type: eventMessages.type, scheduledFor: eventMessages.scheduledFor })
    .from(eventMessages)
    .where(
      and(
        inArray(eventMessages.attendeeId, [...new Set(inSeries.map((r) => r.attendeeId!))]),
        inArray(eventMessages.type, types),
        inArray(eventMessages.status, ["scheduled", "sending"]),
        lte(due, sql`${at.toISOString()}::timestamptz`),
      ),
    );
  const byPerson = new Map<string, typeof candidates>();
  for (const c of candidates) {
    const k = `${c.attendeeId}|${c.channel}|${MESSAGE_SERIES[c.type]}`;
    byPerson.set(k, [...(byPerson.get(k) ?? []), c]);
  }
  for (const r of inSeries) {
    const peers = byPerson.get(`${r.attendeeId}|${r.channel}|${MESSAGE_SERIES[r.type]}`) ?? [];
    const t = r.scheduledFor.getTime();
    // uuid order in PostgreSQL is byte order, the same as comparing the lowercase hex strings.
    if (peers.some((p) => p.id !== r.id && (p.scheduledFor.getTime() > t || (p.scheduledFor.getTime() === t && p.id > r.id)))) out.add(r.id);
  }
  return out;
}
