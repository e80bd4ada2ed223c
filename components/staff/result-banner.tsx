import { CircleAlert, CircleCheck, History } from "lucide-react";
import { cn } from "@/lib/utils";

export type DeskOutcome =
  | { status: "checked_in" | "already_checked_in"; message: string; id: string }
  | { status: "error"; message: string; id: string };

/**
 * The answer to the last scan or tap, big enough to read from a step back. Successes
 * go to a polite live region that is always on the page (so each new one is
 * announced); errors to an alert.
 */
export function ResultBanner({ outcome }: { outcome: DeskOutcome | null }) {
  const ok = outcome && outcome.status !== "error" ? outcome : null;
  const error = outcome?.status === "error" ? outcome : null;
  const box = "flex min-h-20 items-center gap-4 rounded-xl border-2 px-5 py-4 text-lg font-semibold sm:text-xl";
  return (
    <div className="grid">
      <div role="status" aria-live="polite">
        {ok ? (
          <p
            key={ok.id}
            className={cn(
              box,
              ok.status === "checked_in"
                ? "border-success/50 bg-success/10 text-foreground"
                : "border-warning/50 bg-warning/10 text-foreground",
            )}
          >
            {ok.status === "checked_in" ? (
              <CircleCheck aria-hidden="true" className="size-8 shrink-0 text-success" />
            ) : (
              <History aria-hidden="true" className="size-8 shrink-0 text-warning" />
            )}
            <span>{ok.message}</span>
          </p>
        ) : null}
      </div>
      {error ? (
        <p key={error.id} role="alert" className={cn(box, "border-destructive/50 bg-destructive/10 text-foreground")}>
          <CircleAlert aria-hidden="true" className="size-8 shrink-0 text-destructive" />
          <span>{error.message}</span>
        </p>
      ) : null}
    </div>
  );
}
