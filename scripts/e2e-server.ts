/**
 * The server Playwright tests run against: the production build (built unless
 * E2E_SKIP_BUILD=1 and a build exists) on a fresh database with the demo seeded,
 * the dev outbox (TPX_OUTBOX_ONLY), the local driver and the dev clock on.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import postgres from "postgres";

const port = process.env.E2E_PORT ?? "3100";

async function freshDatabaseEnv(): Promise<Record<string, string>> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dir = ".data/e2e";
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.lock`, { force: true });
    return { PGLITE_DATA_DIR: dir };
  }
  // One database per port, so two checkouts can run their e2e suites side by side.
  const name = port === "3100" ? "tpx_e2e" : `tpx_e2e_${Number(port)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString() };
}

async function main() {
  if (process.env.E2E_SKIP_BUILD !== "1" || !existsSync(".next/BUILD_ID")) {
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (build.status !== 0) process.exit(build.status ?? 1);
    // The tablet's service worker (the second half of `npm run build`).
    const sw = spawnSync("npx", ["tsx", "scripts/serwist-build.ts"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (sw.status !== 0) process.exit(sw.status ?? 1);
  }
  const dbEnv = await freshDatabaseEnv();
  const child = spawn("npx", ["next", "start", "-p", port], {
    stdio: "inherit",
    env: {
      ...process.env,
      ...dbEnv,
      NODE_ENV: "production",
      APP_URL: `http://localhost:${port}`,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-use",
      SEED_DEMO: "on",
      TPX_DEV_TOOLS: "1",
      // Production build without providers: the dev outbox on purpose (SPEC §4.4 guard).
      TPX_OUTBOX_ONLY: "1",
      RESEND_API_KEY: "",
      TWILIO_ACCOUNT_SID: "",
      OPENAI_API_KEY: "",
      INNGEST_EVENT_KEY: "",
      INNGEST_DEV: "",
    },
  });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
