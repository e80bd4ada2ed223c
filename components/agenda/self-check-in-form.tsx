"use client";

import Link from "next/link";
import { startTransition, useActionState, useRef, type FormEvent } from "react";
import { ArrowRight, CircleAlert, CircleCheck, LogIn } from "lucide-react";
import { SubmitButton } from "@/components/form/submit-button";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { newNonce } from "./nonce";

export type SelfCheckInState =
  | { status: "idle" }
  | { status: "checked_in" | "already_checked_in"; message: string; time: string }
  | { status: "error"; message: string };

export type SelfCheckInAction = (state: SelfCheckInState, formData: FormData) => Promise<SelfCheckInState>;

/**
 * One big button. The nonce is made on the first tap and kept for retries, so a
 * double tap or a resend after a dropped connection is the same check-in.
 */
export function SelfCheckInForm({ action, agendaHref }: { action: SelfCheckInAction; agendaHref: string }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const nonce = useRef<HTMLInputElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (nonce.current && !nonce.current.value) nonce.current.value = newNonce();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  if (state.status === "checked_in" || state.status === "already_checked_in") {
    return <CheckedIn status={state.status} message={state.message} time={state.time} agendaHref={agendaHref} />;
  }

  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-4" aria-label="Check in">
      <input ref={nonce} type="hidden" name="nonce" defaultValue="" />
      {state.status === "error" ? (
        <Alert variant="destructive" role="alert">
          <CircleAlert aria-hidden="true" />
          <AlertTitle>We couldn&apos;t check you in</AlertTitle>
          <AlertDescription>
            <p>{state.message}</p>
          </AlertDescription>
        </Alert>
      ) : null}
      <SubmitButton pending={pending} pendingLabel="Checking you in…" size="lg" className="h-16 w-full text-lg">
        <LogIn aria-hidden="true" className="size-5" />
        Check in now
      </SubmitButton>
    </form>
  );
}

export function CheckedIn({
  status,
  message,
  time,
  agendaHref,
}: {
  status: "checked_in" | "already_checked_in";
  /** The check-in's own answer ("Jo Kim is checked in."), when there was one just now. */
  message?: string;
  time: string;
  agendaHref: string;
}) {
  return (
    <div className="grid gap-4">
      <Alert variant="success" role="status">
        <CircleCheck aria-hidden="true" />
        <AlertTitle className="text-base">
          {status === "checked_in" ? "You're checked in" : "You're already checked in"}
        </AlertTitle>
        <AlertDescription>
          {message ? <p>{message}</p> : null}
          <p>
            Checked in at {time}.{" "}
            {status === "checked_in"
              ? "We're building your personal plan: the sessions, sponsors and people worth your time."
              : "Your personal plan is on your agenda page."}
          </p>
        </AlertDescription>
      </Alert>
      <Button asChild size="lg" className="h-14 w-full text-base">
        <Link href={agendaHref}>
          Open my personal agenda
          <ArrowRight aria-hidden="true" />
        </Link>
      </Button>
    </div>
  );
}
