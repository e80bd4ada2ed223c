import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { loadEventTimes } from "@/lib/events/queries";
import { dispatchCancelledMessages, dispatchScheduledMessages } from "@/lib/jobs/dispatch";
import { cancelUnplannedMessages, savePlannedMessages, type SavedMessage } from "@/lib/messaging/store";
import { PRE_EVENT_TYPES, reachability } from "@/lib/registration/register";
import { retimeSessionMessages } from "@/lib/orchestration/retime";
import { planPreEventReminders } from "./plan";

/**
 * SPEC §3: when an event's times or agenda change, every planned message that
 * depends on them moves; ones whose new time has passed are cancelled.
 */
export async function replanEventMessages(
  db: Db,
  eventId: string,
  opts: { now?: Date } = {},
): Promise<{ moved: number; cancelled: number; planned: number }> {
  const at = opts.now ?? clockNow();
  const loaded = await loadEventTimes(db, eventId);
  if (!loaded) return { moved: 0, cancelled: 0, planned: 0 };
  const rows = await db
    .select({ attendee: eventAttendees, contractor: contractors })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .where(and(eq(eventAttendees.eventId, eventId), isNull(eventAttendees.cancelledAt)));

  const result = await db.transaction(async (tx) => {
    const saved: SavedMessage[] = [];
    const cancelled: string[] = [];
    for (const { attendee, contractor } of rows) {
      if (attendee.checkInTime) continue; // pre-event reminders end at check-in
      const plan = planPreEventReminders({
        event: loaded.times,
        registeredAt: attendee.registrationDate,
        profileComplete: attendee.profileCompletionStatus === "completed",
        reach: reachability(contractor),
        now: at,
      });
      saved.push(...(await savePlannedMessages(tx, { eventId, attendeeId: attendee.id, contractorId: contractor.id }, plan)));
      cancelled.push(
        ...(await cancelUnplannedMessages(tx, attendee.id, [...PRE_EVENT_TYPES], plan, "event times changed; no longer applies")),
      );
    }
    return { saved, cancelled };
  });
  const retimed = await retimeSessionMessages(db, eventId, at);
  await dispatchScheduledMessages([...result.saved, ...retimed]);
  await dispatchCancelledMessages(result.cancelled);
  return { moved: result.saved.length + retimed.length, cancelled: result.cancelled.length, planned: result.saved.length };
}
