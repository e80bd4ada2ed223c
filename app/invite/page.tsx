import { notFound } from "next/navigation";
import { EntityForm } from "@/components/admin/entity-form";
import { PublicShell } from "@/components/site/public-shell";
import { findOpenInvite } from "@/lib/access/staff";
import { getDb } from "@/lib/db";
import { tokenParam } from "@/lib/http/parse";
import { acceptInviteAction } from "./actions";

export const metadata = { title: "Set your password", robots: { index: false }, referrer: "no-referrer" as const };

/** /invite?t=… — a staff invite: set a password, then sign in. A used or unknown link is a 404. */
export default async function InvitePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = tokenParam((await searchParams).t);
  const invite = t ? await findOpenInvite(await getDb(), t) : null;
  if (!invite || !t) notFound();
  return (
    <PublicShell>
      <div className="mx-auto grid max-w-md gap-4 py-10">
        <h1 className="text-2xl font-semibold">Welcome, {invite.name}</h1>
        <p className="text-muted-foreground">Set a password for {invite.email}. You will use it to sign in to the check-in desk.</p>
        <EntityForm
          action={acceptInviteAction.bind(null, t)}
          fields={[
            { name: "password", label: "Password", kind: "password", hint: "At least 12 characters.", wide: true },
            { name: "confirm", label: "Repeat the password", kind: "password", wide: true },
          ]}
          values={{}}
          submitLabel="Set password"
        />
      </div>
    </PublicShell>
  );
}
