"use client";

import { useId, useState, useSyncExternalStore, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Clock } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

type ClockBody = { to: string } | { advanceMs: number } | { reset: true };

const HOUR = 60 * 60 * 1000;

// One once-a-second tick for the displayed time (the snapshot must be stable between renders).
let lastTick = 0;
function subscribeToSeconds(onTick: () => void) {
  const id = window.setInterval(() => {
    lastTick = Date.now();
    onTick();
  }, 1000);
  return () => window.clearInterval(id);
}
const currentTick = () => (lastTick ||= Date.now());
const noTickOnServer = () => null;

const noop = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noZoneOnServer = () => null;

function describeOffset(ms: number): string {
  if (Math.abs(ms) < 1000) return "real time";
  const sign = ms > 0 ? "+" : "−";
  let rest = Math.round(Math.abs(ms) / 60000);
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const minutes = rest - hours * 60;
  const parts = [days ? `${days} d` : "", hours ? `${hours} h` : "", minutes ? `${minutes} min` : ""].filter(Boolean);
  return `${sign}${parts.join(" ") || "<1 min"} from real time`;
}

/**
 * Development only: reads and moves the app's clock (lib/clock.ts) through
 * /api/dev/clock, so an organizer can jump to "the night before at 20:00" and
 * watch the reminders go out. The server decides whether it is allowed.
 */
export function DevClock({ initialOffsetMs }: { initialOffsetMs: number }) {
  const router = useRouter();
  const id = useId();
  const [offsetMs, setOffsetMs] = useState(initialOffsetMs);
  const [jumpTo, setJumpTo] = useState("");
  const [status, setStatus] = useState<{
    kind: "ok" | "error";
    text: string;
  } | null>(null);
  const [pending, startTransition] = useTransition();
  const tick = useSyncExternalStore(subscribeToSeconds, currentTick, noTickOnServer);
  const zone = useSyncExternalStore(noop, browserZone, noZoneOnServer);

  const appTime = tick === null ? null : new Date(Math.round((tick + offsetMs) / 1000) * 1000);

  function move(body: ClockBody, describe: (now: Date) => string) {
    if (pending) return;
    startTransition(async () => {
      try {
        const res = await fetch("/api/dev/clock", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        const json = (await res.json().catch(() => null)) as {
          now?: string;
          offsetMs?: number;
          error?: { message?: string };
        } | null;
        if (!res.ok || !json?.now) {
          setStatus({
            kind: "error",
            text: json?.error?.message ?? `The clock did not move (HTTP ${res.status}).`,
          });
          return;
        }
        const serverNow = new Date(json.now);
        setOffsetMs(typeof json.offsetMs === "number" ? json.offsetMs : serverNow.getTime() - Date.now());
        setStatus({ kind: "ok", text: describe(serverNow) });
        router.refresh();
      } catch {
        setStatus({ kind: "error", text: "Could not reach the server." });
      }
    });
  }

  const format = (d: Date) =>
    d.toLocaleString(undefined, {
      weekday: "short",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "short",
    });

  return (
    <section aria-label="Dev clock" className="border-b border-warning/30 bg-warning/8 text-sm">
      <div className="mx-auto flex max-w-[96rem] flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 sm:px-6">
        <p className="flex items-center gap-2">
          <Clock aria-hidden="true" className="size-4 text-warning" />
          <span className="font-semibold">Dev clock</span>
          <span className="text-muted-foreground">·</span>
          <span id={`${id}-label`} className="text-muted-foreground">
            App time
          </span>
          <time aria-labelledby={`${id}-label`} dateTime={appTime?.toISOString()} className="font-medium tabular-nums">
            {appTime ? format(appTime) : "…"}
          </time>
          <span className="text-muted-foreground">({describeOffset(offsetMs)})</span>
        </p>
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const target = new Date(jumpTo);
            if (!jumpTo || Number.isNaN(target.getTime())) {
              setStatus({
                kind: "error",
                text: "Choose a date and time to jump to.",
              });
              return;
            }
            move({ to: target.toISOString() }, (n) => `Jumped to ${format(n)}.`);
          }}
        >
          <label htmlFor={`${id}-to`} className="font-medium">
            Jump to
          </label>
          <Input
            id={`${id}-to`}
            type="datetime-local"
            step={60}
            value={jumpTo}
            onChange={(e) => setJumpTo(e.target.value)}
            aria-describedby={`${id}-zone`}
            className="h-9 w-auto"
          />
          <Button type="submit" size="sm" variant="outline" aria-disabled={pending || undefined}>
            Jump
          </Button>
        </form>
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Move the clock">
          <Button
            type="button"
            size="sm"
            variant="outline"
            aria-disabled={pending || undefined}
            onClick={() => move({ advanceMs: HOUR }, (n) => `Moved forward 1 hour to ${format(n)}.`)}
          >
            +1 h
          </Button>
          <Button
            type="button"
            size="sm"
            variant="outline"
            aria-disabled={pending || undefined}
            onClick={() => move({ advanceMs: 24 * HOUR }, (n) => `Moved forward 1 day to ${format(n)}.`)}
          >
            +1 day
          </Button>
          <Button
            type="button"
            size="sm"
            variant="ghost"
            aria-disabled={pending || undefined}
            onClick={() => move({ reset: true }, (n) => `Back to real time: ${format(n)}.`)}
          >
            Reset
          </Button>
        </div>
        <p id={`${id}-zone`} className="text-xs text-muted-foreground">
          Times are in your browser&apos;s time zone{zone ? ` (${zone})` : ""}; event pages show the event&apos;s own.
        </p>
        <p
          role="status"
          aria-live="polite"
          className={cn(
            "w-full empty:hidden",
            status?.kind === "error" ? "font-medium text-destructive" : "text-muted-foreground",
          )}
        >
          {status?.text}
        </p>
      </div>
    </section>
  );
}
