"use client";

import { useActionState } from "react";
import type { EventStatus } from "@/db/schema";
import { SubmitButton } from "@/components/form/submit-button";
import { Alert, AlertTitle } from "@/components/ui/alert";
import type { ConsoleFormAction, ConsoleFormState } from "./form-state";

/** Publish / unpublish buttons, and cancellation behind a confirmation box. */
export function StatusControls({ action, allowed }: { action: ConsoleFormAction; allowed: EventStatus[] }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ConsoleFormState);
  return (
    <div className="grid gap-3">
      {state.status !== "idle" ? (
        <Alert variant={state.status === "saved" ? "success" : "destructive"} role={state.status === "saved" ? "status" : "alert"}>
          <AlertTitle>{state.status === "saved" ? state.message : (state.fields.confirm ?? state.message)}</AlertTitle>
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-start gap-4">
        {allowed.includes("published") ? (
          <form action={formAction}>
            <input type="hidden" name="to" value="published" />
            <SubmitButton pending={pending} pendingLabel="Publishing…">
              Publish
            </SubmitButton>
          </form>
        ) : null}
        {allowed.includes("draft") ? (
          <form action={formAction}>
            <input type="hidden" name="to" value="draft" />
            <SubmitButton pending={pending} pendingLabel="Unpublishing…" variant="outline">
              Unpublish
            </SubmitButton>
          </form>
        ) : null}
        {allowed.includes("cancelled") ? (
          <form action={formAction} className="grid gap-2 rounded-lg border border-destructive/40 p-3">
            <input type="hidden" name="to" value="cancelled" />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="confirm" value="yes" className="size-4" />
              Yes, cancel this event and every pending message
            </label>
            <SubmitButton pending={pending} pendingLabel="Cancelling…" variant="destructive">
              Cancel event
            </SubmitButton>
          </form>
        ) : null}
      </div>
    </div>
  );
}
