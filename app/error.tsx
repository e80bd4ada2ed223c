"use client";

import { useEffect } from "react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button-variants";

/** Unexpected errors (bugs, a database that went away). Expected failures render in place instead. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;

  return (
    <main id="main" className="mx-auto grid min-h-[70dvh] max-w-md content-center justify-items-center gap-4 px-4 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="text-muted-foreground">
        That&apos;s on us, not you. Try again; if it keeps happening, tell the organizer
        {digest ? (
          <>
            {" "}
            and quote <code className="text-foreground">{digest}</code>
          </>
        ) : null}
        .
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        {/* The styles, not <Button>: every page loads this boundary's JavaScript (radix Slot is not needed). */}
        <button type="button" className={buttonVariants({ size: "lg" })} onClick={() => retry()}>
          Try again
        </button>
        <Link href="/" className={buttonVariants({ size: "lg", variant: "outline" })}>
          Home
        </Link>
      </div>
    </main>
  );
}
