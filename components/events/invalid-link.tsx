import type { Metadata } from "next";
import Link from "next/link";
import { LinkIcon } from "lucide-react";
import { PublicShell } from "@/components/site/public-shell";
import { buttonVariants } from "@/components/ui/button-variants";

/** What a wrong, expired or cancelled attendee link shows: no data, a way forward. */
export function InvalidLink({ eventSlug }: { eventSlug: string }) {
  return (
    <div className="mx-auto grid max-w-md justify-items-center gap-4 py-10 text-center">
      <LinkIcon aria-hidden="true" className="size-10 text-muted-foreground" />
      <h1 className="text-2xl font-semibold tracking-tight">This link doesn&apos;t work</h1>
      <p className="text-muted-foreground">
        It may be incomplete, or the registration it belongs to was cancelled. Open the link from your most recent
        confirmation email or text, or register again with your email: we&apos;ll send your confirmation again.
      </p>
      <Link href={`/events/${encodeURIComponent(eventSlug)}`} className={buttonVariants({ size: "lg" })}>
        Go to the event page
      </Link>
    </div>
  );
}

/** The whole page for a bad attendee link. */
export function InvalidLinkPage({ eventSlug }: { eventSlug: string }) {
  return (
    <PublicShell>
      <InvalidLink eventSlug={eventSlug} />
    </PublicShell>
  );
}

/** Pages reached from an attendee's link: `/events/{slug}/…?t={token}`. */
export type AttendeePageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The URL carries the attendee's token: keep it out of search engines and Referer headers. */
export function attendeePageMetadata(title: string): Metadata {
  return { title, robots: { index: false }, referrer: "no-referrer" };
}
