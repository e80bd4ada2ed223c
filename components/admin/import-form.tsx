"use client";

import { useState, useTransition } from "react";
import { CircleCheck } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Preview =
  | { ok: true; rows: number; headers: string[]; sample: string[][] }
  | { ok: false; message: string; errors: Array<{ line: number | null; column: string | null; message: string }> };
type Commit = { ok: true; message: string; details: string[] } | { ok: false; message: string };

const KINDS = [
  ["sponsors", "Sponsors (CSV)"],
  ["speakers", "Speakers (CSV)"],
  ["agenda", "Agenda (CSV)"],
  ["attendees", "Attendees (CSV)"],
  ["event", "Whole event file (JSON)"],
] as const;

/** Rows per request when importing: small enough for a steady progress bar, big enough for batch writes. */
const SLICE = 2_000;

/**
 * Pick or paste a file, check it (nothing is written), fix what the errors name,
 * then import; large files go in slices so the progress bar is real.
 */
export function ImportForm({
  preview,
  commit,
  columns,
}: {
  preview: (kind: string, text: string) => Promise<Preview>;
  commit: (kind: string, text: string, from: number, to: number) => Promise<Commit>;
  columns: Record<string, string[]>;
}) {
  const [kind, setKind] = useState<string>("sponsors");
  const [text, setText] = useState("");
  const [checked, setChecked] = useState<Preview | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<Commit | null>(null);
  const [pending, start] = useTransition();

  const reset = () => {
    setChecked(null);
    setResult(null);
    setProgress(null);
  };

  async function onFile(file: File | undefined) {
    if (!file) return;
    setText(await file.text());
    reset();
  }

  function onCheck() {
    reset();
    start(async () => setChecked(await preview(kind, text)));
  }

  function onImport() {
    if (!checked?.ok) return;
    const total = kind === "attendees" ? checked.rows : 1;
    start(async () => {
      const details: string[] = [];
      let written = 0;
      for (let from = 0; from < (kind === "attendees" ? total : 1); from += SLICE) {
        setProgress({ done: from, total });
        const r = await commit(kind, text, from, kind === "attendees" ? Math.min(total, from + SLICE) : 1_000_000);
        if (!r.ok) return setResult(r);
        written += Number(/^(\d+)/.exec(r.message)?.[1] ?? 0);
        details.push(...r.details);
      }
      setProgress({ done: total, total });
      setResult({ ok: true, message: kind === "event" ? "Event file imported." : `${written} rows imported.`, details });
      setChecked(null);
    });
  }

  return (
    <div className="grid gap-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor="import-kind">What to import</Label>
          <Select id="import-kind" value={kind} onChange={(e) => (setKind(e.target.value), reset())}>
            {KINDS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
          {columns[kind] ? <p className="text-sm text-muted-foreground">Columns: {columns[kind].join(", ")}. Lists separated by “;”.</p> : null}
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="import-file">File</Label>
          <input id="import-file" type="file" accept=".csv,.json,text/csv,application/json" className="text-sm" onChange={(e) => void onFile(e.target.files?.[0])} />
        </div>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="import-text">Contents (you can fix a row here)</Label>
        <Textarea id="import-text" rows={8} className="font-mono text-xs" value={text} onChange={(e) => (setText(e.target.value), reset())} spellCheck={false} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={onCheck} aria-disabled={pending || !text || undefined} disabled={!text}>
          {pending && !progress ? "Checking…" : "Check file"}
        </Button>
        {checked?.ok ? (
          <Button type="button" onClick={onImport} aria-disabled={pending || undefined}>
            {kind === "event" ? "Import event file" : `Import ${checked.rows} rows`}
          </Button>
        ) : null}
      </div>
      {progress ? (
        <div className="grid gap-1">
          <Label htmlFor="import-progress">Importing</Label>
          <progress id="import-progress" max={progress.total} value={progress.done} className="w-full" />
          <span className="text-sm text-muted-foreground" aria-live="polite">
            {progress.done} of {progress.total}
          </span>
        </div>
      ) : null}
      {checked && !checked.ok ? (
        <Alert variant="destructive" role="alert">
          <AlertTitle>{checked.message}</AlertTitle>
          <AlertDescription>
            <ul className="list-disc pl-5">
              {checked.errors.map((e, i) => (
                <li key={i}>
                  {e.line != null ? `Line ${e.line}` : "File"}
                  {e.column ? `, column ${e.column}` : ""}: {e.message}
                </li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      ) : null}
      {checked?.ok ? (
        <section aria-labelledby="preview-heading" className="grid gap-2">
          <h2 id="preview-heading" className="text-lg font-semibold">
            Preview: {checked.rows} rows, no errors
          </h2>
          <Table aria-labelledby="preview-heading" containerClassName="rounded-xl border border-border bg-card">
            <TableHeader>
              <TableRow>
                {checked.headers.map((h) => (
                  <TableHead key={h}>{h}</TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {checked.sample.map((row, i) => (
                <TableRow key={i}>
                  {row.map((c, j) => (
                    <TableCell key={j}>{c}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ) : null}
      {result ? (
        <Alert variant={result.ok ? "success" : "destructive"} role={result.ok ? "status" : "alert"}>
          {result.ok ? <CircleCheck aria-hidden="true" /> : null}
          <AlertTitle>{result.message}</AlertTitle>
          {result.ok && result.details.length ? (
            <AlertDescription>
              <ul className="list-disc pl-5">
                {result.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            </AlertDescription>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}
