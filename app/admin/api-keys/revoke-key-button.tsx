"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { revokeApiKeyAction } from "./actions";

export function RevokeKeyButton({ id, name }: { id: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); setError(null); }}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-md">
        <DialogHeader>
          <DialogTitle>Revoke “{name}”?</DialogTitle>
          <DialogDescription>Every call made with this key will be refused from now on. This cannot be undone.</DialogDescription>
        </DialogHeader>
        {error ? <p role="alert" className="text-sm font-medium text-destructive">{error}</p> : null}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="outline">Keep it</Button>
          </DialogClose>
          <Button
            variant="destructive"
            aria-disabled={pending || undefined}
            onClick={() =>
              startTransition(async () => {
                const result = await revokeApiKeyAction(id);
                if (result.ok) setOpen(false);
                else setError(result.message);
              })
            }
          >
            {pending ? "Revoking…" : "Revoke key"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
