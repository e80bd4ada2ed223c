import Link from "next/link";
import { ShieldX } from "lucide-react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Button } from "@/components/ui/button";

/**
 * The 403 view: signed in, but this account's role may not open the page. Rendered by
 * the forbidden.tsx files when a page calls forbidden() (the answer's status is then 403).
 */
export function Forbidden({
  user,
  message = "This page is for organizers.",
}: {
  user: { name: string; email: string; role: string } | null;
  message?: string;
}) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center">
      <ShieldX aria-hidden="true" className="size-10 text-destructive" />
      <h1 className="text-2xl font-semibold tracking-tight">You don&apos;t have access to this page</h1>
      <p className="text-muted-foreground">
        {user ? (
          <>
            You&apos;re signed in as {user.name} ({user.email}), a {user.role} account.{" "}
          </>
        ) : null}
        {message} (Error 403)
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        <Button asChild variant="outline">
          <Link href="/">Go to the home page</Link>
        </Button>
        <SignOutButton variant="default" size="default">
          Sign in with another account
        </SignOutButton>
      </div>
    </div>
  );
}
