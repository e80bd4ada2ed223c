"use client";

import { QrCode as QrIcon } from "lucide-react";
import { QrCode } from "@/components/events/qr-code";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

/**
 * The check-in code one tap away at any scroll position: a button fixed to the
 * bottom of the screen that opens the code in a dialog (focus moves in, Escape closes).
 */
export function QrButton({
  svg,
  code,
  strings,
}: {
  svg: string;
  code: string;
  strings: { button: string; title: string; description: string; label: string; status: string; caption: string };
}) {
  return (
    <Dialog>
      <div className="pointer-events-none fixed inset-x-0 bottom-0 z-40 flex justify-end p-4 pb-[max(1rem,env(safe-area-inset-bottom))]">
        <DialogTrigger asChild>
          <Button size="lg" className="pointer-events-auto rounded-full shadow-lg">
            <QrIcon aria-hidden="true" />
            {strings.button}
          </Button>
        </DialogTrigger>
      </div>
      <DialogContent className="max-w-sm justify-items-center text-center">
        <DialogHeader className="justify-items-center pr-0">
          <DialogTitle>{strings.title}</DialogTitle>
          <DialogDescription>{strings.description}</DialogDescription>
        </DialogHeader>
        <p className="font-medium">{strings.status}</p>
        <QrCode svg={svg} code={code} label={strings.label} caption={strings.caption} className="max-w-64" />
      </DialogContent>
    </Dialog>
  );
}
