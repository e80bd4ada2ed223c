"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { LoaderCircle } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

/** Stop asking after this many polls (10 min at 5 s): a plan that slow needs a person, not a loop. */
const MAX_POLLS = 120;

/**
 * Shown while the plan is being built. Every few seconds it asks the server (a light
 * status check, not a page render: each render of the agenda page counts as an
 * "opened" engagement signal) and, once the plan is no longer pending, re-renders the
 * page with router.refresh(). Paused while the tab is hidden.
 */
export function PlanPending({
  checkStatus,
  title,
  body,
  intervalMs = 5000,
}: {
  checkStatus: () => Promise<string | null>;
  title: string;
  body: string;
  intervalMs?: number;
}) {
  const router = useRouter();

  useEffect(() => {
    let polls = 0;
    let inFlight = false;
    let done = false;
    const timer = window.setInterval(async () => {
      if (done || inFlight || document.visibilityState !== "visible") return;
      if (++polls > MAX_POLLS) {
        window.clearInterval(timer);
        return;
      }
      inFlight = true;
      try {
        const status = await checkStatus();
        if (!done && status !== "pending") {
          done = true;
          window.clearInterval(timer);
          router.refresh();
        }
      } catch {
        // A dropped connection on the venue's Wi-Fi: try again on the next tick.
      } finally {
        inFlight = false;
      }
    }, intervalMs);
    return () => {
      done = true;
      window.clearInterval(timer);
    };
  }, [checkStatus, intervalMs, router]);

  return (
    <Alert variant="info" role="status">
      <LoaderCircle aria-hidden="true" className="animate-spin" />
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        <p>{body}</p>
      </AlertDescription>
    </Alert>
  );
}
