import { getDb } from "@/lib/db";
import { unsubscribeEmail } from "@/lib/messaging/unsubscribe";
import { getAttendeeByToken } from "@/lib/registration/profile";

export const metadata = { title: "Unsubscribe", robots: { index: false }, referrer: "no-referrer" as const };

async function unsubscribe(formData: FormData) {
  "use server";
  const token = String(formData.get("t") ?? "");
  await unsubscribeEmail(await getDb(), token);
  const { redirect } = await import("next/navigation");
  redirect(`/unsubscribe?t=${encodeURIComponent(token)}&done=1`);
}

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ t?: string; done?: string }> }) {
  const { t, done } = await searchParams;
  const found = await getAttendeeByToken(await getDb(), t);
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-4 p-6">
      {!found ? (
        <p role="alert">This link is not valid any more.</p>
      ) : done || found.contractor.emailUnsubscribedAt ? (
        <>
          <h1 className="text-2xl font-semibold">You&apos;re unsubscribed</h1>
          <p className="text-muted-foreground">
            {found.contractor.email} won&apos;t get reminder emails any more. Your registration for {found.event.name} stays
            active.
          </p>
        </>
      ) : (
        <form action={unsubscribe} className="flex flex-col gap-4">
          <h1 className="text-2xl font-semibold">Stop reminder emails?</h1>
          <p className="text-muted-foreground">
            {found.contractor.email} will stop getting reminder emails about {found.event.name}. You stay registered.
          </p>
          <input type="hidden" name="t" value={t} />
          <button type="submit" className="h-11 rounded-md bg-foreground px-4 text-background">
            Unsubscribe
          </button>
        </form>
      )}
    </main>
  );
}
