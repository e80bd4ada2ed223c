"use client";

import { useState } from "react";

/**
 * The rendered email, on demand: a sandboxed iframe (no scripts, no same-origin
 * access, no navigation) plus the text part. The iframe only exists while open,
 * so a long outbox does not load hundreds of documents.
 */
export function EmailPreview({ subject, html, text }: { subject: string; html: string | null; text: string | null }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="group mt-1" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="inline-flex min-h-9 cursor-pointer items-center rounded-md text-sm font-medium text-primary hover:underline">
        {open ? "Hide email" : "Show email"}
        <span className="sr-only">: {subject}</span>
      </summary>
      {open ? (
        <div className="mt-2 grid gap-3">
          {html ? (
            <iframe
              sandbox=""
              srcDoc={html}
              title={`Rendered email: ${subject}`}
              className="h-[32rem] w-full min-w-[22rem] rounded-md border border-border bg-white"
            />
          ) : (
            <p className="text-sm text-muted-foreground">No HTML part recorded.</p>
          )}
          {text ? (
            <div className="grid gap-1">
              <p className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">Text part</p>
              <pre className="max-h-80 overflow-auto rounded-md bg-muted p-3 font-sans text-sm whitespace-pre-wrap">
                {text}
              </pre>
            </div>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}
