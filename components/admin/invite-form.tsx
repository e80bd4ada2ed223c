"use client";

import { useActionState } from "react";
import { Field, controlProps, fieldErrorText } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { Alert, AlertTitle } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import type { ConsoleFormAction, ConsoleFormState } from "./form-state";

/** Invite a staff member: name, email and the events whose check-in they will work. */
export function InviteForm({ action, events }: { action: ConsoleFormAction; events: Array<{ id: string; name: string }> }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ConsoleFormState);
  const fields = state.status === "error" ? state.fields : {};
  const err = (name: string, label: string) => (fields[name] ? fieldErrorText(label, fields[name]) : undefined);
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate>
      {state.status !== "idle" ? (
        <Alert variant={state.status === "saved" ? "success" : "destructive"} role={state.status === "saved" ? "status" : "alert"} className="sm:col-span-2">
          <AlertTitle>{state.status === "saved" ? state.message : state.message}</AlertTitle>
        </Alert>
      ) : null}
      <Field id="invite-name" label="Name" error={err("name", "Name")}>
        <Input {...controlProps("invite-name", { error: err("name", "Name") })} name="name" autoComplete="off" />
      </Field>
      <Field id="invite-email" label="Email" error={err("email", "Email")}>
        <Input {...controlProps("invite-email", { error: err("email", "Email") })} name="email" type="email" autoComplete="off" />
      </Field>
      <fieldset className="grid gap-2 sm:col-span-2" aria-describedby={fields.eventIds ? "invite-events-error" : undefined}>
        <legend className="text-sm font-medium">Events they check people in for</legend>
        {events.map((e) => (
          <label key={e.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="eventIds" value={e.id} className="size-4" />
            {e.name}
          </label>
        ))}
        {fields.eventIds ? (
          <p id="invite-events-error" className="text-sm font-medium text-destructive">
            Events: {fields.eventIds}
          </p>
        ) : null}
      </fieldset>
      <div className="sm:col-span-2">
        <SubmitButton pending={pending} pendingLabel="Sending…">
          Send invite
        </SubmitButton>
      </div>
    </form>
  );
}
