import { notFound } from "next/navigation";
import { UnsubscribeForm } from "@/components/events/unsubscribe-form";
import { PublicShell } from "@/components/site/public-shell";
import { getDb } from "@/lib/db";
import { tokenParam } from "@/lib/http/parse";
import { getAttendeeByToken } from "@/lib/registration/profile";
import { unsubscribeFromEmail } from "./actions";

export const metadata = { title: "Unsubscribe", robots: { index: false }, referrer: "no-referrer" as const };

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const t = tokenParam(sp.t);
  const found = t ? await getAttendeeByToken(await getDb(), t) : null;
  // A wrong link is a 404 (with the not-found page), not a 200 that says so.
  if (!found || !t) notFound();
  return (
    <PublicShell>
      <div className="mx-auto flex max-w-md flex-col gap-4 py-10">
        {sp.done === "1" || found.contractor.emailUnsubscribedAt ? (
          <>
            <h1 className="text-2xl font-semibold">You&apos;re unsubscribed</h1>
            <p className="text-muted-foreground">
              {found.contractor.email} won&apos;t get reminder emails any more. Your registration for {found.event.name}{" "}
              stays active.
            </p>
          </>
        ) : (
          <UnsubscribeForm action={unsubscribeFromEmail} token={t}>
            <h1 className="text-2xl font-semibold">Stop reminder emails?</h1>
            <p className="text-muted-foreground">
              {found.contractor.email} will stop getting reminder emails about {found.event.name}. You stay registered.
            </p>
          </UnsubscribeForm>
        )}
      </div>
    </PublicShell>
  );
}
