import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { uuid } from "@/lib/http/parse";

/**
 * Cursor pagination for /api/v1 lists. Every list is ordered by (created_at, id)
 * ascending, and the cursor is the last row's pair, base64url-encoded so callers
 * treat it as opaque. Rows inserted while someone pages land after their cursor
 * or before it, never shifting a page (offsets would). created_at travels as
 * PostgreSQL's own microsecond text: a JS Date would round it to milliseconds and
 * the row at the cursor would come back on the next page.
 */

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 50;

export type Cursor = { t: string; id: string };

const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.t, c.id]), "utf8").toString("base64url");
}

export function decodeCursor(raw: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(raw)) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [t, id] = v;
    if (typeof t !== "string" || !TIMESTAMP_TEXT.test(t) || !uuid.safeParse(id).success) return null;
    return { t, id };
  } catch {
    return null;
  }
}

export const cursorParam = z
  .string()
  .transform((raw, ctx) => {
    const c = decodeCursor(raw);
    if (!c) {
      ctx.addIssue({ code: "custom", message: "is not a cursor from this API (use next_cursor as it was returned)" });
      return z.NEVER;
    }
    return c;
  })
  .optional()
  .meta({ description: "The `next_cursor` of the previous page; leave out for the first page.", example: "WyIyMDI2LTEyLTAxVDEwOjAwOjAwLjAwMDAwMFoiLCIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAiXQ" });

export const limitParam = z.coerce
  .number({ error: "must be a whole number" })
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`)
  .default(DEFAULT_LIMIT)
  .meta({ description: `Page size, 1–${MAX_LIMIT}.`, example: 50 });

export const pageQuery = { cursor: cursorParam, limit: limitParam };

/** The column to select as `ck` beside each row: created_at as exact text. */
export function cursorKey(createdAt: PgColumn): SQL<string> {
  return sql<string>`to_char(${createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Rows after the cursor, in (created_at, id) order. */
export function afterCursor(createdAt: PgColumn, id: PgColumn, cursor: Cursor | undefined): SQL | undefined {
  return cursor ? sql`(${createdAt}, ${id}) > (${cursor.t}::timestamptz, ${cursor.id}::uuid)` : undefined;
}

export type Page<T> = { data: T[]; next_cursor: string | null };

/** Query `limit + 1` rows; this keeps `limit` and says whether there is a next page. */
export function toPage<R extends { ck: string; id: string }, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { data: kept.map(map), next_cursor: more && last ? encodeCursor({ t: last.ck, id: last.id }) : null };
}
