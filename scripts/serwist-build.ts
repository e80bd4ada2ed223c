/**
 * `serwist build` for the configurator mode of @serwist/next, without @serwist/cli
 * (not installed here; docs/decisions/0130): takes the options serwist.config.js
 * produces, bundles the worker source with esbuild, then injects the precache
 * manifest of the finished `next build` with @serwist/build — the same two steps the
 * CLI runs. Run after `next build` (npm run build and scripts/e2e-server.ts do).
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { injectManifest, type InjectManifestOptions } from "@serwist/build";
import { build } from "esbuild";

type ConfiguredOptions = InjectManifestOptions & { esbuildOptions?: { target?: string | string[] } };

async function main() {
  const config = (await import(pathToFileURL(path.resolve("serwist.config.js")).href)).default as ConfiguredOptions;
  const dir = mkdtempSync(path.join(tmpdir(), "tpx-sw-"));
  const bundled = path.join(dir, "sw.js");
  mkdirSync(path.dirname(path.resolve(config.swDest)), { recursive: true });
  try {
    await build({
      entryPoints: [config.swSrc],
      outfile: bundled,
      bundle: true,
      format: "esm",
      minify: true,
      target: config.esbuildOptions?.target ?? "es2022",
      define: { "process.env.NODE_ENV": '"production"' },
      logLevel: "warning",
    });
    const { esbuildOptions: _esbuild, ...options } = config;
    const result = await injectManifest({ ...options, swSrc: bundled });
    for (const w of result.warnings) console.warn(`[serwist] ${w}`);
    console.log(`[serwist] ${config.swDest}: ${result.count} files precached (${(result.size / 1024).toFixed(0)} KB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
