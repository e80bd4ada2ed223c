"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { describeMoved } from "@/components/admin/what-moved";
import { getDb } from "@/lib/db";
import { parseEventFile } from "@/lib/events/event-file";
import { listSpeakers } from "@/lib/events/items";
import { getEventById } from "@/lib/events/queries";
import { action } from "@/lib/http/action";
import { uuid } from "@/lib/http/parse";
import { IMPORT_KINDS, parseCsv, type ImportKind } from "@/lib/imports/csv";
import { importJsonForEvent, writeCsvSection } from "@/lib/imports/write";

export type ImportPreview =
  | { ok: true; rows: number; headers: string[]; sample: string[][] }
  | { ok: false; message: string; errors: Array<{ line: number | null; column: string | null; message: string }> };
export type ImportCommit = { ok: true; message: string; details: string[] } | { ok: false; message: string };

const kind = z.enum([...IMPORT_KINDS, "event"]);
/** A file's text; 8 MB covers 20,000 attendee rows (next.config serverActions.bodySizeLimit). */
const fileText = z.string().max(8_000_000, "the file is larger than 8 MB").refine((v) => !v.includes("\u0000"), "the file is not text");

async function parse(eventId: string, k: ImportKind | "event", text: string) {
  const db = await getDb();
  const event = await getEventById(db, eventId);
  if (!event) return { event: null, db } as const;
  if (k === "event") {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      return { event, db, errors: [{ line: null, column: null, message: `not valid JSON: ${(err as Error).message}` }] } as const;
    }
    const r = parseEventFile(json);
    return r.ok ? ({ event, db, json: r.file } as const) : ({ event, db, errors: r.errors.map((e) => ({ line: null, column: e.path, message: e.message })) } as const);
  }
  const r = parseCsv(text, k, event, k === "agenda" ? await listSpeakers(db, eventId) : []);
  return r.ok ? ({ event, db, csv: r } as const) : ({ event, db, errors: r.errors } as const);
}

const previewError = (e: { message: string }): ImportPreview => ({ ok: false, message: e.message, errors: [] });

/** Checks the whole file and shows what would be imported; writes nothing. */
export const previewImportAction = action({ auth: "admin", args: [uuid, kind, fileText], onError: previewError }, async ({ args: [eventId, k, text] }): Promise<ImportPreview> => {
  const p = await parse(eventId, k, text);
  if (!p.event) return previewError({ message: "This event no longer exists." });
  if ("errors" in p && p.errors) return { ok: false, message: `Nothing was imported: ${p.errors.length} ${p.errors.length === 1 ? "problem" : "problems"} to fix.`, errors: p.errors.slice(0, 200) };
  if ("json" in p && p.json) {
    const f = p.json;
    return { ok: true, rows: f.agenda.length + f.speakers.length + f.sponsors.length + f.registrations.length, headers: ["section", "rows"], sample: [["speakers", String(f.speakers.length)], ["agenda", String(f.agenda.length)], ["sponsors", String(f.sponsors.length)], ["contractors", String(f.contractors.length)], ["registrations", String(f.registrations.length)]] };
  }
  const csv = p.csv!;
  return { ok: true, rows: csv.records.length, headers: csv.headers, sample: csv.records.slice(0, 10).map((r) => csv.headers.map((h) => r[h] ?? "")) };
});

const commitError = (e: { message: string }): ImportCommit => ({ ok: false, message: e.message });

/**
 * Writes rows [from, to) of a file that is valid as a whole (it is checked again here:
 * the client is not trusted to have previewed). The page calls it in slices to show progress.
 */
export const commitImportAction = action(
  { auth: "admin", args: [uuid, kind, fileText, z.number().int().min(0), z.number().int().min(1)], onError: commitError },
  async ({ args: [eventId, k, text, from, to] }): Promise<ImportCommit> => {
    const p = await parse(eventId, k, text);
    if (!p.event) return commitError({ message: "This event no longer exists." });
    if ("errors" in p && p.errors) return commitError({ message: "The file has errors; preview it again." });
    revalidatePath(`/admin/events/${eventId}`, "layout");
    if ("json" in p && p.json) {
      const r = await importJsonForEvent(p.db, p.event, p.json);
      if (!r.ok) return commitError(r);
      const s = r.summary;
      return { ok: true, message: "Event file imported.", details: [`speakers ${s.speakers.created} new, ${s.speakers.updated} updated`, `agenda ${s.agenda.created} new, ${s.agenda.updated} updated, ${s.agenda.cancelled} cancelled`, `sponsors ${s.sponsors.created} new, ${s.sponsors.updated} updated`, `registrations ${s.registrations.created} new, ${s.registrations.failed.length} refused`] };
    }
    const r = await writeCsvSection(p.db, p.event, p.csv!.kind, p.csv!.file, { from, to });
    const details = r.moved ? describeMoved(r.moved, p.event.timezone) : [];
    if (r.registrations) details.unshift(`${r.registrations.created} registered, ${r.registrations.existing} already registered, ${r.registrations.failed.length} refused${r.registrations.failed[0] ? ` (${r.registrations.failed[0].message})` : ""}`);
    return { ok: true, message: `${r.written} rows imported.`, details };
  },
);
