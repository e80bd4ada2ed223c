import { buildAttendeePlanFunction } from "./functions/build-attendee-plan";
import { deliverMessageFunction } from "./functions/deliver-message";
import { peerBatchMatchingFunction } from "./functions/peer-batch-matching";

/** Every function served at /api/inngest. */
export const functions = [deliverMessageFunction, buildAttendeePlanFunction, peerBatchMatchingFunction];
