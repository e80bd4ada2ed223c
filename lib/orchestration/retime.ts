import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages } from "@/db/schema";
import { getAgenda, getEventById, toEventTimes } from "@/lib/events/queries";
import type { SavedMessage } from "@/lib/messaging/store";
import { applyQuietHours } from "@/lib/scheduling/plan";
import { ratingRequestAt, sessionAlertAt } from "./messages";

/**
 * SPEC §3: when the agenda changes, pending session alerts and rating requests move
 * with their session (a cancelled session's alert is skipped at send time).
 */
export async function retimeSessionMessages(db: Db, eventId: string, now: Date): Promise<SavedMessage[]> {
  const event = await getEventById(db, eventId);
  if (!event) return [];
  const agenda = await getAgenda(db, eventId);
  const times = toEventTimes(event, agenda);
  const byId = new Map(agenda.map((a) => [a.id, a]));
  const pending = await db
    .select()
    .from(eventMessages)
    .where(
      and(
        eq(eventMessages.eventId, eventId),
        eq(eventMessages.status, "scheduled"),
        inArray(eventMessages.type, ["speaker_alert", "speaker_pcr_request"]),
      ),
    );
  const moved: SavedMessage[] = [];
  for (const m of pending) {
    const item = byId.get(String(m.personalization.agendaItemId ?? ""));
    if (!item) continue;
    const raw = m.type === "speaker_alert" ? sessionAlertAt(item.startsAt, now) : ratingRequestAt(item.endsAt);
    const at = applyQuietHours(m.type, raw, times);
    if (at.getTime() === m.scheduledFor.getTime()) continue;
    const [row] = await db
      .update(eventMessages)
      .set({
        scheduledFor: at,
        scheduleVersion: sql`${eventMessages.scheduleVersion} + 1`,
        personalization: { ...m.personalization, startsAt: item.startsAt.toISOString(), room: item.room, title: item.title },
      })
      .where(and(eq(eventMessages.id, m.id), eq(eventMessages.status, "scheduled")))
      .returning({ scheduleVersion: eventMessages.scheduleVersion });
    if (row) moved.push({ id: m.id, scheduledFor: at, scheduleVersion: row.scheduleVersion, channel: m.channel });
  }
  return moved;
}
