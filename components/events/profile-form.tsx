"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { CircleCheck, ListTodo } from "lucide-react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field, controlProps, fieldErrorText } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { FOCUS_AREAS, PROFILE_LABELS, REVENUE_TIER_LABELS, missingList, type ProfileFieldName } from "./profile-fields";

export type ProfileValues = {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  company_name: string;
  business_type: string;
  service_area: string;
  revenue_tier: string;
  team_size: string;
  focus_areas: string[];
  language: "en" | "es";
};

export type ProfileFormState =
  | { status: "idle" }
  | { status: "saved"; completed: boolean; missingFields: string[] }
  | { status: "error"; message?: string; fields: Record<string, string> };

export type ProfileAction = (state: ProfileFormState, formData: FormData) => Promise<ProfileFormState>;

const ORDER: ProfileFieldName[] = [
  "first_name",
  "last_name",
  "phone",
  "company_name",
  "business_type",
  "service_area",
  "revenue_tier",
  "team_size",
  "focus_areas",
];

const focusAreaId = (value: string) => `focus_areas-${value.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

export function ProfileForm({
  action,
  initial,
  initialMissing,
}: {
  action: ProfileAction;
  initial: ProfileValues;
  /** Missing when the page loaded; replaced by the answer of each save. */
  initialMissing: string[];
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const fields = state.status === "error" ? state.fields : {};
  const errorFor = (name: ProfileFieldName) => (fields[name] ? fieldErrorText(PROFILE_LABELS[name], fields[name]) : undefined);
  const summary = ORDER.filter((name) => fields[name]).map((name) => ({
    fieldId: name === "focus_areas" ? focusAreaId(FOCUS_AREAS[0].value) : name,
    text: errorFor(name)!,
  }));
  // Values already on file that are not in our list stay selectable (and kept).
  const extraAreas = initial.focus_areas.filter((a) => !FOCUS_AREAS.some((f) => f.value === a));

  // onSubmit keeps what was typed on screen; a plain form action would reset the form after it returns.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  const text = (name: Exclude<ProfileFieldName, "revenue_tier" | "team_size" | "focus_areas">, autoComplete: string, hint?: string) => (
    <Field id={name} label={PROFILE_LABELS[name]} error={errorFor(name)} hint={hint}>
      <Input
        {...controlProps(name, { error: errorFor(name), hint })}
        name={name}
        autoComplete={autoComplete}
        type={name === "phone" ? "tel" : "text"}
        inputMode={name === "phone" ? "tel" : undefined}
        defaultValue={initial[name]}
      />
    </Field>
  );

  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-6" noValidate aria-label="Your profile">
      {state.status === "error" ? (
        <ErrorSummary
          title="Please check your profile"
          message={summary.length === 0 ? (state.message ?? "Something went wrong. Please try again.") : undefined}
          errors={summary}
          focusKey={state}
        />
      ) : null}
      {state.status === "saved" ? (
        <SavedNotice completed={state.completed} missingFields={state.missingFields} />
      ) : state.status === "idle" ? (
        <ProfileProgress missingFields={initialMissing} />
      ) : null}

      <div className="grid gap-5 sm:grid-cols-2">
        {text("first_name", "given-name")}
        {text("last_name", "family-name")}
      </div>
      <Field id="email" label="Email" hint="This is the address you registered with.">
        <Input {...controlProps("email", { hint: true })} type="email" readOnly defaultValue={initial.email} />
      </Field>
      {text("phone", "tel", "Your mobile number, for event-day texts if you opted in.")}
      {text("company_name", "organization")}
      <div className="grid gap-5 sm:grid-cols-2">
        {text("business_type", "off", "For example: roofing, HVAC, plumbing.")}
        {text("service_area", "off", "Where you work, e.g. Austin metro.")}
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="revenue_tier" label={PROFILE_LABELS.revenue_tier} error={errorFor("revenue_tier")}>
          <Select
            {...controlProps("revenue_tier", { error: errorFor("revenue_tier") })}
            name="revenue_tier"
            defaultValue={initial.revenue_tier}
          >
            <option value="">Choose a range</option>
            {Object.entries(REVENUE_TIER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="team_size" label={PROFILE_LABELS.team_size} error={errorFor("team_size")} hint="People, including you.">
          <Input
            {...controlProps("team_size", { error: errorFor("team_size"), hint: true })}
            name="team_size"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            defaultValue={initial.team_size}
          />
        </Field>
      </div>

      <Field id="language" label="Language for texts, emails and your agenda" hint="Idioma de sus mensajes, correos y agenda.">
        <Select {...controlProps("language", { hint: true })} name="language" defaultValue={initial.language}>
          <option value="en">English</option>
          <option value="es" lang="es">
            Español
          </option>
        </Select>
      </Field>

      <fieldset
        className="grid gap-3"
        aria-describedby={errorFor("focus_areas") ? "focus_areas-error" : "focus_areas-hint"}
        aria-invalid={errorFor("focus_areas") ? true : undefined}
      >
        <legend className="text-sm font-medium">{PROFILE_LABELS.focus_areas}</legend>
        <p id="focus_areas-hint" className="-mt-1 text-sm text-muted-foreground">
          What do you want to get better at? Pick any that apply.
        </p>
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {[...FOCUS_AREAS, ...extraAreas.map((a) => ({ value: a, label: a[0].toUpperCase() + a.slice(1) }))].map((area) => {
            const id = focusAreaId(area.value);
            return (
              <label
                key={area.value}
                htmlFor={id}
                className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-border px-3 py-2 text-sm has-[:checked]:border-primary/60 has-[:checked]:bg-accent"
              >
                <Checkbox
                  id={id}
                  name="focus_areas"
                  value={area.value}
                  defaultChecked={initial.focus_areas.includes(area.value)}
                />
                <span>{area.label}</span>
              </label>
            );
          })}
        </div>
        {errorFor("focus_areas") ? (
          <p id="focus_areas-error" className="text-sm font-medium text-destructive">
            {errorFor("focus_areas")}
          </p>
        ) : null}
      </fieldset>

      <SubmitButton pending={pending} pendingLabel="Saving…" size="lg" className="w-full sm:w-auto">
        Save profile
      </SubmitButton>
    </form>
  );
}

function SavedNotice({ completed, missingFields }: { completed: boolean; missingFields: string[] }) {
  if (completed) {
    return (
      <Alert variant="success" role="status">
        <CircleCheck aria-hidden="true" />
        <AlertTitle>Profile complete — you won&apos;t get more reminders</AlertTitle>
        <AlertDescription>
          <p>Thanks! We&apos;ll use it to pick the sessions, sponsors and people worth your time.</p>
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <Alert variant="info" role="status">
      <ListTodo aria-hidden="true" />
      <AlertTitle>Saved. Your profile is not complete yet</AlertTitle>
      <AlertDescription>
        <p>Still missing: {missingList(missingFields)}.</p>
      </AlertDescription>
    </Alert>
  );
}

function ProfileProgress({ missingFields }: { missingFields: string[] }) {
  if (missingFields.length === 0) {
    return (
      <Alert variant="success">
        <CircleCheck aria-hidden="true" />
        <AlertTitle>Your profile is complete</AlertTitle>
        <AlertDescription>
          <p>You can still update it here.</p>
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <Alert variant="info">
      <ListTodo aria-hidden="true" />
      <AlertTitle>Still needed: {missingList(missingFields)}</AlertTitle>
      <AlertDescription>
        <p>Fill them in and we&apos;ll stop sending profile reminders.</p>
      </AlertDescription>
    </Alert>
  );
}
