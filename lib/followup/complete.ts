import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { refitAfterEvent } from "@/lib/learning/store";
import type { UsefulnessContext } from "@/lib/messaging/useful-until";
import { rebalanceSmsBudget } from "@/lib/orchestration/budget-store";
import { contractors, eventAgendaItems, eventAttendees, events, type Attendee, type Contractor, type Event } from "@/db/schema";
import { loadEventTimes } from "@/lib/events/queries";
import { dispatchEventCompletion, dispatchScheduledMessages } from "@/lib/jobs/dispatch";
import { savePlannedMessages, type SavedMessage } from "@/lib/messaging/store";
import { reachability } from "@/lib/registration/register";
import { eventEnd, type EventTimes } from "@/lib/scheduling/event-times";
import { planPostEvent } from "./schedule";

/** Statuses an event completes from (a draft never ran; a cancelled one has nothing to follow up). */
const OPEN_STATUSES = ["published", "live"] as const;

export type CompletionResult =
  | { status: "completed"; messages: number; attendees: number }
  | { status: "not-yet"; endsAt: Date }
  | { status: "not-open"; current: Event["status"] | "missing" };

/** Email is planned only where it can go: unsubscribed and bounced addresses get none (the skip rules agree at send). */
export function followupReach(c: Contractor) {
  const r = reachability(c);
  return { email: r.email && !c.emailUnsubscribedAt && !c.emailBouncedAt, sms: r.sms };
}

/** Tells the scheduler when the event ends (Inngest sleeps until then); the local driver polls instead. */
export async function scheduleEventCompletion(db: Db, eventId: string): Promise<Date | null> {
  const loaded = await loadEventTimes(db, eventId);
  if (!loaded || !(OPEN_STATUSES as readonly string[]).includes(loaded.event.status)) return null;
  const end = eventEnd(loaded.times);
  await dispatchEventCompletion(eventId, end);
  return end;
}

/** The post-event rows of one registration, written in `db` (a transaction). */
export async function planPostEventFor(
  db: Db,
  times: EventTimes,
  eventId: string,
  attendee: Pick<Attendee, "id" | "checkInTime">,
  contractor: Contractor,
  now: Date,
): Promise<SavedMessage[]> {
  const attended = Boolean(attendee.checkInTime);
  const planned = planPostEvent({ event: times, attended, reach: followupReach(contractor), now });
  return savePlannedMessages(db, { eventId, attendeeId: attendee.id, contractorId: contractor.id }, planned, { attended });
}

/**
 * SPEC §6: at event end the event becomes `completed`, which plans the post-event
 * messages of every registration. The status change is the claim: completing twice
 * (Inngest and the local driver, a retried step) plans nothing twice.
 */
export async function completeEvent(db: Db, eventId: string, now: Date): Promise<CompletionResult> {
  const loaded = await loadEventTimes(db, eventId);
  if (!loaded) return { status: "not-open", current: "missing" };
  const { event, times } = loaded;
  if (!(OPEN_STATUSES as readonly string[]).includes(event.status)) return { status: "not-open", current: event.status };
  const end = eventEnd(times);
  if (end.getTime() > now.getTime()) return { status: "not-yet", endsAt: end };

  const outcome = await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(events)
      .set({ status: "completed", updatedAt: now })
      .where(and(eq(events.id, eventId), inArray(events.status, [...OPEN_STATUSES])))
      .returning({ id: events.id });
    if (!claimed) return null;
    const people = await tx
      .select({ attendee: eventAttendees, contractor: contractors })
      .from(eventAttendees)
      .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
      .where(and(eq(eventAttendees.eventId, eventId), isNull(eventAttendees.cancelledAt)));
    const saved: SavedMessage[] = [];
    // The evening's texts count against the day's SMS budget (decision 0151), decided as of the
    // event's end so a late completion cannot make them "already due" and so beyond the budget's reach.
    const asOf = new Date(Math.min(now.getTime(), end.getTime()) - 1);
    // The day's texts still unsent when completion runs late (downtime) and stale by now never go: they don't count.
    const usefulness = { event, agenda: times.agenda } as unknown as UsefulnessContext;
    for (const p of people) {
      const rows = await planPostEventFor(tx, times, eventId, p.attendee, p.contractor, now);
      saved.push(...rows);
      if (p.attendee.checkInTime && rows.some((r) => r.channel === "sms")) {
        saved.push(...(await rebalanceSmsBudget(tx, { eventId, attendeeId: p.attendee.id, contractorId: p.contractor.id }, asOf, { usefulness, staleAt: now })));
      }
    }
    return { saved, attendees: people.length };
  });
  if (!outcome) {
    const [current] = await db.select({ status: events.status }).from(events).where(eq(events.id, eventId));
    return { status: "not-open", current: current?.status ?? "missing" };
  }
  await dispatchScheduledMessages(outcome.saved);
  // The closed loop (decision 0185): the organizer's weights are re-fitted from this event's
  // outcomes too. A failed fit must not undo the completion; the console can re-fit by hand.
  await refitAfterEvent(db, eventId, now).catch((err) => console.error("[tpx] re-fit after completion failed", err));
  return { status: "completed", messages: outcome.saved.length, attendees: outcome.attendees };
}

/** Open events whose end (events.ends_at or the last live agenda item's end) has passed: the local driver's poll. */
export async function dueCompletions(db: Db, now: Date): Promise<string[]> {
  const lastItem = db
    .select({ eventId: eventAgendaItems.eventId, end: sql<Date>`max(${eventAgendaItems.endsAt})`.as("end") })
    .from(eventAgendaItems)
    .where(isNull(eventAgendaItems.cancelledAt))
    .groupBy(eventAgendaItems.eventId)
    .as("last_item");
  const rows = await db
    .select({ id: events.id })
    .from(events)
    .leftJoin(lastItem, eq(lastItem.eventId, events.id))
    .where(
      and(
        inArray(events.status, [...OPEN_STATUSES]),
        sql`greatest(${events.endsAt}, coalesce(${lastItem.end}, ${events.endsAt})) <= ${now.toISOString()}::timestamptz`,
      ),
    );
  return rows.map((r) => r.id);
}

/** The local driver's (and the backstop cron's) completion pass. */
export async function completeDueEvents(db: Db, now: Date): Promise<number> {
  let done = 0;
  for (const id of await dueCompletions(db, now)) {
    if ((await completeEvent(db, id, now)).status === "completed") done++;
  }
  return done;
}
