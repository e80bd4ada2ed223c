"use client";

import { useActionState } from "react";
import type { UnsubscribeState } from "@/app/unsubscribe/actions";
import { SubmitButton } from "@/components/form/submit-button";

type Action = (state: UnsubscribeState, formData: FormData) => Promise<UnsubscribeState>;

/** The confirmation step of the unsubscribe page (mail clients use the one-click POST instead). */
export function UnsubscribeForm({ action, token, children }: { action: Action; token: string; children: React.ReactNode }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="flex flex-col gap-4">
      {children}
      <input type="hidden" name="t" value={token} />
      {state.status === "error" ? (
        <p role="alert" className="text-destructive">
          {state.message}
        </p>
      ) : null}
      <SubmitButton pending={pending} pendingLabel="Unsubscribing…" size="lg">
        Unsubscribe
      </SubmitButton>
    </form>
  );
}
