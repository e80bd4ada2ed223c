"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/form/submit-button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

export type SmsFormState = { status: "idle" } | { status: "done"; message: string } | { status: "error"; message: string };
export type SmsFormAction = (state: SmsFormState, formData: FormData) => Promise<SmsFormState>;

/** One textarea and a button: "reply as staff" and the dev simulator share it. */
export function SmsForm({ action, label, submit, pendingLabel, id }: { action: SmsFormAction; label: string; submit: string; pendingLabel: string; id: string }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="grid gap-2" aria-label={label}>
      <Label htmlFor={id}>{label}</Label>
      <Textarea id={id} name="body" rows={2} maxLength={1000} required />
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending} pendingLabel={pendingLabel}>
          {submit}
        </SubmitButton>
        <p role="status" className={state.status === "error" ? "text-sm text-destructive" : "text-sm text-muted-foreground"}>
          {state.status === "idle" ? "" : state.message}
        </p>
      </div>
    </form>
  );
}
