"use client";

import { useEffect, useRef } from "react";
import { CircleAlert } from "lucide-react";

export type SummaryError = { fieldId: string; text: string };

/**
 * The list of what went wrong, at the top of a form. It takes focus when a
 * submission comes back with errors (and is announced: role="alert"), and each
 * item links to its field.
 */
export function ErrorSummary({
  title = "There is a problem",
  message,
  errors,
  focusKey,
}: {
  title?: string;
  message?: string;
  errors: SummaryError[];
  /** Changes once per submission (the action's state object): each failed attempt moves focus here once. */
  focusKey: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = errors.length > 0 || Boolean(message);

  useEffect(() => {
    if (visible) ref.current?.focus();
    // Only a new submission result moves focus, not every re-render of the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);

  if (!visible) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="rounded-lg border border-destructive/40 bg-destructive/8 p-4 text-sm focus-visible:outline-destructive"
    >
      <p id="error-summary-title" className="flex items-center gap-2 font-semibold text-foreground">
        <CircleAlert aria-hidden="true" className="size-5 text-destructive" />
        {title}
      </p>
      {message ? <p className="mt-1 text-muted-foreground">{message}</p> : null}
      {errors.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {errors.map((e) => (
            <li key={e.fieldId}>
              <a href={`#${e.fieldId}`} className="font-medium text-destructive underline underline-offset-2">
                {e.text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
