/**
 * At most `perSecond` calls start per second in this process, evenly spaced (a token
 * bucket of capacity one): each call waits for the next free slot. For Resend's account
 * limit (2 requests/s by default). Per process: a second process sending at the same time
 * shares the account's limit, and Resend answers the excess 429 with Retry-After, which the
 * channel and the outbox's retries honour (decision 0192).
 */
export function requestThrottle(perSecond: number, clock: () => number = Date.now, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))) {
  const gap = 1000 / perSecond;
  let nextFree = 0;
  return async (): Promise<number> => {
    const t = clock();
    const slot = Math.max(t, nextFree);
    nextFree = slot + gap;
    if (slot > t) await sleep(slot - t);
    return slot - t;
  };
}
