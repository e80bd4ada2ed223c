import type { ReactNode } from "react";

export function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="grid gap-1 rounded-xl border border-border bg-card p-4 shadow-xs" role="group" aria-label={label}>
      <p className="text-sm text-muted-foreground">{label}</p>
      <p className="text-2xl font-semibold tabular-nums">{value}</p>
      {note ? <p className="text-xs text-muted-foreground">{note}</p> : null}
    </div>
  );
}

export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-xl border border-border bg-card p-4 shadow-xs">
      <h2 className="mb-3 font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export const percent = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(r >= 0.995 || r === 0 ? 0 : 1)}%`);

export function seconds(s: number | null): string {
  if (s === null) return "—";
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  if (s < 120) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  return `${Math.round(s / 60)} min`;
}

export function duration(s: number): string {
  if (s <= 0) return "empty";
  if (s < 60) return `${Math.ceil(s)} s`;
  if (s < 3600) return `${Math.ceil(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}
