import type { Metadata } from "next";
import { StaffHeader } from "@/components/staff/staff-header";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: { default: "Check-in desk", template: "%s · TPX check-in" }, robots: { index: false } };

/**
 * The desk's frame. Not the gate: every page and action calls requireUser itself.
 * Without a staff or admin session it renders the page bare, and the page
 * redirects to sign-in or shows the 403.
 */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  const main = <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">{children}</main>;
  if (!user || (user.role !== "staff" && user.role !== "admin")) return main;
  return (
    <div className="flex min-h-dvh flex-col">
      <StaffHeader user={user} />
      {main}
    </div>
  );
}
