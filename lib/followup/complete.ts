import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { refitAfterEvent } from "@/lib/learning/store";
import type { UsefulnessContext } from "@/lib/messaging/useful-until";
import { rebalanceSmsBudgets } from "@/lib/orchestration/budget-store";
import { contractors, eventAgendaItems, eventAttendees, eventMessages, events, type Attendee, type Contractor, type Event } from "@/db/schema";
import { loadEventTimes } from "@/lib/events/queries";
import { dispatchEventCompletion, dispatchScheduledMessages } from "@/lib/jobs/dispatch";
import { savePlannedRows, type SavedMessage } from "@/lib/messaging/store";
import { reachability } from "@/lib/registration/register";
import { eventEnd, type EventTimes } from "@/lib/scheduling/event-times";
import { now as clockNow } from "@/lib/clock";
import { planPostEvent, POST_EVENT_TYPES } from "./schedule";

/** Statuses an event completes from (a draft never ran; a cancelled one has nothing to follow up). */
const OPEN_STATUSES = ["published", "live"] as const;

export type CompletionResult =
  | { status: "completed"; messages: number; attendees: number; resumed?: true }
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

/** The post-event messages one registration gets (SPEC §6). */
function postEventRows(times: EventTimes, attendee: Pick<Attendee, "checkInTime">, contractor: Contractor, now: Date) {
  return planPostEvent({ event: times, attended: Boolean(attendee.checkInTime), reach: followupReach(contractor), now });
}

/** Registrations planned per transaction, at most: the first chunks' texts go while the rest are planned (decision 0212). */
export const COMPLETION_CHUNK = 100;

/** The k-th chunk's size: 10, 20, 40, 80, then 100 each, so the first texts due at the end are committed within a few ms. */
export function completionChunkSize(k: number): number {
  return Math.min(COMPLETION_CHUNK, 10 * 2 ** Math.min(k, 4));
}
/** A planner that renewed its lease longer ago than this is taken to be gone (crashed): another may take over. */
export const FOLLOWUP_LEASE_MS = 2 * 60_000;

export type CompletionHooks = {
  /** Inside each chunk's transaction, before it commits (tests fail a chunk here). */
  inChunk?: (chunk: number) => Promise<void> | void;
  /** After each chunk's transaction committed (tests stop a completion here to play a crash). */
  afterChunk?: (chunk: number, attendees: number) => Promise<void> | void;
};

/**
 * SPEC §6: at event end the event becomes `completed`, which plans the post-event
 * messages of every registration. The status change is the claim: completing twice
 * (Inngest and the local driver, a retried step) plans nothing twice.
 *
 * The planning goes in chunks (10, 20, 40, 80, then 100 registrations), checked-in first, each
 * in its own transaction that also renews the completion's lease (decision 0212). One
 * transaction for everyone held back the texts due at the end (the sponsor check) until
 * the last registration was planned: 4–5 s at 1,000 attendees, ten times that at 10,000.
 * Each registration's rows and its SMS budget are still decided together, as before. A
 * completion that dies half-way is taken over once its lease has run out: the new planner
 * plans the registrations that have no post-event row yet.
 */
export async function completeEvent(db: Db, eventId: string, now: Date, hooks: CompletionHooks = {}): Promise<CompletionResult> {
  const loaded = await loadEventTimes(db, eventId);
  if (!loaded) return { status: "not-open", current: "missing" };
  const { event, times } = loaded;
  const resuming = isStalledPlanning(event, clockNow());
  if (!resuming && !(OPEN_STATUSES as readonly string[]).includes(event.status)) return { status: "not-open", current: event.status };
  const end = eventEnd(times);
  if (!resuming && end.getTime() > now.getTime()) return { status: "not-yet", endsAt: end };

  let lease = clockNow();
  const [claimed] = await db
    .update(events)
    .set(resuming ? { followupPlanningAt: lease } : { status: "completed", updatedAt: now, followupPlanningAt: lease })
    .where(
      resuming
        ? and(eq(events.id, eventId), eq(events.status, "completed"), isNull(events.followupPlannedAt), eq(events.followupPlanningAt, event.followupPlanningAt!))
        : and(eq(events.id, eventId), inArray(events.status, [...OPEN_STATUSES])),
    )
    .returning({ id: events.id });
  if (!claimed) {
    const [current] = await db.select({ status: events.status }).from(events).where(eq(events.id, eventId));
    return { status: "not-open", current: current?.status ?? "missing" };
  }

  // Checked-in first: their sponsor check is due at the end; a no-show's first message is 30 min later.
  const people = await db
    .select({ attendee: eventAttendees, contractor: contractors })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .where(
      and(
        eq(eventAttendees.eventId, eventId),
        isNull(eventAttendees.cancelledAt),
        // A take-over plans only the registrations whose chunk never committed (a chunk is all or nothing).
        resuming ? sql`not exists (select 1 from ${eventMessages} m where m.attendee_id = ${eventAttendees.id} and m.type in (${sql.join(POST_EVENT_TYPES.map((t) => sql`${t}`), sql`, `)}))` : undefined,
      ),
    )
    .orderBy(sql`${eventAttendees.checkInTime} is null`, eventAttendees.id);
  // The evening's texts count against the day's SMS budget (decision 0151), decided as of the
  // event's end so a late completion cannot make them "already due" and so beyond the budget's reach.
  const asOf = new Date(Math.min(now.getTime(), end.getTime()) - 1);
  // The day's texts still unsent when completion runs late (downtime) and stale by now never go: they don't count.
  const usefulness = { event, agenda: times.agenda } as unknown as UsefulnessContext;
  let messages = 0;
  for (let k = 0, from = 0; from < people.length; from += completionChunkSize(k), k++) {
    const chunk = people.slice(from, from + completionChunkSize(k));
    const renewed = clockNow();
    const saved = await db
      .transaction(async (tx) => {
        // The lease, renewed only while it is still ours: a planner taken over commits nothing more.
        const [mine] = await tx
          .update(events)
          .set({ followupPlanningAt: renewed })
          .where(stillOurs(eventId, lease))
          .returning({ id: events.id });
        if (!mine) return null;
        // The chunk's rows in one statement and the budgets of those with an evening text in a few (not ~10 statements a person).
        const planned = chunk.map((p) => ({ owner: { eventId, attendeeId: p.attendee.id, contractorId: p.contractor.id }, attended: Boolean(p.attendee.checkInTime), rows: postEventRows(times, p.attendee, p.contractor, now) }));
        const rows: SavedMessage[] = await savePlannedRows(tx, planned.flatMap((p) => p.rows.map((m) => ({ owner: p.owner, planned: { ...m, personalization: { attended: p.attended } } }))));
        const texted = planned.filter((p) => p.attended && p.rows.some((m) => m.channel === "sms")).map((p) => p.owner);
        rows.push(...(await rebalanceSmsBudgets(tx, texted, asOf, { usefulness, staleAt: now })));
        await hooks.inChunk?.(k);
        return rows;
      })
      .catch(async (err: unknown) => {
        // A failed chunk (rolled back) hands the lease back at once, so a retry (Inngest's, the next
        // backstop pass) takes over now instead of after the lease; a crash leaves it to run out.
        await db
          .update(events)
          .set({ followupPlanningAt: new Date(lease.getTime() - FOLLOWUP_LEASE_MS) })
          .where(and(eq(events.id, eventId), eq(events.followupPlanningAt, lease)))
          .catch(() => undefined);
        throw err;
      });
    if (!saved) return { status: "not-open", current: "completed" };
    lease = renewed;
    messages += saved.length;
    await dispatchScheduledMessages(saved);
    await hooks.afterChunk?.(k, chunk.length);
  }
  const [finished] = await db
    .update(events)
    .set({ followupPlannedAt: clockNow() })
    .where(stillOurs(eventId, lease))
    .returning({ id: events.id });
  if (!finished) return { status: "not-open", current: "completed" };
  // The closed loop (decision 0185): the organizer's weights are re-fitted from this event's
  // outcomes too. A failed fit must not undo the completion; the console can re-fit by hand.
  await refitAfterEvent(db, eventId, now).catch((err) => console.error("[tpx] re-fit after completion failed", err));
  return { status: "completed", messages, attendees: people.length, ...(resuming && { resumed: true }) };
}

/** The completion's lease is still the one this planner wrote, and planning is not finished. */
function stillOurs(eventId: string, lease: Date) {
  return and(eq(events.id, eventId), eq(events.followupPlanningAt, lease), isNull(events.followupPlannedAt));
}

/** A completion whose planner stopped renewing its lease before every registration was planned. */
function isStalledPlanning(event: Event, at: Date): boolean {
  return (
    event.status === "completed" &&
    !event.followupPlannedAt &&
    event.followupPlanningAt !== null &&
    at.getTime() - event.followupPlanningAt.getTime() >= FOLLOWUP_LEASE_MS
  );
}

/**
 * Open events whose end (events.ends_at or the last live agenda item's end) has passed, and
 * completions whose planner stopped half-way: the local driver's poll.
 */
export async function dueCompletions(db: Db, now: Date): Promise<string[]> {
  const lastItem = db
    .select({ eventId: eventAgendaItems.eventId, end: sql<Date>`max(${eventAgendaItems.endsAt})`.as("end") })
    .from(eventAgendaItems)
    .where(isNull(eventAgendaItems.cancelledAt))
    .groupBy(eventAgendaItems.eventId)
    .as("last_item");
  const stalledBefore = new Date(clockNow().getTime() - FOLLOWUP_LEASE_MS);
  const rows = await db
    .select({ id: events.id })
    .from(events)
    .leftJoin(lastItem, eq(lastItem.eventId, events.id))
    .where(
      or(
        and(
          inArray(events.status, [...OPEN_STATUSES]),
          sql`greatest(${events.endsAt}, coalesce(${lastItem.end}, ${events.endsAt})) <= ${now.toISOString()}::timestamptz`,
        ),
        // A completion that died half-way (decision 0212): taken over once its lease ran out.
        and(eq(events.status, "completed"), isNull(events.followupPlannedAt), lte(events.followupPlanningAt, stalledBefore)),
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
