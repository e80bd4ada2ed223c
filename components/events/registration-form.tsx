"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { CircleX } from "lucide-react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field, controlProps, fieldErrorText } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";

export type RegistrationValues = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  smsConsent: boolean;
  companyName: string;
  language: "en" | "es";
};

export type RegistrationFormState =
  | { status: "idle" }
  | { status: "error"; message?: string; fields: Record<string, string>; values: RegistrationValues }
  /** Registration closed while the page was open (the action answered 409). */
  | { status: "closed"; message: string };

export type RegistrationAction = (state: RegistrationFormState, formData: FormData) => Promise<RegistrationFormState>;

export const SMS_CONSENT_TEXT =
  "Text me my confirmation, reminders and my personal agenda. Msg & data rates may apply. Reply STOP to opt out.";

/** Field order and labels, shared by the inputs and the error summary. */
const LABELS: Record<keyof RegistrationValues, string> = {
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  phone: "Mobile phone",
  smsConsent: "Text messages",
  companyName: "Company",
  language: "Language",
};

const EMPTY: RegistrationValues = {
  firstName: "",
  lastName: "",
  email: "",
  phone: "",
  smsConsent: false,
  companyName: "",
  language: "en",
};

export function RegistrationForm({ action }: { action: RegistrationAction }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });

  if (state.status === "closed") {
    return (
      <FocusedAlert variant="warning">
        <CircleX aria-hidden="true" />
        <AlertTitle>Registration is closed</AlertTitle>
        <AlertDescription>
          <p>{state.message}</p>
        </AlertDescription>
      </FocusedAlert>
    );
  }

  const values = state.status === "error" ? state.values : EMPTY;
  const fields = state.status === "error" ? state.fields : {};
  const errorFor = (name: keyof RegistrationValues) =>
    fields[name] ? fieldErrorText(LABELS[name], fields[name]) : undefined;
  const summary = (Object.keys(LABELS) as Array<keyof RegistrationValues>)
    .filter((name) => fields[name])
    .map((name) => ({ fieldId: name, text: errorFor(name)! }));

  // Submitting through onSubmit keeps what the person typed: a plain form action
  // resets the form when it returns, and an error should not cost them their input.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-5" noValidate aria-label="Register">
      {state.status === "error" ? (
        <ErrorSummary
          title="Please check the form"
          message={summary.length === 0 ? (state.message ?? "Something went wrong. Please try again.") : undefined}
          errors={summary}
          focusKey={state}
        />
      ) : null}

      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="firstName" label={LABELS.firstName} error={errorFor("firstName")}>
          <Input
            {...controlProps("firstName", { error: errorFor("firstName") })}
            name="firstName"
            autoComplete="given-name"
            required
            defaultValue={values.firstName}
          />
        </Field>
        <Field id="lastName" label={LABELS.lastName} error={errorFor("lastName")}>
          <Input
            {...controlProps("lastName", { error: errorFor("lastName") })}
            name="lastName"
            autoComplete="family-name"
            required
            defaultValue={values.lastName}
          />
        </Field>
      </div>

      <Field id="email" label={LABELS.email} error={errorFor("email")}>
        <Input
          {...controlProps("email", { error: errorFor("email") })}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          defaultValue={values.email}
        />
      </Field>

      <Field id="companyName" label={LABELS.companyName} optional error={errorFor("companyName")}>
        <Input
          {...controlProps("companyName", { error: errorFor("companyName") })}
          name="companyName"
          autoComplete="organization"
          defaultValue={values.companyName}
        />
      </Field>

      <Field
        id="phone"
        label={LABELS.phone}
        optional
        error={errorFor("phone")}
        hint="Only used for texts, and only if you tick the box below."
      >
        <Input
          {...controlProps("phone", { error: errorFor("phone"), hint: true })}
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          placeholder="(512) 555-0100"
          defaultValue={values.phone}
        />
      </Field>

      <div className="grid gap-1.5">
        {/* The whole row is the touch target (≥44px), not just the 20px box. */}
        <label
          htmlFor="smsConsent"
          className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-border bg-muted/40 p-3 text-sm leading-relaxed"
        >
          <Checkbox
            {...controlProps("smsConsent", { error: errorFor("smsConsent") })}
            name="smsConsent"
            className="mt-0.5"
            defaultChecked={values.smsConsent}
          />
          <span>{SMS_CONSENT_TEXT}</span>
        </label>
        {errorFor("smsConsent") ? (
          <p id="smsConsent-error" className="text-sm font-medium text-destructive">
            {errorFor("smsConsent")}
          </p>
        ) : null}
      </div>

      <fieldset className="grid gap-2" aria-describedby="language-hint">
        <legend className="text-sm font-medium">Language for your texts, emails and agenda</legend>
        <p id="language-hint" className="text-sm text-muted-foreground">
          <span lang="es">Idioma de sus mensajes, correos y agenda.</span>
        </p>
        <div className="flex flex-wrap gap-3">
          {(
            [
              ["en", "English"],
              ["es", "Español"],
            ] as const
          ).map(([value, label]) => (
            <label
              key={value}
              lang={value}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-border bg-muted/40 px-3 text-sm has-[:checked]:border-primary has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring"
            >
              <input type="radio" name="language" value={value} defaultChecked={values.language === value} className="size-4 accent-primary" />
              {label}
            </label>
          ))}
        </div>
      </fieldset>

      <SubmitButton pending={pending} pendingLabel="Registering…" size="lg" className="w-full sm:w-auto">
        Register
      </SubmitButton>
    </form>
  );
}

/** Replaces the form after submitting, so it takes the focus the vanished submit button had. */
function FocusedAlert({ variant, children }: { variant: "success" | "warning"; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <Alert ref={ref} tabIndex={-1} variant={variant} role="status" className="focus-visible:outline-offset-4">
      {children}
    </Alert>
  );
}
