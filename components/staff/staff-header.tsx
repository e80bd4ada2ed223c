import Link from "next/link";
import { LayoutDashboard } from "lucide-react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Wordmark } from "@/components/brand/wordmark";
import { Button } from "@/components/ui/button";

/** The check-in desk's top bar: who is signed in, and the way back to the console for admins. */
export function StaffHeader({ user }: { user: { name: string; email: string; role: string } }) {
  return (
    <header className="border-b border-border bg-card">
      <div className="mx-auto flex h-16 max-w-5xl items-center gap-4 px-4 sm:px-6">
        <Link href="/staff" className="flex min-h-11 items-center gap-2 rounded-md" aria-label="Check-in desk home">
          <Wordmark />
          <span className="hidden text-sm font-medium whitespace-nowrap text-muted-foreground sm:inline">Check-in</span>
        </Link>
        <div className="ml-auto flex items-center gap-2 sm:gap-3">
          {user.role === "admin" ? (
            <Button asChild variant="ghost" size="sm" className="h-11">
              <Link href="/admin">
                <LayoutDashboard aria-hidden="true" />
                Admin<span className="hidden sm:inline"> console</span>
              </Link>
            </Button>
          ) : null}
          <p className="hidden text-right text-sm leading-tight sm:block">
            <span className="block font-medium">{user.name}</span>
            <span className="block text-xs text-muted-foreground">{user.email}</span>
          </p>
          <SignOutButton className="h-11 px-2 sm:px-3" />
        </div>
      </div>
    </header>
  );
}
