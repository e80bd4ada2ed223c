/**
 * Lighthouse on the attendee pages (issue 12): mobile emulation, performance and
 * accessibility, against the production build (`npx next build` then `next start`
 * with the env of scripts/e2e-server.ts). Not part of `npm run bench` (it needs a
 * running server and a browser); run it by hand:
 *
 *   npx tsx bench/lighthouse.ts --base http://localhost:3205 \
 *     --page /events/contractor-growth-summit-2026 \
 *     --page "/events/contractor-growth-summit-2026/agenda?t=<token from the outbox JSON>" \
 *     [--runs 3] [--chrome /usr/bin/chromium] [--out bench/results/lighthouse.json]
 *     [--lhr-dir bench/results/lhr]   (every run's full Lighthouse JSON, for the details:
 *                                      bootup-time, mainthread-work-breakdown, long-tasks…)
 *
 * Needs the `lighthouse` package (12.2.3: `npm i -D -E lighthouse@12.2.3`); it is
 * imported dynamically so the rest of the repo builds without it. Goals: mobile
 * performance ≥ 90, accessibility 100 (docs/benchmarks.md). Exits 1 below a goal.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

type Args = { base: string; pages: string[]; runs: number; chrome: string; out: string | null; lhrDir: string | null };
const GOALS = { performance: 90, accessibility: 100 } as const;

function parseArgs(argv: string[]): Args {
  const args: Args = { base: "http://localhost:3000", pages: [], runs: 3, chrome: process.env.CHROME_PATH ?? "/usr/bin/chromium", out: null, lhrDir: null };
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === "--base") args.base = v;
    else if (k === "--page") args.pages.push(v);
    else if (k === "--runs") args.runs = Math.max(1, Number(v));
    else if (k === "--chrome") args.chrome = v;
    else if (k === "--out") args.out = v;
    else if (k === "--lhr-dir") args.lhrDir = v;
    else continue;
    i++;
  }
  if (args.pages.length === 0) throw new Error("at least one --page is required");
  return args;
}

type Scores = { performance: number; accessibility: number; lcpMs: number; tbtMs: number; cls: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const args = parseArgs(process.argv.slice(2));
  // Dynamic: lighthouse is a dev tool installed on demand, not a dependency of the app.
  const { default: lighthouse } = (await import(/* webpackIgnore: true */ "lighthouse" as string)) as { default: (url: string, flags: object) => Promise<{ lhr: LhResult } | undefined> };
  const { launch } = (await import("chrome-launcher" as string)) as { launch: (o: object) => Promise<{ port: number; kill: () => Promise<void> }> };
  const chrome = await launch({ chromePath: args.chrome, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
  const results: Array<{ page: string } & Scores> = [];
  try {
    for (const page of args.pages) {
      const runs: Scores[] = [];
      for (let r = 0, failed = 0; r < args.runs; r++) {
        const result = await lighthouse(new URL(page, args.base).href, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility"],
          formFactor: "mobile",
          screenEmulation: { mobile: true, width: 390, height: 844, deviceScaleFactor: 3, disabled: false },
        });
        if (!result) throw new Error(`no result for ${page}`);
        // A broken trace (e.g. NO_NAVSTART on a loaded machine) scores 0: run it again, not into the median.
        if (result.lhr.runtimeError) {
          console.error(`  run ${r + 1}: ${result.lhr.runtimeError.code}, running it again`);
          if (++failed > 3) throw new Error(`${page}: ${failed} broken Lighthouse runs`);
          r--;
          continue;
        }
        if (args.lhrDir) {
          mkdirSync(args.lhrDir, { recursive: true });
          const name = page.replace(/[?#].*$/, "").replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "root";
          writeFileSync(path.join(args.lhrDir, `${name}.run${r + 1}.json`), JSON.stringify(result.lhr));
        }
        runs.push(scores(result.lhr));
      }
      const row = {
        page: page.replace(/([?&]t=)[^&]+/, "$1…"),
        performance: median(runs.map((s) => s.performance)),
        accessibility: median(runs.map((s) => s.accessibility)),
        lcpMs: median(runs.map((s) => s.lcpMs)),
        tbtMs: median(runs.map((s) => s.tbtMs)),
        cls: median(runs.map((s) => s.cls)),
      };
      results.push(row);
      console.log(`${row.page}\n  performance ${row.performance}  accessibility ${row.accessibility}  LCP ${row.lcpMs} ms  TBT ${row.tbtMs} ms  CLS ${row.cls}  (median of ${args.runs})`);
    }
  } finally {
    await chrome.kill();
  }
  if (args.out) {
    mkdirSync(path.dirname(args.out), { recursive: true });
    writeFileSync(args.out, JSON.stringify({ at: new Date().toISOString(), base: args.base, goals: GOALS, results }, null, 2));
  }
  const missed = results.filter((r) => r.performance < GOALS.performance || r.accessibility < GOALS.accessibility);
  if (missed.length) {
    console.error(`below the goals (performance ≥ ${GOALS.performance}, accessibility ${GOALS.accessibility}): ${missed.map((m) => m.page).join(", ")}`);
    process.exit(1);
  }
}

type LhResult = {
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
};

function scores(lhr: LhResult): Scores {
  const pct = (k: string) => Math.round((lhr.categories[k]?.score ?? 0) * 100);
  return {
    performance: pct("performance"),
    accessibility: pct("accessibility"),
    lcpMs: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? 0),
    tbtMs: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? 0),
    cls: Number((lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0).toFixed(3)),
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
