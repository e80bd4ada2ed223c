import type { SavedMessage } from "@/lib/messaging/store";
import type { JobEvent } from "./events";

/**
 * The one entry point lib/ uses to start jobs (CONVENTIONS: lib never imports
 * inngest/). With Inngest configured, inngest/client.ts installs a sender at start
 * and every planned message gets a run that sleeps until its time. Without one,
 * nothing is sent: the local driver finds due rows in the outbox itself.
 *
 * A failed send is NOT swallowed into a log line: the rows stay `scheduled`, the
 * local driver's sweep delivers them when overdue, and the error is returned.
 */
type Sender = (events: JobEvent[]) => Promise<void>;

const g = globalThis as unknown as { __tpxJobSender?: Sender | null };

export function setJobEventSender(sender: Sender | null): void {
  g.__tpxJobSender = sender;
}

export function jobEventSenderInstalled(): boolean {
  return Boolean(g.__tpxJobSender);
}

export type DispatchResult = { sent: number; error?: string };

async function send(events: JobEvent[]): Promise<DispatchResult> {
  const sender = g.__tpxJobSender;
  if (!sender || events.length === 0) return { sent: 0 };
  try {
    for (let i = 0; i < events.length; i += 500) await sender(events.slice(i, i + 500));
    return { sent: events.length };
  } catch (err) {
    return { sent: 0, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Call after the transaction that wrote the rows has committed. */
export function dispatchScheduledMessages(messages: SavedMessage[]): Promise<DispatchResult> {
  return send(
    messages.map((m) => ({
      name: "tpx/message.scheduled" as const,
      // Same row + same time → same event id, so Inngest dedupes a double dispatch.
      id: `msg-${m.id}-${m.scheduledFor.getTime()}`,
      data: { messageId: m.id, scheduledFor: m.scheduledFor.toISOString() },
    })),
  );
}

export function dispatchCancelledMessages(ids: string[]): Promise<DispatchResult> {
  return send(ids.map((id) => ({ name: "tpx/message.cancelled" as const, data: { messageId: id } })));
}

/** In-process handlers the local driver installs (no Inngest): fire and forget, the driver retries. */
type LocalHandlers = { checkIn?: (attendeeId: string) => void };
const local = globalThis as unknown as { __tpxLocalJobs?: LocalHandlers };

export function setLocalJobHandlers(handlers: LocalHandlers | undefined): void {
  local.__tpxLocalJobs = handlers;
}

/** Starts the plan for a checked-in attendee: an Inngest run, or the local driver at once. */
export async function dispatchCheckIn(attendeeId: string): Promise<DispatchResult> {
  if (g.__tpxJobSender) {
    return send([{ name: "tpx/attendee.checked-in", id: `checkin-${attendeeId}`, data: { attendeeId } }]);
  }
  local.__tpxLocalJobs?.checkIn?.(attendeeId);
  return { sent: 0 };
}

/** (Re)schedules the event's batch peer matching; the local driver polls for it instead. */
export function dispatchPeerBatch(eventId: string, runAt: Date): Promise<DispatchResult> {
  return send([
    {
      name: "tpx/peers.batch-scheduled",
      id: `peers-${eventId}-${runAt.getTime()}`,
      data: { eventId, runAt: runAt.toISOString() },
    },
  ]);
}
