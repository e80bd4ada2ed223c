import { betweenEventsFunction } from "./functions/between-events";
import { completeEventFunction } from "./functions/complete-event";
import { buildAttendeePlanFunction } from "./functions/build-attendee-plan";
import { deliverMessageFunction } from "./functions/deliver-message";
import { deliverSmsFunction } from "./functions/deliver-sms";
import { outboxBackstopsFunction } from "./functions/outbox-backstops";
import { peerBatchMatchingFunction } from "./functions/peer-batch-matching";

/** Every function served at /api/inngest. */
export const functions = [
  deliverMessageFunction,
  deliverSmsFunction,
  outboxBackstopsFunction,
  buildAttendeePlanFunction,
  peerBatchMatchingFunction,
  completeEventFunction,
  betweenEventsFunction,
];
