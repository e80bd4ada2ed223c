"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { CircleCheck } from "lucide-react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field, controlProps, fieldErrorText } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { ConsoleFormAction, ConsoleFormState, FieldSpec } from "./form-state";

/**
 * One form for every console record (event, agenda item, speaker, sponsor, contact
 * data): fields from a spec, errors per field ("which field, why") from the server
 * action, a summary that takes focus, and the server's "what moved" after a save.
 */
export function EntityForm({
  action,
  fields,
  values,
  submitLabel,
  pendingLabel = "Saving…",
  timezones,
  resetOnSave = false,
  idPrefix = "",
}: {
  action: ConsoleFormAction;
  fields: FieldSpec[];
  values: Record<string, string>;
  submitLabel: string;
  pendingLabel?: string;
  timezones?: ReadonlyArray<{ value: string; label: string }>;
  resetOnSave?: boolean;
  idPrefix?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ConsoleFormState);
  const errors = state.status === "error" ? state.fields : {};
  const fid = (name: string) => `${idPrefix}${name}`;
  const errorFor = (f: FieldSpec) => (errors[f.name] ? fieldErrorText(f.label, errors[f.name]) : undefined);
  const summary = fields.filter((f) => errors[f.name]).map((f) => ({ fieldId: fid(f.name), text: errorFor(f)! }));
  const orphan = Object.entries(errors).filter(([k]) => !fields.some((f) => f.name === k)).map(([k, v]) => `${k}: ${v}`);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  const saved = state.status === "saved" ? state : null;
  return (
    <div className="grid gap-4">
      <ErrorSummary
        focusKey={state}
        message={state.status === "error" ? [state.message, ...orphan].filter(Boolean).join(" ") : undefined}
        errors={summary}
      />
      {saved ? (
        <Alert variant="success" role="status">
          <CircleCheck aria-hidden="true" />
          <AlertTitle>{saved.message}</AlertTitle>
          {saved.details?.length ? (
            <AlertDescription>
              <ul className="list-disc pl-5">
                {saved.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </AlertDescription>
          ) : null}
        </Alert>
      ) : null}
      <form key={resetOnSave && saved ? saved.at : 0} onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
        {fields.map((f) => {
          const id = fid(f.name);
          const error = errorFor(f);
          const common = { ...controlProps(id, { error, hint: f.hint }), name: f.name, defaultValue: values[f.name] ?? "" };
          let control: React.ReactNode;
          if (f.kind === "textarea") control = <Textarea {...common} rows={3} />;
          else if (f.kind === "select")
            control = (
              <Select {...common}>
                {(f.options ?? []).map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            );
          else if (f.kind === "timezone")
            control = (
              <>
                <Input {...common} list={`${id}-zones`} autoComplete="off" spellCheck={false} />
                <datalist id={`${id}-zones`}>
                  {(timezones ?? []).map((z) => (
                    <option key={z.value} value={z.value} label={z.label} />
                  ))}
                </datalist>
              </>
            );
          else control = <Input {...common} type={f.kind ?? "text"} step={f.kind === "number" ? "any" : undefined} />;
          return (
            <Field key={f.name} id={id} label={f.label} error={error} hint={f.hint} optional={f.optional} className={f.wide ? "sm:col-span-2" : undefined}>
              {control}
            </Field>
          );
        })}
        <div className="sm:col-span-2">
          <SubmitButton pending={pending} pendingLabel={pendingLabel}>
            {submitLabel}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
