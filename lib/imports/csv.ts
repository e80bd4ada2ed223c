import { parse } from "csv-parse/sync";
import { CsvError } from "csv-parse/sync";
import type { Event, Speaker } from "@/db/schema";
import { parseEventFile, type EventFile } from "@/lib/events/event-file";

/**
 * CSV imports (issue 8 §1): one CSV per section — agenda, speakers, sponsors,
 * attendees. csv-parse gives each record its true line number (quoted cells may
 * span lines); every row is then checked by the event file's own parser, so a CSV
 * row is refused for exactly the reasons a JSON file would be, reported as
 * "line 7, column ends_at: must be after starts_at". Nothing is written unless the
 * whole file is valid.
 */

export const IMPORT_KINDS = ["agenda", "speakers", "sponsors", "attendees"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

type Col = { list?: boolean; number?: boolean; bool?: boolean };
/** The columns each kind accepts (the event file's field names); lists are separated by ";". */
export const COLUMNS: Record<ImportKind, Record<string, Col>> = {
  speakers: { key: {}, name: {}, title: {}, company: {}, bio: {}, focus_areas: { list: true }, pcr_score: { number: true } },
  sponsors: { key: {}, name: {}, booth_number: {}, offerings: { list: true }, focus_areas: { list: true }, target_revenue_tiers: { list: true }, special_offer: {}, talking_points: { list: true }, pcr_score: { number: true } },
  agenda: { key: {}, type: {}, title: {}, description: {}, room: {}, starts_at: {}, ends_at: {}, speaker: {}, topics: { list: true } },
  attendees: {
    email: {}, first_name: {}, last_name: {}, phone: {}, company_name: {}, business_type: {}, service_area: {}, revenue_tier: {},
    team_size: { number: true }, focus_areas: { list: true }, sms_opt_in: { bool: true }, registered_at: {},
  },
};
const REQUIRED: Record<ImportKind, string[]> = { speakers: ["name"], sponsors: ["name"], agenda: ["type", "title", "starts_at", "ends_at"], attendees: ["email"] };

export type RowError = { line: number; column: string | null; message: string };
export type CsvParsed =
  | { ok: true; kind: ImportKind; headers: string[]; lines: number[]; records: Array<Record<string, string>>; file: EventFile }
  | { ok: false; headers: string[]; errors: RowError[] };

export const MAX_ROWS = 20_000;

function slugKey(s: string): string {
  return s.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 80) || "row";
}

function convert(value: string, col: Col): unknown {
  if (value === "") return col.list ? [] : undefined;
  if (col.list) return value.split(";").map((s) => s.trim()).filter(Boolean);
  if (col.number) return Number.isFinite(Number(value)) ? Number(value) : value;
  if (col.bool) return /^(yes|true|1|y)$/i.test(value) ? true : /^(no|false|0|n)$/i.test(value) ? false : value;
  return value;
}

const stored = (e: Event) => ({ name: e.name, slug: e.slug, timezone: e.timezone, starts_at: e.startsAt.toISOString(), ends_at: e.endsAt.toISOString() });

export function parseCsv(text: string, kind: ImportKind, event: Event, speakers: Pick<Speaker, "key" | "name">[] = []): CsvParsed {
  let parsed: Array<{ record: Record<string, string>; info: { lines: number } }>;
  let headers: string[] = [];
  try {
    parsed = parse(text, {
      bom: true,
      columns: (h: string[]) => (headers = h.map((c) => c.trim().toLowerCase().replace(/\s+/g, "_"))),
      skip_empty_lines: true,
      trim: true,
      info: true,
      max_record_size: 100_000,
    });
  } catch (err) {
    if (err instanceof CsvError) return { ok: false, headers, errors: [{ line: (err as CsvError & { lines?: number }).lines ?? 1, column: null, message: err.message.replace(/^Invalid Record Length: /, "") }] };
    throw err;
  }
  const cols = COLUMNS[kind];
  const errors: RowError[] = [];
  for (const h of headers) if (!(h in cols)) errors.push({ line: 1, column: h, message: `unknown column (expected: ${Object.keys(cols).join(", ")})` });
  for (const r of REQUIRED[kind]) if (!headers.includes(r)) errors.push({ line: 1, column: r, message: "required column is missing" });
  if (parsed.length === 0) errors.push({ line: 1, column: null, message: "the file has no rows" });
  if (parsed.length > MAX_ROWS) errors.push({ line: 1, column: null, message: `at most ${MAX_ROWS} rows per file` });
  if (errors.length) return { ok: false, headers, errors };

  const lines = parsed.map((p) => p.info.lines);
  const records = parsed.map((p) => p.record);
  const rows = records.map((rec) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) {
      const c = convert(v, cols[k]);
      if (c !== undefined) out[k] = c;
    }
    if (kind !== "attendees" && !out.key) out.key = slugKey(String(out.name ?? out.title ?? ""));
    return out;
  });

  const file: Record<string, unknown> = { event: stored(event), speakers: [], agenda: [], sponsors: [] };
  if (kind === "agenda") {
    file.speakers = speakers.map((s) => ({ key: s.key, name: s.name }));
    file.agenda = rows;
  } else if (kind === "attendees") {
    file.contractors = rows.map(({ registered_at: _r, ...c }) => c);
    file.registrations = rows.map((r) => ({ email: r.email, registered_at: r.registered_at }));
  } else file[kind] = rows;

  const result = parseEventFile(file);
  if (result.ok) return { ok: true, kind, headers, lines, records, file: result.file };
  const section = kind === "attendees" ? "(contractors|registrations)" : kind;
  const re = new RegExp(`^${section}\\[(\\d+)\\](?:\\.(\\w+))?`);
  for (const e of result.errors) {
    const m = re.exec(e.path);
    if (!m) {
      errors.push({ line: 1, column: null, message: `${e.path}: ${e.message}` });
      continue;
    }
    const i = Number(m[kind === "attendees" ? 2 : 1]);
    const column = m[kind === "attendees" ? 3 : 2] ?? null;
    // Duplicate messages name the other index; say the other line instead.
    const message = e.message.replace(new RegExp(`\\(also at ${section.replace("(", "(?:")}\\[(\\d+)\\]\\)`), (_, j) => `(also on line ${lines[Number(j)]})`);
    errors.push({ line: lines[i], column, message });
  }
  const seen = new Set<string>();
  const unique = errors.filter((e) => !seen.has(`${e.line}|${e.column}|${e.message}`) && seen.add(`${e.line}|${e.column}|${e.message}`));
  return { ok: false, headers, errors: unique.sort((a, b) => a.line - b.line) };
}
