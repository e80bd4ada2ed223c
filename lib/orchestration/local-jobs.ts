import { and, eq, inArray, isNotNull, lt, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventAttendees } from "@/db/schema";
import type { PersonalizeDeps } from "@/lib/ai/types";
import { whenForegroundQuiet } from "@/lib/jobs/foreground";
import { buildAttendeePlan } from "./build";
import { dueBatchEvents, runPeerBatch } from "./peer-batch";

export const MAX_PLAN_ATTEMPTS = 5;

/**
 * The orchestration without Inngest (SPEC §4): a check-in starts its plan at once
 * in this process; a sweep retries plans left pending or failed (crash, model
 * outage) and runs each event's batch peer matching when it is due.
 */
export function localOrchestration(db: Db, opts: { retryAfterMs?: number; deps?: PersonalizeDeps; onError?: (e: unknown) => void } = {}) {
  const running = new Set<string>();
  const log = opts.onError ?? ((e: unknown) => console.error("[tpx] plan", e));

  async function runPlan(attendeeId: string) {
    if (running.has(attendeeId)) return;
    running.add(attendeeId);
    try {
      // Each phase waits for a quiet moment at the door (scans first: lib/jobs/foreground.ts).
      await buildAttendeePlan(db, attendeeId, opts.deps, { yieldTo: () => whenForegroundQuiet() });
    } catch (err) {
      log(err);
    } finally {
      running.delete(attendeeId);
    }
  }

  async function sweep(now: Date) {
    const cutoff = new Date(now.getTime() - (opts.retryAfterMs ?? 15_000));
    const stuck = await db
      .select({ id: eventAttendees.id })
      .from(eventAttendees)
      .where(
        and(
          inArray(eventAttendees.planStatus, ["pending", "failed"]),
          lt(eventAttendees.planAttempts, MAX_PLAN_ATTEMPTS),
          isNotNull(eventAttendees.checkInTime),
          or(
            and(eq(eventAttendees.planStatus, "pending"), lte(eventAttendees.checkInTime, cutoff)),
            and(eq(eventAttendees.planStatus, "failed"), lte(eventAttendees.updatedAt, cutoff)),
          ),
        ),
      )
      .limit(20);
    for (const { id } of stuck) await runPlan(id);
    for (const eventId of await dueBatchEvents(db, now)) await runPeerBatch(db, eventId, now);
  }

  // Plans queue behind scans (issue 9): one plan at a time, each started after the
  // check-in's answer has gone out, so a burst of arrivals does not start a burst of
  // concurrent plans; and each of its database phases waits until the door has been
  // quiet for a moment (bounded: docs/decisions/0200), since on PGlite a plan shares the
  // one connection with the scans.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (id: string) => {
    queue = queue.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => runPlan(id));
  };

  return { onCheckIn: enqueue, sweep };
}
