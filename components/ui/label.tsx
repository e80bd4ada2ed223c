import * as React from "react";
import { cn } from "@/lib/utils";

/**
 * A plain <label> (was radix's Label, which only adds "no text selection on a double
 * click": select-none does that). Not a client component, so a form's label costs the
 * page no JavaScript of its own (the event page's registration form, decision 0205).
 */
export function Label({ className, ...props }: React.ComponentProps<"label">) {
  return (
    <label
      data-slot="label"
      className={cn(
        "text-sm leading-snug font-medium text-foreground select-none peer-disabled:cursor-not-allowed peer-disabled:opacity-60",
        className,
      )}
      {...props}
    />
  );
}
