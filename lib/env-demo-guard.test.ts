import { describe, expect, it } from "vitest";
import { devToolsEnabled, envSchema } from "./env";

/** SPEC §4.4: demo data and logins (published passwords) and the dev clock never exist in production. */
describe("the demo seed and dev tools in production", () => {
  const prod = { NODE_ENV: "production", TPX_OUTBOX_ONLY: "1" };

  it("refuses SEED_DEMO=on under NODE_ENV=production, naming the variable", () => {
    const r = envSchema.safeParse({ ...prod, SEED_DEMO: "on", APP_URL: "https://tpx.example.com" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toContain("SEED_DEMO");
  });

  it("TPX_DEV_TOOLS does not open them on a deployment (APP_URL not on this machine)", () => {
    const r = envSchema.safeParse({ ...prod, SEED_DEMO: "on", TPX_DEV_TOOLS: "1", APP_URL: "https://tpx.example.com" });
    expect(r.success).toBe(false);
    const e = envSchema.parse({ ...prod, TPX_DEV_TOOLS: "1", APP_URL: "https://tpx.example.com" });
    expect(devToolsEnabled(e)).toBe(false);
  });

  it("the e2e server (a production build on localhost with TPX_DEV_TOOLS=1) may seed and move the clock", () => {
    const e = envSchema.parse({ ...prod, SEED_DEMO: "on", TPX_DEV_TOOLS: "1", APP_URL: "http://localhost:3100" });
    expect(devToolsEnabled(e)).toBe(true);
  });

  it("development keeps its defaults", () => {
    expect(devToolsEnabled(envSchema.parse({ NODE_ENV: "development" }))).toBe(true);
  });
});
