import type { SavedMessage } from "@/lib/messaging/store";
import type { JobEvent } from "./events";

/**
 * The one entry point lib/ uses to start jobs (CONVENTIONS: lib never imports
 * inngest/). With Inngest configured, inngest/client.ts installs a sender at start
 * and every planned message gets a run that sleeps until its time. Without one,
 * nothing is sent: the local driver finds due rows in the outbox itself.
 *
 * A failed send is NOT swallowed into a log line: the rows stay `scheduled`, the
 * backstop sweep delivers them when overdue, the error is returned, and every failure
 * is counted by the recorder start-up installs (shown in GET /api/health), so no call
 * site can drop one unseen.
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

export type DispatchFailure = { events: number; kinds: string[]; error: string };
type FailureRecorder = (failure: DispatchFailure) => Promise<void>;
const rec = globalThis as unknown as { __tpxDispatchFailures?: FailureRecorder | null };

/** Start-up installs one that persists the count (lib/jobs/health.ts); tests install their own. */
export function setDispatchFailureRecorder(recorder: FailureRecorder | null): void {
  rec.__tpxDispatchFailures = recorder;
}

async function send(events: JobEvent[]): Promise<DispatchResult> {
  const sender = g.__tpxJobSender;
  if (!sender || events.length === 0) return { sent: 0 };
  let sent = 0;
  try {
    for (let i = 0; i < events.length; i += 500) {
      const chunk = events.slice(i, i + 500);
      await sender(chunk);
      sent += chunk.length;
    }
    return { sent };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    const failure = { events: events.length - sent, kinds: [...new Set(events.slice(sent).map((e) => e.name))], error };
    // Recording must not turn a lost event into a crashed request: the row is still in the outbox.
    await rec.__tpxDispatchFailures?.(failure).catch((e) => console.error("[tpx] could not record a dispatch failure", e));
    return { sent, error };
  }
}

/** Call after the transaction that wrote the rows has committed. */
export function dispatchScheduledMessages(messages: SavedMessage[]): Promise<DispatchResult> {
  return send(
    messages.map((m) => ({
      name: "tpx/message.scheduled" as const,
      // Same row + time + version → same id, so Inngest dedupes a double dispatch; a cancel
      // and re-plan to the same time bumps the version, so it is not dropped (decision 0111).
      id: `msg-${m.id}-${m.scheduledFor.getTime()}-v${m.scheduleVersion ?? 0}`,
      data: {
        messageId: m.id,
        scheduledFor: m.scheduledFor.toISOString(),
        ...(m.scheduleVersion !== undefined && { version: m.scheduleVersion }),
        ...(m.channel && { channel: m.channel }),
      },
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

/**
 * (Re)schedules the event's completion at its end (SPEC §6). The id carries the end, so a
 * moved end starts a fresh run; the older run wakes, sees the end moved and stands down.
 */
export function dispatchEventCompletion(eventId: string, endsAt: Date): Promise<DispatchResult> {
  return send([
    {
      name: "tpx/event.end-scheduled",
      id: `complete-${eventId}-${endsAt.getTime()}`,
      data: { eventId, endsAt: endsAt.toISOString() },
    },
  ]);
}
