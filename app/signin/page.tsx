import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/components/auth/signin-form";
import { signInErrorMessage } from "@/components/auth/signin-messages";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { PublicShell } from "@/components/site/public-shell";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getSessionUser, safeCallbackUrl } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Organizer sign-in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl), "/signin/continue");
  const user = await getSessionUser();

  return (
    <PublicShell>
      <div className="mx-auto grid max-w-md gap-6">
        <div className="grid gap-2 text-center">
          <h1 className="text-3xl font-semibold tracking-tight">Organizer sign-in</h1>
          <p className="text-muted-foreground">For event organizers and check-in staff.</p>
        </div>
        {user ? (
          <Alert variant="info">
            <AlertTitle>You&apos;re signed in as {user.name}</AlertTitle>
            <AlertDescription>
              <p>
                {user.email} · {user.role}.{" "}
                <Link href="/signin/continue" className="font-medium text-primary underline underline-offset-2">
                  Continue
                </Link>{" "}
                or sign in below with another account.
              </p>
              <div>
                <SignOutButton className="-ml-3" />
              </div>
            </AlertDescription>
          </Alert>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>Sign in</CardTitle>
            <CardDescription>Use the email and password your organizer gave you.</CardDescription>
          </CardHeader>
          <CardContent>
            <SignInForm callbackUrl={callbackUrl} initialError={signInErrorMessage(first(params.error))} />
          </CardContent>
        </Card>
        <p className="text-center text-sm text-muted-foreground">
          Attending an event? You don&apos;t need an account: use the link in your confirmation email or text.
        </p>
      </div>
    </PublicShell>
  );
}
