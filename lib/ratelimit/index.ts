/**
 * Rate limits (SPEC §8) on rate-limiter-flexible's Drizzle store, in our own database.
 * The edge calls `consume` / `consumeAll` and answers a refusal with `rateLimitResponse`
 * (429 + Retry-After, or 503 for a fail-closed limit whose table is down); login goes
 * through `authorizeWithLockout`. Numbers: ./limits.ts. Behaviour on outage:
 * docs/reliability.md "Rate limits".
 */
export { consume, consumeAll, consumeWith, type ConsumeResult } from "./consume";
export { limits, loginLockout, lockSecondsAfter, type LimitName, type LimitSpec, type LockoutPolicy } from "./limits";
export { tooManyRequests, limiterUnavailable, rateLimitResponse } from "./response";
export { clientIp, UNKNOWN_IP } from "./client-ip";
export { authorizeWithLockout, type LoginAttempt, type LoginOutcome } from "./login";
export { purgeExpiredRateLimits } from "./store";
export { describeWait } from "./wait";
