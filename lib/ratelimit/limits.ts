/**
 * Every rate limit in one table (SPEC §8). Numbers are per key per window; the key is
 * what the name says (an IP, an email, a phone, an API key id), hashed before it is stored.
 *
 * `onStoreError` says what happens when the limiter's table cannot be read or written:
 * "open" lets the request through (and logs), "closed" refuses it. Registration, token
 * pages, self check-in and the API fail open: an outage of the counter must not stop an
 * event. Login fails closed (lib/ratelimit/login.ts): a guessing attack must not get
 * unlimited tries because the counter is down. See docs/reliability.md "Rate limits".
 */
export type LimitSpec = {
  /** Requests allowed per window. */
  points: number;
  /** Window length in seconds (fixed window starting at the first request). */
  durationSeconds: number;
  onStoreError: "open" | "closed";
};

export const limits = {
  /** Registrations from one IP. Generous: walk-ins at the door share the venue's NAT. */
  registrationIp: { points: 60, durationSeconds: 10 * 60, onStoreError: "open" },
  /** Registrations for one email (re-sends are throttled separately to 1 per 10 min). */
  registrationEmail: { points: 5, durationSeconds: 60 * 60, onStoreError: "open" },
  /** Registrations for one phone number (E.164). */
  registrationPhone: { points: 5, durationSeconds: 60 * 60, onStoreError: "open" },
  /** Token pages (plan, profile, calendar, unsubscribe) from one IP. */
  tokenPageIp: { points: 120, durationSeconds: 60, onStoreError: "open" },
  /** Self check-in posts from one IP: the whole venue may share one address. */
  selfCheckInIp: { points: 60, durationSeconds: 60, onStoreError: "open" },
  /** REST API requests per API key. */
  apiKey: { points: 600, durationSeconds: 60, onStoreError: "open" },
} as const satisfies Record<string, LimitSpec>;

export type LimitName = keyof typeof limits;

/** SPEC §8: a repeat registration re-sends the confirmation at most once per 10 minutes (lib/registration/register.ts). */
export const CONFIRMATION_RESEND_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Login lockout (lib/ratelimit/login.ts): after `freeFailures` consecutive failures the
 * key is locked for `baseLockSeconds`, and every further failure (once the lock ends)
 * locks it for twice as long as the last, up to `maxLockSeconds`. Failures are counted
 * over `failureWindowSeconds`; a success clears the account's count (not the IP's, so a
 * valid account cannot be used to wash an IP's record).
 */
export type LockoutPolicy = {
  freeFailures: number;
  baseLockSeconds: number;
  maxLockSeconds: number;
  failureWindowSeconds: number;
};

export const loginLockout = {
  loginAccount: { freeFailures: 5, baseLockSeconds: 60, maxLockSeconds: 30 * 60, failureWindowSeconds: 24 * 60 * 60 },
  loginIp: { freeFailures: 30, baseLockSeconds: 60, maxLockSeconds: 30 * 60, failureWindowSeconds: 60 * 60 },
} as const satisfies Record<string, LockoutPolicy>;

export type LockoutName = keyof typeof loginLockout;

/** Lock length after the n-th consecutive failure (n starts at 1); 0 while under the threshold. */
export function lockSecondsAfter(policy: LockoutPolicy, failures: number): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = failures - policy.freeFailures;
  // 2^doublings overflows nothing: min() caps long before doublings is large.
  return Math.min(policy.maxLockSeconds, policy.baseLockSeconds * 2 ** Math.min(doublings, 30));
}
