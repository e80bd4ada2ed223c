"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

/**
 * The rendered email, on demand, at a readable width: a sandboxed iframe (no
 * scripts, no same-origin access, no navigation) plus the text part. The iframe
 * only exists while the dialog is open, so a long outbox loads no documents.
 */
export function EmailPreview({
  subject,
  to,
  html,
  text,
}: {
  subject: string;
  to: string | null;
  html: string | null;
  text: string | null;
}) {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="link" size="sm" className="h-auto py-1">
          Show email<span className="sr-only">: {subject}</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{subject}</DialogTitle>
          <DialogDescription>{to ? `To ${to}` : "Rendered email"}</DialogDescription>
        </DialogHeader>
        {html ? (
          <iframe
            sandbox=""
            srcDoc={html}
            title={`Rendered email: ${subject}`}
            className="h-[60dvh] w-full rounded-md border border-border bg-white"
          />
        ) : (
          <p className="text-sm text-muted-foreground">No HTML part recorded.</p>
        )}
        {text ? (
          <details className="grid gap-1">
            <summary className="cursor-pointer text-sm font-medium">Text part</summary>
            <pre className="mt-2 max-h-72 overflow-auto rounded-md bg-muted p-3 font-sans text-sm whitespace-pre-wrap">
              {text}
            </pre>
          </details>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
