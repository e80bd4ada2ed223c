import type { DbHandle } from "@/db/client";

export type DbKind = "pglite" | "postgres";

/** One row of figures: a table row on screen, an object in the JSON results. */
export type FigureRow = Record<string, string | number | boolean | null>;

/** A target a benchmark checks itself against (e.g. "ratio ≥ 0.3"). */
export type GoalCheck = { goal: string; measured: string; met: boolean };

export type BenchResult = {
  /** Printed as one table; every row should carry the same keys. */
  rows: FigureRow[];
  goals?: GoalCheck[];
  /** Further tables (e.g. a profile breakdown), printed under their title. */
  tables?: Array<{ title: string; rows: FigureRow[] }>;
  /** Free-form findings printed after the tables. */
  notes?: string[];
};

export type BenchContext = {
  db: DbKind;
  quick: boolean;
  /** A fresh, migrated database of `db`'s kind; call it again for another one. Close it when done. */
  openDb: () => Promise<DbHandle>;
  /** Progress on stderr, so the tables on stdout stay readable. */
  log: (message: string) => void;
};

export type Benchmark = {
  /** What `--only <name>` selects. */
  name: string;
  /** One line: what is measured. */
  title: string;
  run: (ctx: BenchContext) => Promise<BenchResult>;
};

/** Each `bench/*.bench.ts` default-exports one of these; bench/index.ts finds them. */
export function defineBenchmark(b: Benchmark): Benchmark {
  return b;
}
