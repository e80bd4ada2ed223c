"use client";

import type * as React from "react";
import type { VariantProps } from "class-variance-authority";
import { LoaderCircle } from "lucide-react";
import { buttonVariants } from "@/components/ui/button-variants";
import { cn } from "@/lib/utils";

/**
 * A submit button that says it is working while its form's action runs. A plain
 * <button> with the button styles (not <Button>, whose asChild brings radix's Slot into
 * every form page's JavaScript: decision 0205).
 */
export function SubmitButton({
  pending,
  pendingLabel,
  children,
  className,
  variant,
  size,
  ...props
}: React.ComponentProps<"button"> & VariantProps<typeof buttonVariants> & { pending: boolean; pendingLabel: string }) {
  return (
    <button
      type="submit"
      data-slot="button"
      aria-disabled={pending || undefined}
      className={cn(buttonVariants({ variant, size }), className)}
      {...props}
    >
      {pending ? (
        <>
          <LoaderCircle aria-hidden="true" className="animate-spin" />
          {pendingLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}
