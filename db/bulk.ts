import { sql, type SQL } from "drizzle-orm";
import type { Db } from "./client";

/**
 * Bulk writes below the ORM (issue 13): drizzle builds a multi-row INSERT with one
 * bound parameter per cell (~100 µs of Node per 29-column row), which is what limited
 * the raw baseline and the CSV import.
 *
 * - `copyRows`: COPY … FROM STDIN (CSV), the database's own ceiling. postgres-js:
 *   `sql\`copy …\`.writable()`; PGlite: `COPY … FROM '/dev/blob'` with the data as a Blob.
 *   Needs the driver's client (`db.$client`), so not inside a drizzle transaction.
 * - `unnestValues`: one parameter per column (a PostgreSQL array), `INSERT … SELECT *
 *   FROM unnest(…)`: keeps ON CONFLICT and RETURNING, runs inside a transaction.
 */

export type BulkColumn = { name: string; type: string };
type Cell = string | number | boolean | Date | null | undefined | Record<string, unknown> | readonly unknown[];

function cellText(v: Cell): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** RFC 4180 CSV as COPY's CSV format reads it: empty unquoted = NULL, everything else quoted. */
function csvLine(cells: Cell[]): string {
  return cells
    .map((c) => {
      const t = cellText(c);
      return t === null ? "" : `"${t.replace(/"/g, '""')}"`;
    })
    .join(",");
}

type PostgresJsClient = { unsafe: (q: string) => { writable: () => Promise<NodeJS.WritableStream> } };
type PgliteClient = { query: (q: string, params: unknown[], opts: { blob: Blob }) => Promise<{ affectedRows?: number }> };

function clientOf(db: Db): { kind: "postgres"; c: PostgresJsClient } | { kind: "pglite"; c: PgliteClient } {
  const c = (db as unknown as { $client?: unknown }).$client as Record<string, unknown> | undefined;
  if (!c) throw new Error("copyRows needs the database client (not inside a transaction)");
  if (typeof c.unsafe === "function") return { kind: "postgres", c: c as unknown as PostgresJsClient };
  if (typeof c.query === "function") return { kind: "pglite", c: c as unknown as PgliteClient };
  throw new Error("copyRows: unknown database client");
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** COPY `rows` (one array of cells per row, in `columns` order) into `table`. Resolves when the server has them. */
export async function copyRows(db: Db, table: string, columns: string[], rows: Cell[][]): Promise<number> {
  if (rows.length === 0) return 0;
  const statement = (source: string) => `copy ${ident(table)} (${columns.map(ident).join(", ")}) from ${source} with (format csv)`;
  const client = clientOf(db);
  if (client.kind === "pglite") {
    const blob = new Blob([rows.map(csvLine).join("\n") + "\n"]);
    await client.c.query(statement("'/dev/blob'"), [], { blob });
    return rows.length;
  }
  // postgres-js resolves the query with the stream; the stream finishes when the server answered COPY.
  // Known limit: a row the server rejects leaves the stream unfinished (postgres-js 3.4 drops the error
  // once the stream has ended), so callers COPY only rows they built and checked themselves.
  const stream = await client.c.unsafe(statement("stdin")).writable();
  await new Promise<void>((resolve, reject) => {
    stream.on("error", reject);
    stream.on("finish", () => resolve());
    const CHUNK = 1_000;
    let i = 0;
    const pump = () => {
      while (i < rows.length) {
        const part = rows.slice(i, i + CHUNK).map(csvLine).join("\n") + "\n";
        i += CHUNK;
        // Bytes, not a string: postgres-js frames CopyData by the chunk's length.
        if (!stream.write(Buffer.from(part, "utf8"))) {
          stream.once("drain", pump);
          return;
        }
      }
      stream.end();
    };
    pump();
  });
  return rows.length;
}

/**
 * `select * from unnest($1::uuid[], $2::text[], …) as t(col1, col2, …)`: the rows as
 * one parameter per column, for `INSERT INTO t (…) <this> ON CONFLICT … RETURNING …`.
 */
export function unnestValues(columns: BulkColumn[], rows: Cell[][]): SQL {
  const arrays = columns.map((col, j) => {
    // One text parameter per column, a PostgreSQL array literal, cast on the server (same on both drivers).
    return sql`${arrayLiteral(rows.map((r) => cellText(r[j])))}::text[]::${sql.raw(col.type)}[]`;
  });
  return sql`select * from unnest(${sql.join(arrays, sql`, `)}) as t(${sql.raw(columns.map((c) => ident(c.name)).join(", "))})`;
}

/** `{"a","b\\"c",NULL}`: every element quoted, backslash and quote escaped. */
export function arrayLiteral(values: Array<string | null>): string {
  return `{${values.map((v) => (v === null ? "NULL" : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)).join(",")}}`;
}

/** `xs` in consecutive slices of at most `n`: one statement each, inside PostgreSQL's 65,535 bound parameters. */
export function inChunks<T>(xs: readonly T[], n: number): T[][] {
  return Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));
}

/** The rows of `db.execute(…)`: an array on postgres-js, `{ rows }` on PGlite. */
export function executedRows<T>(res: unknown): T[] {
  return (Array.isArray(res) ? res : ((res as { rows?: unknown[] }).rows ?? [])) as T[];
}
