"use client";

import { useState, useTransition } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";

type Result = { ok: boolean; message: string; details?: string[] };

/**
 * A one-click action on a row (cancel, restore, retry, move up…): the server action
 * is bound by the page; the answer (and what moved) is announced beside the button.
 */
export function RowAction({
  run,
  label,
  pendingLabel,
  confirm,
  ...button
}: Omit<ButtonProps, "onClick"> & { run: () => Promise<Result>; label: React.ReactNode; pendingLabel: string; confirm?: string }) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<Result | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        type="button"
        size="sm"
        variant="outline"
        aria-disabled={pending || undefined}
        onClick={() => {
          if (pending) return;
          if (confirm && !window.confirm(confirm)) return;
          start(async () => setResult(await run()));
        }}
        {...button}
      >
        {pending ? pendingLabel : label}
      </Button>
      <span role="status" className={result && !result.ok ? "text-sm text-destructive" : "text-sm text-muted-foreground"}>
        {result ? [result.message, ...(result.details ?? [])].join(" ") : null}
      </span>
    </span>
  );
}
