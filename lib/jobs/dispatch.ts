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
