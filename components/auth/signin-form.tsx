"use client";

import { useActionState, useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { Input } from "@/components/ui/input";
import { signInErrorMessage } from "./signin-messages";

type State = { error?: string; redirecting?: boolean };

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [state, formAction, pending] = useActionState<State, FormData>(
    async (_prev, formData) => {
      const password = String(formData.get("password") ?? "");
      if (!email.trim() || !password) return { error: "Enter your email and password." };
      const res = await signIn("credentials", { email: email.trim(), password, redirect: false });
      if (res?.ok && !res.error) {
        router.replace(callbackUrl);
        // Server components read the new session cookie on the next render.
        router.refresh();
        return { redirecting: true };
      }
      return { error: signInErrorMessage(res?.error ?? "default") };
    },
    { error: initialError },
  );

  return (
    <form action={formAction} className="grid gap-5" noValidate>
      <ErrorSummary title="Couldn't sign you in" message={state.error} errors={[]} focusKey={state} />
      <Field id="email" label="Email">
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={state.error ? true : undefined}
        />
      </Field>
      <Field id="password" label="Password">
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state.error ? true : undefined}
        />
      </Field>
      <SubmitButton pending={pending || Boolean(state.redirecting)} pendingLabel="Signing in…" size="lg" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
