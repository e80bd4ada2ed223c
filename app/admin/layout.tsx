import type { Metadata } from "next";
import Link from "next/link";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { AdminNav } from "@/components/admin/admin-nav";
import { DevClock } from "@/components/admin/dev-clock";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Wordmark } from "@/components/brand/wordmark";
import { getSessionUser } from "@/lib/auth/session";
import { clockOffsetMs } from "@/lib/clock";
import { devToolsEnabled, outboxOnly } from "@/lib/env";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · TPX admin" }, robots: { index: false } };

/**
 * The console's frame. It is not the gate: each page calls requireUser itself
 * (a layout does not re-run on every navigation, and pages know their own URL
 * for the sign-in redirect). Without an admin session it renders the page bare,
 * and the page redirects or shows the 403.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  if (!user || user.role !== "admin") {
    return (
      <main id="main" className="mx-auto w-full max-w-[96rem] px-4 py-8 sm:px-6">
        <NuqsAdapter>{children}</NuqsAdapter>
      </main>
    );
  }

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-border bg-card">
        {/* On a phone the nav takes its own row (scrolling sideways if it must); from sm up, one row. */}
        <div className="mx-auto flex max-w-[96rem] flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2 sm:h-14 sm:flex-nowrap sm:px-6 sm:py-0">
          <Link href="/admin" className="flex items-center gap-2 rounded-md" aria-label="TPX admin home">
            <Wordmark />
            <span className="text-sm font-medium text-muted-foreground">Admin</span>
          </Link>
          <AdminNav />
          <div className="ml-auto flex items-center gap-3">
            <p className="hidden text-right text-sm leading-tight sm:block">
              <span className="block font-medium">{user.name}</span>
              <span className="block text-xs text-muted-foreground">{user.email}</span>
            </p>
            <SignOutButton />
          </div>
        </div>
      </header>
      {outboxOnly() ? (
        <p className="bg-destructive px-4 py-2 text-center text-sm font-semibold text-destructive-foreground">
          Outbox-only mode: no email or SMS leaves this server; messages are only recorded in the outbox.
        </p>
      ) : null}
      {devToolsEnabled() ? <DevClock initialOffsetMs={clockOffsetMs()} /> : null}
      <main id="main" className="mx-auto w-full max-w-[96rem] flex-1 px-4 py-8 sm:px-6">
        <NuqsAdapter>{children}</NuqsAdapter>
      </main>
    </div>
  );
}
