"use client";

import { useActionState, useState } from "react";
import { Check, Copy, KeyRound } from "lucide-react";
import { controlProps, Field, fieldErrorText } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { createApiKeyAction, type CreateKeyState } from "./actions";

const NAME_HINT = "Who or what uses it, e.g. “CRM sync”.";
const SCOPE_HINT = "Read: GET only. Write: also create, change and cancel.";

export function CreateKeyForm() {
  const [state, formAction, pending] = useActionState<CreateKeyState, FormData>(createApiKeyAction, { status: "idle" });
  const fields = state.status === "error" ? (state.fields ?? {}) : {};
  return (
    <div className="grid gap-4">
      <form action={formAction} className="grid items-start gap-4 sm:grid-cols-[minmax(0,20rem)_minmax(0,12rem)_auto]" noValidate>
        <Field id="key-name" label="Name" hint={NAME_HINT} error={fields.name && fieldErrorText("Name", fields.name)}>
          <Input {...controlProps("key-name", { hint: NAME_HINT, error: fields.name })} name="name" required maxLength={100} />
        </Field>
        <Field id="key-scope" label="Scope" hint={SCOPE_HINT} error={fields.scope && fieldErrorText("Scope", fields.scope)}>
          <Select {...controlProps("key-scope", { hint: SCOPE_HINT, error: fields.scope })} name="scope" defaultValue="read">
            <option value="read">Read</option>
            <option value="write">Write</option>
          </Select>
        </Field>
        <SubmitButton pending={pending} pendingLabel="Creating…" className="sm:mt-6.5">
          <KeyRound aria-hidden="true" />
          Create key
        </SubmitButton>
      </form>
      {state.status === "error" && !state.fields ? (
        <Alert variant="destructive" role="alert">
          <AlertTitle>Couldn’t create the key</AlertTitle>
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      ) : null}
      {state.status === "created" ? <NewKey name={state.name} apiKey={state.key} scope={state.scope} /> : null}
    </div>
  );
}

function NewKey({ name, apiKey, scope }: { name: string; apiKey: string; scope: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Alert variant="success" role="status" aria-label="New API key">
      <KeyRound aria-hidden="true" />
      <AlertTitle>
        Key “{name}” created ({scope})
      </AlertTitle>
      <AlertDescription className="grid gap-2">
        <p>Copy it now: it is shown only once. Send it as <code>Authorization: Bearer …</code>.</p>
        <div className="flex flex-wrap items-center gap-2">
          <Input readOnly value={apiKey} aria-label="New API key value" className="max-w-xl font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <Button
            type="button"
            variant="outline"
            onClick={async () => {
              await navigator.clipboard.writeText(apiKey);
              setCopied(true);
            }}
          >
            {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
            {copied ? "Copied" : "Copy key"}
          </Button>
        </div>
      </AlertDescription>
    </Alert>
  );
}
