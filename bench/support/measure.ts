import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";

export { runPool } from "@/lib/pool";

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

/**
 * Like `timed`, plus the share of one core this process used meanwhile: on a loaded
 * machine a low figure says the process waited for a CPU, not for the database.
 */
export async function timedWithCpu<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpuPercent: number }> {
  const cpu = process.cpuUsage();
  const { value, ms } = await timed(fn);
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuPercent: ((used.user + used.system) / 1000 / ms) * 100 };
}

/** Nearest-rank percentile of an ascending-sorted array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    mean: sorted.length ? sum / sorted.length : NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    sum,
  };
}

/** The 1/5/15-minute load averages, as `uptime` prints them. */
export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
}

export function round(n: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** How many times each value occurs. */
export function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
