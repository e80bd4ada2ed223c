"use client";

import { useState, useTransition } from "react";
import { LoaderCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

export type EmailPreviewContent = { ok: true; html: string | null; text: string | null } | { ok: false; message: string };

/**
 * The rendered email, on demand, at a readable width: a sandboxed iframe (no
 * scripts, no same-origin access, no navigation) plus the text part. The HTML is
 * fetched when the dialog opens, so a long outbox page stays light.
 */
export function EmailPreview({
  subject,
  to,
  load,
}: {
  subject: string;
  to: string | null;
  load: () => Promise<EmailPreviewContent>;
}) {
  const [content, setContent] = useState<EmailPreviewContent | null>(null);
  const [pending, startTransition] = useTransition();

  function onOpenChange(open: boolean) {
    if (!open || content?.ok) return;
    startTransition(async () => {
      try {
        setContent(await load());
      } catch {
        setContent({ ok: false, message: "Could not load the email. Try again." });
      }
    });
  }

  return (
    <Dialog onOpenChange={onOpenChange}>
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
        {pending || !content ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status">
            <LoaderCircle aria-hidden="true" className="size-4 animate-spin" /> Loading the email…
          </p>
        ) : !content.ok ? (
          <p className="text-sm font-medium text-destructive" role="alert">
            {content.message}
          </p>
        ) : (
          <>
            {content.html ? (
              <iframe
                sandbox=""
                srcDoc={content.html}
                title={`Rendered email: ${subject}`}
                className="h-[60dvh] w-full rounded-md border border-border bg-white"
              />
            ) : (
              <p className="text-sm text-muted-foreground">No HTML part recorded.</p>
            )}
            {content.text ? (
              <details>
                <summary className="cursor-pointer text-sm font-medium">Text part</summary>
                <pre className="mt-2 max-h-72 overflow-auto rounded-md bg-muted p-3 font-sans text-sm whitespace-pre-wrap">
                  {content.text}
                </pre>
              </details>
            ) : null}
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
