"use client";

import { useActionState } from "react";
import { CircleCheck } from "lucide-react";
import { Field, controlProps } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Textarea } from "@/components/ui/textarea";

/** Plain strings only: a client component cannot take the dictionary's functions. */
export type FeedbackStrings = { score: string; scoreHint: string; comment: string; send: string; sending: string; thanks: string };

export type FeedbackFormState =
  | { status: "idle" }
  | { status: "saved" }
  /** Refused for this registration's state (already answered, not attended, not over): nothing changed. */
  | { status: "given" | "not_open"; message: string }
  | { status: "error"; message: string; fields: Record<string, string> };

export type FeedbackAction = (state: FeedbackFormState, formData: FormData) => Promise<FeedbackFormState>;

/** The post-event form: a 1–5 (radio buttons, big enough for a thumb) and a comment. */
export function FeedbackForm({ action, t }: { action: FeedbackAction; t: FeedbackStrings }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  if (state.status === "saved") {
    return (
      <Alert role="status">
        <CircleCheck aria-hidden="true" />
        <AlertTitle>{t.thanks}</AlertTitle>
      </Alert>
    );
  }
  const fields = state.status === "error" ? state.fields : {};
  return (
    <form action={formAction} className="grid gap-5" noValidate>
      {state.status === "given" || state.status === "not_open" || state.status === "error" ? (
        <Alert variant={state.status === "error" ? "destructive" : "default"} role="alert">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      ) : null}
      <fieldset className="grid gap-2" aria-describedby="score-hint">
        <legend className="text-sm font-medium">{t.score}</legend>
        <p id="score-hint" className="text-sm text-muted-foreground">
          {t.scoreHint}
        </p>
        <div className="flex gap-2">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="flex size-12 cursor-pointer items-center justify-center rounded-md border text-lg font-semibold has-checked:border-primary has-checked:bg-primary has-checked:text-primary-foreground">
              <input type="radio" name="score" value={n} className="sr-only" required />
              {n}
            </label>
          ))}
        </div>
        {fields.score ? <p className="text-sm text-destructive">{fields.score}</p> : null}
      </fieldset>
      <Field id="comment" label={t.comment} optional error={fields.comment}>
        <Textarea name="comment" maxLength={2000} {...controlProps("comment", { error: fields.comment })} />
      </Field>
      <SubmitButton pending={pending} pendingLabel={t.sending}>
        {t.send}
      </SubmitButton>
    </form>
  );
}
