import Link from "next/link";
import { CalendarPlus, Clock, QrCode } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Dictionary } from "@/lib/i18n";
import { PlanPending } from "./plan-pending";

type PlanStatus = "none" | "pending" | "ready" | "failed";

/**
 * "Your plan": where the plan stands (checked in? being built?) and the counts.
 */
export function PlanSummary({
  t,
  status,
  sessions,
  sponsors,
  peers,
  checkInHref,
  checkStatus,
}: {
  t: Dictionary;
  status: PlanStatus;
  sessions: number;
  sponsors: number;
  peers: number;
  checkInHref: string;
  checkStatus: () => Promise<string | null>;
}) {
  const hasPicks = sessions + sponsors + peers > 0;
  return (
    <div className="grid gap-2">
      {status === "pending" ? <PlanPending checkStatus={checkStatus} title={t.agenda.pendingTitle} body={t.agenda.pendingBody} /> : null}

      {status === "none" ? (
        <Alert variant="info">
          <QrCode aria-hidden="true" />
          <AlertTitle>{t.agenda.checkInTitle}</AlertTitle>
          <AlertDescription>
            <p>{t.agenda.checkInBody}</p>
            <Link href={checkInHref} className="inline-flex min-h-11 items-center font-medium text-primary underline underline-offset-2">
              {t.agenda.checkInOnline}
            </Link>
          </AlertDescription>
        </Alert>
      ) : null}

      {status === "failed" && !hasPicks ? (
        <Alert variant="warning" role="status">
          <Clock aria-hidden="true" />
          <AlertTitle>{t.agenda.failedTitle}</AlertTitle>
          <AlertDescription>
            <p>{t.agenda.failedBody}</p>
          </AlertDescription>
        </Alert>
      ) : null}

      {/* The sections below show the same at a glance; said once for screen readers. */}
      {hasPicks || status === "ready" ? <p className="sr-only">{t.agenda.counts(sessions, sponsors, peers)}</p> : null}
    </div>
  );
}

/** Add-to-calendar: the attendee's sessions once picked, else the event. */
export function CalendarButton({ href, label }: { href: string; label: string }) {
  return (
    <Button asChild variant="outline" size="lg" className="w-full sm:w-auto">
      <a href={href}>
        <CalendarPlus aria-hidden="true" />
        {label}
      </a>
    </Button>
  );
}
