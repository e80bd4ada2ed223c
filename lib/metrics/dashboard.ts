import type { Db } from "@/db/client";
import { now as clockNow } from "@/lib/clock";
import { arrivalRate, arrivalSeries, attendanceCounts, scanOutcomes } from "./attendance";
import { deliverySuccess, failureReasons, lateness, messagesByTypeAndStatus, queueDepth, smsSegmentsDue } from "./messages";
import { planFailureReasons, planStates, recommendationEngagement } from "./plans";
import { schedulerHealth, smsPace } from "./scheduler";
import { recommendationConversion } from "./conversion";

/** Every figure of one event's dashboard (SPEC §7), each its own query; the JSON the page polls. */
export async function eventDashboard(db: Db, eventId: string) {
  const at = clockNow();
  const [attendance, arrivals, rate, scans, messages, queue, smsDue, failures, delivery, late, plans, planFailures, engagement, scheduler, conversion] =
    await Promise.all([
      attendanceCounts(db, eventId),
      arrivalSeries(db, eventId),
      arrivalRate(db, eventId, at),
      scanOutcomes(db, eventId),
      messagesByTypeAndStatus(db, eventId),
      queueDepth(db, eventId, at),
      smsSegmentsDue(db, eventId, at),
      failureReasons(db, eventId),
      deliverySuccess(db, eventId),
      lateness(db, eventId),
      planStates(db, eventId),
      planFailureReasons(db, eventId),
      recommendationEngagement(db, eventId),
      schedulerHealth(db, at),
      recommendationConversion(db, eventId),
    ]);
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
