"use client";

import { useId, useRef } from "react";
import { QrCode as QrIcon, X } from "lucide-react";
import { QrCode } from "@/components/events/qr-code";
import { buttonVariants } from "@/components/ui/button-variants";
import { cn } from "@/lib/utils";

/**
 * The check-in code one tap away at any scroll position: a button fixed to the
 * bottom of the screen that opens the code in a modal dialog (focus moves in, the page
 * behind is inert, Escape or a tap outside closes, focus returns to the button).
 *
 * The browser's own <dialog> (showModal), not radix's Dialog: the agenda page is the
 * phone page Lighthouse measures, and the radix dialog was the largest piece of its
 * JavaScript, hydrated on every load for a tap most visits never make. The dialog is in
 * the server-rendered page, so it also opens offline (decision 0205).
 */
export function QrButton({
  svg,
  code,
  strings,
}: {
  svg: string;
  code: string;
  strings: { button: string; title: string; close: string; description: string; label: string; status: string; caption: string };
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const id = useId();
  const open = () => {
    // The page behind does not scroll while the code is up (radix's dialog did the same).
    document.documentElement.style.overflow = "hidden";
    dialog.current?.showModal();
  };
  const close = () => dialog.current?.close();

  return (
    <>
      <div className="pointer-events-none fixed inset-x-0 bottom-0 z-40 flex justify-end p-4 pb-[max(1rem,env(safe-area-inset-bottom))]">
        <button
          ref={trigger}
          type="button"
          aria-haspopup="dialog"
          className={cn(buttonVariants({ size: "lg" }), "pointer-events-auto rounded-full shadow-lg")}
          onClick={open}
        >
          <QrIcon aria-hidden="true" />
          {strings.button}
        </button>
      </div>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        // The dialog box has no padding: a click whose target is the <dialog> itself fell on the backdrop.
        onClick={(e) => {
          if (e.target === e.currentTarget) close();
        }}
        onClose={() => {
          document.documentElement.style.overflow = "";
          trigger.current?.focus();
        }}
        className="m-auto max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-sm overflow-y-auto rounded-xl border border-border bg-card p-0 text-card-foreground shadow-xl backdrop:bg-black/50 backdrop:backdrop-blur-[1px]"
      >
        <div className="relative grid justify-items-center gap-4 p-5 text-center sm:p-6">
          <div className="grid justify-items-center gap-1">
            <h2 id={`${id}-title`} className="text-lg leading-tight font-semibold tracking-tight">
              {strings.title}
            </h2>
            <p id={`${id}-description`} className="text-sm text-muted-foreground">
              {strings.description}
            </p>
          </div>
          <p className="font-medium">{strings.status}</p>
          <QrCode svg={svg} code={code} label={strings.label} caption={strings.caption} className="max-w-64" />
          <button
            type="button"
            onClick={close}
            className="absolute top-3 right-3 inline-flex size-9 cursor-pointer items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            <X aria-hidden="true" className="size-4" />
            <span className="sr-only">{strings.close}</span>
          </button>
        </div>
      </dialog>
    </>
  );
}
