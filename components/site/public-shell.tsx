import Link from "next/link";
import { Wordmark } from "@/components/brand/wordmark";
import { cn } from "@/lib/utils";

/** Frame of the attendee-facing pages: narrow, phone-first, generous spacing. */
export function PublicShell({
  children,
  width = "narrow",
  headerRight,
  lang,
  compact = false,
}: {
  children: React.ReactNode;
  width?: "narrow" | "wide";
  headerRight?: React.ReactNode;
  /** The page's language when it is not the site's (an attendee who chose Spanish). */
  lang?: string;
  /** Less air above the content: the phone pages where the first screen is the point. */
  compact?: boolean;
}) {
  const container = cn("mx-auto w-full px-4 sm:px-6", width === "narrow" ? "max-w-2xl" : "max-w-5xl");
  return (
    <div lang={lang} className="flex min-h-dvh flex-col">
      <header className="border-b border-border/70">
        <div className={cn(container, "flex h-16 items-center justify-between gap-4")}>
          {/* No prefetch: on a phone's first load it is a request and main-thread work for a link attendees rarely take. */}
          <Link href="/" prefetch={false} aria-label="TPX home" className="-m-2 inline-flex min-h-11 items-center rounded-md p-2">
            <Wordmark />
          </Link>
          {headerRight}
        </div>
      </header>
      <main id="main" className={cn(container, "flex-1", compact ? "py-3 sm:py-8" : "py-8 sm:py-12")}>
        {children}
      </main>
      <footer className="border-t border-border/70">
        <div className={cn(container, "py-6 text-sm text-muted-foreground")}>
          TPX · event orchestration for business conferences
        </div>
      </footer>
    </div>
  );
}
