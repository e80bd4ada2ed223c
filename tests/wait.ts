/** Polls `read` every `everyMs` until `done` says so or `timeoutMs` has passed; returns the last value read. */
export async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs: number, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
