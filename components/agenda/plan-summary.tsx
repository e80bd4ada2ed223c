import Link from "next/link";
import { CalendarPlus, Clock, QrCode } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PlanPending } from "./plan-pending";
import { plural } from "./time";

type PlanStatus = "none" | "pending" | "ready" | "failed";

/**
 * "Your plan": the counts (each a jump to its section), where the plan stands, and
 * the add-to-calendar link.
 */
export function PlanSummary({
  status,
  sessions,
  sponsors,
  peers,
  calendarHref,
  checkInHref,
  checkStatus,
}: {
  status: PlanStatus;
  sessions: number;
  sponsors: number;
  peers: number;
  calendarHref: string;
  checkInHref: string;
  checkStatus: () => Promise<string | null>;
}) {
  const hasPicks = sessions + sponsors + peers > 0;
  const jump = "whitespace-nowrap rounded-sm font-medium text-foreground underline decoration-border underline-offset-4 hover:decoration-primary";
  return (
    <div className="grid gap-4">
      {hasPicks || status === "ready" ? (
        <p className="text-lg">
          <a href="#your-day" className={jump}>
            {plural(sessions, "session", "sessions")}
          </a>
          {" · "}
          <a href="#sponsors" className={jump}>
            {plural(sponsors, "sponsor", "sponsors")}
          </a>
          {" · "}
          <a href="#people" className={jump}>
            {plural(peers, "person", "people")} to meet
          </a>
        </p>
      ) : null}

      {status === "pending" ? <PlanPending checkStatus={checkStatus} /> : null}

      {status === "none" ? (
        <Alert variant="info">
          <QrCode aria-hidden="true" />
          <AlertTitle>Your plan starts when you check in</AlertTitle>
          <AlertDescription>
            <p>
              Check in at the desk with your code, or online, and we&apos;ll pick the sessions, sponsors and people
              worth your time.
            </p>
            <Link href={checkInHref} className="inline-flex min-h-11 items-center font-medium text-primary underline underline-offset-2">
              Check in online
            </Link>
          </AlertDescription>
        </Alert>
      ) : null}

      {status === "failed" && !hasPicks ? (
        <Alert variant="warning" role="status">
          <Clock aria-hidden="true" />
          <AlertTitle>Your picks are taking longer than usual</AlertTitle>
          <AlertDescription>
            <p>Here&apos;s the full agenda in the meantime. Check back in a few minutes.</p>
          </AlertDescription>
        </Alert>
      ) : null}

      <Button asChild variant="outline" size="lg" className="w-full sm:w-auto">
        <a href={calendarHref}>
          <CalendarPlus aria-hidden="true" />
          {sessions > 0 ? "Add my sessions to calendar" : "Add the event to my calendar"}
        </a>
      </Button>
    </div>
  );
}
