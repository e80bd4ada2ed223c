"use client";

import { useEffect, useId, useState } from "react";
import { useRouter } from "next/navigation";
import { Checkbox } from "@/components/ui/checkbox";

/**
 * Re-renders the page's server data every few seconds while on, so the outbox
 * shows the local driver's sends as they happen. Paused while the tab is hidden.
 */
export function AutoRefresh({ intervalMs = 5000, label = "Live updates" }: { intervalMs?: number; label?: string }) {
  const router = useRouter();
  const id = useId();
  const [on, setOn] = useState(true);

  useEffect(() => {
    if (!on) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => window.clearInterval(timer);
  }, [on, intervalMs, router]);

  return (
    <label htmlFor={id} className="inline-flex cursor-pointer items-center gap-2 text-sm text-muted-foreground">
      <Checkbox id={id} checked={on} onChange={(e) => setOn(e.target.checked)} />
      {label} <span className="sr-only">(refreshes every {Math.round(intervalMs / 1000)} seconds)</span>
    </label>
  );
}
