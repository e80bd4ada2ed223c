/**
 * npm run bench [-- --only <name>[,<name>…]] [--db pglite|postgres|both] [--quick]
 *
 * Runs every benchmark in bench/*.bench.ts against a fresh database of each kind,
 * prints a table per benchmark and writes bench/results/<timestamp>.json.
 * What each one measures: docs/benchmarks.md.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { resetClock } from "@/lib/clock";
import { env } from "@/lib/env";
import type { Benchmark, BenchResult, DbKind } from "./registry";
import { openBenchDb, serverVersion } from "./support/db";
import { loadAverage } from "./support/measure";
import { formatTable } from "./support/table";

const BENCH_DIR = import.meta.dirname;

type Options = { only?: string[]; dbs: DbKind[]; quick: boolean };

function usage(message?: string): never {
  if (message) console.error(message);
  console.error("Usage: npm run bench -- [--only <name>[,<name>…]] [--db pglite|postgres|both] [--quick]");
  process.exit(2);
}

function parseArgs(argv: string[], databaseUrl: string | undefined): Options {
  let only: string | undefined;
  let db: string | undefined;
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") continue;
    else if (a === "--quick") quick = true;
    else if (a === "--only") only = argv[++i] ?? usage("--only needs a benchmark name");
    else if (a.startsWith("--only=")) only = a.slice("--only=".length);
    else if (a === "--db") db = argv[++i] ?? usage("--db needs pglite, postgres or both");
    else if (a.startsWith("--db=")) db = a.slice("--db=".length);
    else if (a === "--help" || a === "-h") usage();
    else usage(`Unknown argument: ${a}`);
  }
  const dbs: DbKind[] =
    db === undefined ? (databaseUrl ? ["pglite", "postgres"] : ["pglite"])
    : db === "both" ? ["pglite", "postgres"]
    : db === "pglite" || db === "postgres" ? [db]
    : usage(`--db must be pglite, postgres or both, not ${db}`);
  if (dbs.includes("postgres") && !databaseUrl) usage("--db postgres needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)");
  return { only: only?.split(",").map((n) => n.trim()).filter(Boolean), dbs, quick };
}

/**
 * The `<name>.bench.ts` files beside this file, in name order (only those named in
 * `--only`, so one benchmark that does not load cannot stop the others).
 */
async function loadBenchmarks(only: string[] | undefined): Promise<{ loaded: Benchmark[]; broken: RunRecord[] }> {
  const available = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith(".bench.ts"))
    .map((f) => f.slice(0, -".bench.ts".length))
    .sort();
  const unknown = (only ?? []).filter((n) => !available.includes(n));
  if (unknown.length) usage(`No benchmark named ${unknown.join(", ")}; have: ${available.join(", ")}`);
  const loaded: Benchmark[] = [];
  const broken: RunRecord[] = [];
  for (const name of available.filter((n) => !only || only.includes(n))) {
    try {
      const mod = (await import(pathToFileURL(path.join(BENCH_DIR, `${name}.bench.ts`)).href)) as { default?: Benchmark };
      if (!mod.default?.run || mod.default.name !== name) {
        throw new Error(`${name}.bench.ts must default-export defineBenchmark({ name: "${name}", title, run })`);
      }
      loaded.push(mod.default);
    } catch (err) {
      broken.push({ benchmark: name, title: "(did not load)", db: "pglite", quick: false, startedAt: new Date().toISOString(), seconds: 0, loadBefore: "", loadAfter: "", error: describeError(err) });
    }
  }
  return { loaded, broken };
}

function packageVersion(name: string): string {
  const file = path.join(process.cwd(), "node_modules", name, "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

type RunRecord = {
  benchmark: string;
  title: string;
  db: DbKind;
  quick: boolean;
  startedAt: string;
  seconds: number;
  loadBefore: string;
  loadAfter: string;
  result?: BenchResult;
  error?: string;
};

function printRun(r: RunRecord): void {
  console.log(`\n=== ${r.benchmark} [${r.db}${r.quick ? ", quick" : ""}] — ${r.title}`);
  console.log(`    ${r.seconds.toFixed(1)} s; load average before ${r.loadBefore}, after ${r.loadAfter}\n`);
  if (r.error) {
    console.log(`FAILED: ${r.error}`);
    return;
  }
  const res = r.result!;
  console.log(formatTable(res.rows));
  for (const t of res.tables ?? []) console.log(`\n${t.title}\n${formatTable(t.rows)}`);
  if (res.goals?.length) {
    console.log("");
    for (const g of res.goals) console.log(`GOAL ${g.met ? "MET    " : "NOT MET"}  ${g.goal}: ${g.measured}`);
  }
  for (const n of res.notes ?? []) console.log(`  - ${n}`);
}

/** drizzle's "Failed query" errors carry every parameter: keep the head and the driver's cause. */
function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const head = err.message.length > 400 ? `${err.message.slice(0, 400)}…` : err.message;
  const cause = err.cause instanceof Error ? `\ncaused by: ${err.cause.message}` : "";
  const frames = (err.stack ?? "").split("\n").filter((l) => l.trimStart().startsWith("at ")).slice(0, 6);
  return [head + cause, ...frames].join("\n");
}

async function main() {
  const databaseUrl = env().DATABASE_URL;
  const opts = parseArgs(process.argv.slice(2), databaseUrl);
  const { loaded: selected, broken } = await loadBenchmarks(opts.only);

  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    node: process.version,
    pglite: packageVersion("@electric-sql/pglite"),
    drizzle: packageVersion("drizzle-orm"),
    postgres: opts.dbs.includes("postgres") ? await serverVersion(databaseUrl!) : null,
    loadAverageAtStart: loadAverage(),
  };
  console.log(
    `TPX benchmarks — ${new Date().toISOString()}\n` +
      `machine: ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, PGlite ${machine.pglite}` +
      `${machine.postgres ? `, ${machine.postgres}` : ""}; load average ${machine.loadAverageAtStart}`,
  );

  const runs: RunRecord[] = [...broken];
  for (const b of broken) {
    printRun(b);
    process.exitCode = 1;
  }
  for (const bench of selected) {
    for (const db of opts.dbs) {
      const started = Date.now();
      const record: RunRecord = {
        benchmark: bench.name,
        title: bench.title,
        db,
        quick: opts.quick,
        startedAt: new Date(started).toISOString(),
        seconds: 0,
        loadBefore: loadAverage(),
        loadAfter: "",
      };
      console.error(`\n> ${bench.name} on ${db}${opts.quick ? " (quick)" : ""}`);
      try {
        record.result = await bench.run({
          db,
          quick: opts.quick,
          openDb: () => openBenchDb(db, databaseUrl),
          log: (m) => console.error(`  [${bench.name}/${db}] ${m}`),
        });
      } catch (err) {
        record.error = describeError(err);
        process.exitCode = 1;
      } finally {
        resetClock();
      }
      record.seconds = (Date.now() - started) / 1000;
      record.loadAfter = loadAverage();
      runs.push(record);
      printRun(record);
    }
  }

  const dir = path.join(BENCH_DIR, "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ machine, options: opts, runs }, null, 2) + "\n");
  console.log(`\nResults written to ${path.relative(process.cwd(), file)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
