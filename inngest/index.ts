import { deliverMessageFunction } from "./functions/deliver-message";

/** Every function served at /api/inngest. */
export const functions = [deliverMessageFunction];
