"use client";

import { useEffect, useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Checkbox } from "@/components/ui/checkbox";

/**
 * Re-renders the page's server data every few seconds while on, so the outbox
 * shows the local driver's sends as they happen. Paused while the tab is hidden.
 * The next refresh is only scheduled once the last one has rendered (a fixed
 * interval started a new render before a slow one ended, and they piled up).
 */
export function AutoRefresh({ intervalMs = 5000, label = "Live updates" }: { intervalMs?: number; label?: string }) {
  const router = useRouter();
  const id = useId();
  const [on, setOn] = useState(true);
  const [pending, startTransition] = useTransition();
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!on || pending) return;
    const timer = window.setTimeout(() => {
      if (document.visibilityState === "visible") startTransition(() => router.refresh());
      else setTick((t) => t + 1);
    }, intervalMs);
    return () => window.clearTimeout(timer);
  }, [on, pending, tick, intervalMs, router]);

  return (
    <label htmlFor={id} className="inline-flex cursor-pointer items-center gap-2 text-sm text-muted-foreground">
      <Checkbox id={id} checked={on} onChange={(e) => setOn(e.target.checked)} />
      {label} <span className="sr-only">(refreshes every {Math.round(intervalMs / 1000)} seconds)</span>
    </label>
  );
}
