import * as React from "react";
import { Check } from "lucide-react";
import { cn } from "@/lib/utils";

/**
 * A native checkbox, styled: it posts with the form, works before hydration and
 * keeps the browser's own semantics (getByRole("checkbox"), Space to toggle).
 */
export function Checkbox({ className, ...props }: Omit<React.ComponentProps<"input">, "type">) {
  return (
    <span className={cn("relative inline-flex size-5 shrink-0 items-center justify-center", className)}>
      <input
        type="checkbox"
        data-slot="checkbox"
        className="peer size-5 cursor-pointer appearance-none rounded-[5px] border border-input bg-card shadow-xs transition-colors checked:border-primary checked:bg-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-destructive"
        {...props}
      />
      <Check
        aria-hidden="true"
        strokeWidth={3}
        className="pointer-events-none absolute size-3.5 text-primary-foreground opacity-0 peer-checked:opacity-100"
      />
    </span>
  );
}
