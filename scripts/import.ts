/**
 * npm run import -- path/to/event.json
 *
 * Validates an event file (docs/event-format.md), then imports it into the
 * database the app uses (DATABASE_URL, or the embedded PGlite folder).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { now } from "@/lib/clock";
import { parseEventFile } from "@/lib/events/event-file";
import { importEventFile, type ImportSummary } from "@/lib/events/import";
import { openDatabaseForCli } from "@/lib/runtime/pglite-lock";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    fail(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    fail(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}

function formatSummary(s: ImportSummary): string[] {
  const counts = (c: { created: number; updated: number; unchanged: number }) =>
    `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;
  const r = s.registrations;
  const lines = [
    `Event "${s.slug}" ${s.event} (id ${s.eventId})`,
    `  speakers:      ${counts(s.speakers)}`,
    `  agenda:        ${counts(s.agenda)}, ${s.agenda.cancelled} cancelled`,
    `  sponsors:      ${counts(s.sponsors)}, ${s.sponsors.removed} removed`,
    `  contractors:   ${counts(s.contractors)}`,
    `  registrations: ${r.created} created, ${r.existing} already registered` +
      (r.cancelledSkipped ? `, ${r.cancelledSkipped} skipped (attendee had cancelled)` : "") +
      (r.failed.length ? `, ${r.failed.length} failed` : ""),
  ];
  if (s.messages) lines.push(`  messages:      schedule changed: ${s.messages.moved} moved, ${s.messages.cancelled} cancelled`);
  for (const f of r.failed) lines.push(`  ! ${f.email}: ${f.message}`);
  return lines;
}

async function main() {
  const file = process.argv.slice(2).find((a) => a !== "--");
  if (!file) fail("Usage: npm run import -- path/to/event.json   (format: docs/event-format.md)");

  const parsed = parseEventFile(readJson(file));
  if (!parsed.ok) {
    console.error(`${file}: ${parsed.errors.length} problem(s), nothing imported:`);
    for (const e of parsed.errors) console.error(`  ${e.path}: ${e.message}`);
    process.exit(1);
  }

  let handle;
  try {
    handle = await openDatabaseForCli();
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  try {
    const summary = await importEventFile(handle.db, parsed.file, { now: now() });
    console.log(`Imported ${path.basename(file)}:`);
    for (const line of formatSummary(summary)) console.log(line);
    if (summary.registrations.failed.length) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exit(1);
});
