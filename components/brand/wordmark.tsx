import { cn } from "@/lib/utils";

/**
 * The TPX wordmark: a small indigo tile (three stacked bars — the three parts of
 * an attendee's plan: speakers, sponsors, peers) and the letters set tight.
 */
export function Wordmark({ className, showName = true }: { className?: string; showName?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2 text-foreground", className)}>
      <svg viewBox="0 0 32 32" aria-hidden="true" className="size-7 shrink-0">
        <rect width="32" height="32" rx="8" className="fill-primary" />
        <rect x="8" y="9" width="16" height="3" rx="1.5" className="fill-primary-foreground" />
        <rect x="8" y="14.5" width="11" height="3" rx="1.5" className="fill-primary-foreground opacity-80" />
        <rect x="8" y="20" width="6" height="3" rx="1.5" className="fill-primary-foreground opacity-60" />
      </svg>
      {showName ? <span className="text-lg leading-none font-bold tracking-[-0.04em]">TPX</span> : null}
    </span>
  );
}
