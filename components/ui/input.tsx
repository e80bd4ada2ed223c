import * as React from "react";
import { cn } from "@/lib/utils";

/** 44px high with 16px text on phones (no iOS zoom on focus), denser from `sm` up. */
export const inputClasses =
  "flex h-11 w-full min-w-0 rounded-md border border-input bg-card px-3 py-2 text-base text-foreground shadow-xs transition-colors placeholder:text-muted-foreground/80 focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring disabled:cursor-not-allowed disabled:opacity-60 [&[readonly]]:bg-muted [&[readonly]]:text-muted-foreground aria-invalid:border-destructive aria-invalid:focus-visible:outline-destructive sm:text-sm file:border-0 file:bg-transparent file:text-sm file:font-medium";

export function Input({ className, type = "text", ...props }: React.ComponentProps<"input">) {
  return <input type={type} data-slot="input" className={cn(inputClasses, className)} {...props} />;
}
