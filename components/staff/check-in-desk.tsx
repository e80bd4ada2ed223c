"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { CloudOff, RefreshCw, ScanLine } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { AttendeeSearch, type DeskAttendee } from "./attendee-search";
import { CameraScanner } from "./camera-scanner";
import { ResultBanner } from "./result-banner";
import { useServiceWorker } from "./use-service-worker";
import { useTablet, type Mode } from "./use-tablet";

export type DeskSession = { id: string; title: string; when: string };

const UNDO_MS = 2 * 60_000;

/**
 * The tablet at the door: one full-width answer on top, the camera and the scanner
 * field side by side in landscape (stacked in portrait), the search below. A
 * USB/Bluetooth scanner types into the focused field and presses Enter.
 */
export function CheckInDesk({
  eventId,
  publicKey,
  searchPath,
  query,
  results,
  sessions,
}: {
  eventId: string;
  publicKey: string;
  searchPath: string;
  query: string;
  results: DeskAttendee[] | null;
  sessions: DeskSession[];
}) {
  useServiceWorker();
  const tablet = useTablet(eventId, publicKey);
  const [mode, setMode] = useState<Mode>({ kind: "door" });
  const codeInput = useRef<HTMLInputElement>(null);
  const [expired, setExpired] = useState<string | null>(null);
  const result = tablet.result;
  const undoOpen = Boolean(result?.undoUntil) && expired !== result?.nonce;

  // Undo stays offered for 2 minutes after the answer arrived (the server checks it too).
  useEffect(() => {
    if (!result?.undoUntil) return;
    const t = setTimeout(() => setExpired(result.nonce), UNDO_MS);
    return () => clearTimeout(t);
  }, [result]);

  function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    event.currentTarget.reset();
    codeInput.current?.focus();
    if (code) void tablet.scan({ code }, mode);
  }

  function submitManual(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const attendeeId = String(new FormData(event.currentTarget).get("attendeeId") ?? "");
    if (attendeeId) void tablet.scan({ attendeeId });
  }

  return (
    <div className="grid gap-6">
      {/* The answer stays in view while staff scroll to the search or the field has focus lower down. */}
      <div className="sticky top-2 z-30">
        <ResultBanner result={tablet.result} canUndo={undoOpen} onUndo={() => void tablet.undo()} />
      </div>

      <div className="flex flex-wrap items-center gap-3 text-base">
        {tablet.online ? null : (
          <p className="flex items-center gap-2 rounded-full bg-amber-100 px-3 py-1 font-medium text-amber-900">
            <CloudOff aria-hidden="true" className="size-4" /> Offline: scans are saved on this tablet
          </p>
        )}
        <p aria-live="polite" className="rounded-full bg-muted px-3 py-1 font-medium">
          {tablet.pending === 0 ? "All scans synced" : `${tablet.pending} scan${tablet.pending === 1 ? "" : "s"} waiting to sync`}
        </p>
        {tablet.pending > 0 ? (
          <Button type="button" variant="outline" size="sm" className="h-11" onClick={() => void tablet.sync()}>
            <RefreshCw aria-hidden="true" /> Sync now
          </Button>
        ) : null}
        {tablet.listInfo ? (
          <p className="text-sm text-muted-foreground">
            Offline list: {tablet.listInfo.entries} codes{tablet.listInfo.verified ? ", signature verified" : ""}
          </p>
        ) : null}
      </div>

      {tablet.conflicts.length ? (
        <section aria-label="Sync problems" className="rounded-xl border-2 border-amber-400 bg-amber-50 p-4 text-amber-950">
          <h2 className="font-semibold">Needs a look after syncing</h2>
          <ul className="mt-2 grid gap-1">
            {tablet.conflicts.map((c) => (
              <li key={c.nonce}>{c.title}: {c.message}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="grid gap-6 md:landscape:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <CameraScanner onCode={(code) => void tablet.scan({ code }, mode)} />
        <section className="grid min-w-0 content-start gap-4 rounded-2xl border border-border bg-card p-5 shadow-xs">
          <div className="grid gap-1.5">
            <Label htmlFor="scan-mode">Scanning for</Label>
            <select
              id="scan-mode"
              className="h-12 w-full min-w-0 truncate rounded-md border border-input bg-background px-3 text-base"
              value={mode.kind === "door" ? "" : mode.agendaItemId}
              onChange={(e) => {
                const s = sessions.find((x) => x.id === e.target.value);
                setMode(s ? { kind: "session", agendaItemId: s.id, title: s.title } : { kind: "door" });
              }}
            >
              <option value="">Door check-in</option>
              {sessions.map((s) => (
                <option key={s.id} value={s.id}>Session: {s.title} ({s.when})</option>
              ))}
            </select>
          </div>
          <h2 className="flex items-center gap-2 text-lg font-semibold tracking-tight">
            <ScanLine aria-hidden="true" className="size-5 text-primary" />
            Scan or type the QR code
          </h2>
          <form onSubmit={submitCode} className="grid gap-3">
            <div className="grid gap-1.5">
              <Label htmlFor="qr-code">QR code</Label>
              <Input ref={codeInput} id="qr-code" name="code" autoFocus autoComplete="off" autoCapitalize="off" autoCorrect="off" spellCheck={false} enterKeyHint="go" className="h-14 font-mono text-lg" />
            </div>
            <Button type="submit" size="lg" className="h-14 text-lg">
              {mode.kind === "door" ? "Check in" : "Scan into session"}
            </Button>
          </form>
        </section>
      </div>

      {tablet.history.length ? (
        <details className="text-sm text-muted-foreground">
          <summary className="min-h-11 cursor-pointer py-2">Earlier at this tablet ({tablet.history.length})</summary>
          <ul className="grid gap-1 pl-4">
            {tablet.history.map((o) => (
              <li key={o.nonce} className={o.tone === "red" ? "text-destructive" : undefined}>{o.title}: {o.message}</li>
            ))}
          </ul>
        </details>
      ) : null}

      <AttendeeSearch searchPath={searchPath} query={query} results={results} onCheckIn={submitManual} />
    </div>
  );
}
