/** Runs `fn` over `items` with at most `size` in flight (the local driver's batches, the benchmarks' clients). */
export async function runPool<T>(items: readonly T[], size: number, fn: (item: T, index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  });
  await Promise.all(workers);
}
