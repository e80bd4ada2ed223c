"use client";

import { useEffect } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

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
        <Button size="lg" onClick={() => retry()}>
          Try again
        </Button>
        <Button asChild size="lg" variant="outline">
          <Link href="/">Home</Link>
        </Button>
      </div>
    </main>
  );
}
