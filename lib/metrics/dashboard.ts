import type { Db } from "@/db/client";
import { now as clockNow } from "@/lib/clock";
import { arrivalRate, arrivalSeries, attendanceCounts, scanOutcomes } from "./attendance";
import { failureReasons, lateness, outboxFigures } from "./messages";
import { planFailureReasons, planStates, recommendationEngagement } from "./plans";
import { schedulerHealth, smsPace } from "./scheduler";
import { recommendationConversion } from "./conversion";

/** Every figure of one event's dashboard (SPEC §7), each its own query; the JSON the page polls. */
export async function eventDashboard(db: Db, eventId: string) {
  const at = clockNow();
  const [attendance, arrivals, rate, scans, outbox, failures, late, plans, planFailures, engagement, scheduler, conversion] =
    await Promise.all([
      attendanceCounts(db, eventId),
      arrivalSeries(db, eventId),
      arrivalRate(db, eventId, at),
      scanOutcomes(db, eventId),
      outboxFigures(db, eventId, at),
      failureReasons(db, eventId),
      lateness(db, eventId),
      planStates(db, eventId),
      planFailureReasons(db, eventId),
      recommendationEngagement(db, eventId),
      schedulerHealth(db, at),
      recommendationConversion(db, eventId),
    ]);
  const { messages, queue, smsDue, delivery } = outbox;
  const pace = smsPace();
  return {
    at: at.toISOString(),
    attendance,
    arrivals,
    rate,
    scans,
    messages,
    queue,
    smsDrain: { ...smsDue, segmentsPerSecond: pace, seconds: smsDue.segments / pace },
    failures,
    delivery,
    lateness: late,
    plans,
    planFailures,
    engagement,
    conversion,
    scheduler,
  };
}

export type EventDashboard = Awaited<ReturnType<typeof eventDashboard>>;
