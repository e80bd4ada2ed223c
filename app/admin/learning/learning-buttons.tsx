"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { refitWeightsAction, revertWeightsAction } from "./actions";

export function LearningButtons({ organizer, label, hasActive }: { organizer: string; label: string; hasActive: boolean }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (fn: typeof refitWeightsAction) =>
    startTransition(async () => {
      const r = await fn(organizer);
      setMessage(r.message);
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" aria-label={`Re-fit weights for ${label}`} aria-disabled={pending || undefined} onClick={() => run(refitWeightsAction)}>
        {pending ? "Working…" : "Re-fit"}
      </Button>
      <Button
        size="sm"
        variant="outline"
        aria-label={`Revert ${label} to default weights`}
        disabled={!hasActive}
        onClick={() => run(revertWeightsAction)}
      >
        Revert to defaults
      </Button>
      {message ? <p role="status" className="text-sm text-muted-foreground">{message}</p> : null}
    </div>
  );
}
