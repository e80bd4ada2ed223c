import type { FigureRow } from "../registry";

function cell(v: FigureRow[string]): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isInteger(v) ? v.toLocaleString("en-US") : v.toLocaleString("en-US", { maximumFractionDigits: 3 });
  return String(v);
}

/** A plain-text table: columns from the union of the rows' keys, numbers right-aligned. */
export function formatTable(rows: FigureRow[]): string {
  if (rows.length === 0) return "(no rows)";
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = rows.map((r) => keys.map((k) => cell(r[k])));
  const widths = keys.map((k, i) => Math.max(k.length, ...cells.map((c) => c[i].length)));
  const numeric = keys.map((k) => rows.every((r) => r[k] === undefined || r[k] === null || typeof r[k] === "number"));
  const line = (values: string[]) =>
    values.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(keys), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}
