import { performance } from "node:perf_hooks";

/**
 * A yield point for long stretches of CPU work on the event loop (rendering a claimed batch of
 * emails, writing a batch's sentences): call it between items; once `sliceMs` of work has gone by
 * since the last yield, it lets timers and I/O run (`setImmediate`) before the next item.
 *
 * Rendering 100 emails is ~200 ms of synchronous JavaScript when every await in it resolves at
 * once; meanwhile every SMS lane's pacing timer waits, and a text number's second that passes
 * idle is lost for good (issue 13: the day's text bursts ran behind the ideal sender by the
 * email bursts' stalls).
 */
export function cooperative(sliceMs = 10): () => Promise<void> {
  let since = performance.now();
  // One pending yield shared by every caller (a pass renders in several workers): they all wait for
  // the same turn of the event loop instead of each taking a slice of its own in one turn.
  let pending: Promise<void> | null = null;
  return async () => {
    if (!pending && performance.now() - since < sliceMs) return;
    pending ??= new Promise<void>((resolve) =>
      setImmediate(() => {
        pending = null;
        since = performance.now();
        resolve();
      }),
    );
    await pending;
  };
}
