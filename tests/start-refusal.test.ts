import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Boots the app's start-up (what instrumentation.ts runs) in a process of its own. */
function boot(env: Record<string, string | undefined>) {
  const clean = { ...process.env };
  delete clean.NEXTAUTH_SECRET;
  delete clean.VITEST;
  const r = spawnSync(process.execPath, ["--import", "tsx", "-e", "import('./lib/runtime/start.ts').then((m) => m.startApp()).then(() => { console.log('started'); process.exit(0); })"], {
    env: { ...clean, DATABASE_URL: "postgres://127.0.0.1:1/none", LOCAL_DRIVER: "off", ...env } as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("refusing to start (SPEC §4.4)", () => {
  it("exits 1 naming NEXTAUTH_SECRET when production has no server secret, before touching the database", () => {
    const r = boot({ NODE_ENV: "production", TPX_OUTBOX_ONLY: "1" });
    expect(r.status).toBe(1);
    expect(r.out).toContain("[tpx] Refusing to start in production:");
    expect(r.out).toContain("NEXTAUTH_SECRET is not set");
    expect(r.out).not.toContain("started");
  });

  it("exits 1 naming a malformed variable", () => {
    const r = boot({ NODE_ENV: "production", TPX_OUTBOX_ONLY: "1", NEXTAUTH_SECRET: "x".repeat(40), LOCAL_DRIVER: "sometimes" });
    expect(r.status).toBe(1);
    expect(r.out).toContain("LOCAL_DRIVER: Invalid option");
  });
});
