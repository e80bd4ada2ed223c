"use client";

import { startTransition, useActionState, useRef, type FormEvent } from "react";
import { LoaderCircle, ScanLine } from "lucide-react";
import { newNonce } from "@/components/agenda/nonce";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { AttendeeSearch, type DeskAttendee } from "./attendee-search";
import { ResultBanner, type DeskOutcome } from "./result-banner";

export type DeskCheckIn = (formData: FormData) => Promise<DeskOutcome>;

type DeskState = { last: DeskOutcome | null; earlier: DeskOutcome[] };

/**
 * The desk: a scanner-first QR field (USB and Bluetooth scanners type the code and
 * press Enter), the attendee search with a button per person, and one banner with
 * the last answer plus the few before it, so a quick run of scans loses nothing.
 */
export function CheckInDesk({
  checkInAction,
  searchPath,
  query,
  results,
}: {
  checkInAction: DeskCheckIn;
  searchPath: string;
  query: string;
  results: DeskAttendee[] | null;
}) {
  // The same code or person already on its way: a second Enter or tap is not a second request.
  const inFlight = useRef(new Set<string>());
  const [state, dispatch, pending] = useActionState(async (prev: DeskState, data: FormData): Promise<DeskState> => {
    try {
      const outcome = await checkInAction(data).catch(
        // The venue's Wi-Fi dropped: say so on the desk instead of replacing the page with an error screen.
        (): DeskOutcome => ({ id: newNonce(), status: "error", message: "Couldn't reach the server. Check the connection and try again." }),
      );
      return { last: outcome, earlier: [prev.last, ...prev.earlier].filter((o) => o !== null).slice(0, 4) };
    } finally {
      inFlight.current.delete(keyOf(data));
    }
  }, { last: null, earlier: [] });
  const codeInput = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const key = keyOf(data);
    if (!key.replace(/^\w+:/, "") || inFlight.current.has(key)) return;
    inFlight.current.add(key);
    data.set("nonce", newNonce());
    if (data.get("method") === "qr_code") {
      // Ready for the next scan straight away.
      form.reset();
      codeInput.current?.focus();
    }
    startTransition(() => dispatch(data));
  }

  return (
    <div className="grid gap-8">
      <div className="grid gap-3">
        <ResultBanner outcome={state.last} />
        {pending ? (
          <p className="flex items-center gap-2 text-muted-foreground">
            <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
            Checking in…
          </p>
        ) : null}
        {state.earlier.length ? (
          <details className="text-sm text-muted-foreground">
            <summary className="min-h-11 cursor-pointer py-2">Earlier at this desk ({state.earlier.length})</summary>
            <ul className="grid gap-1 pl-4">
              {state.earlier.map((o) => (
                <li key={o.id} className={o.status === "error" ? "text-destructive" : undefined}>
                  {o.message}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>

      {/* No aria-labelledby here: getByLabel("QR code") must find the field alone. */}
      <section className="grid gap-3 rounded-xl border border-border bg-card p-5 shadow-xs">
        <h2 className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <ScanLine aria-hidden="true" className="size-5 text-primary" />
          Scan or type the QR code
        </h2>
        <form onSubmit={submit} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
          <input type="hidden" name="method" value="qr_code" />
          <div className="grid gap-1.5">
            <Label htmlFor="qr-code">QR code</Label>
            <Input
              ref={codeInput}
              id="qr-code"
              name="code"
              autoFocus
              autoComplete="off"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              enterKeyHint="go"
              className="h-14 font-mono text-lg sm:text-lg"
            />
          </div>
          <Button type="submit" size="lg" className="h-14 px-8 text-lg">
            Check in
          </Button>
        </form>
      </section>

      <AttendeeSearch searchPath={searchPath} query={query} results={results} onCheckIn={submit} />
    </div>
  );
}

function keyOf(data: FormData): string {
  const method = String(data.get("method") ?? "");
  const target = method === "qr_code" ? String(data.get("code") ?? "").trim() : String(data.get("attendeeId") ?? "");
  return `${method}:${target}`;
}
