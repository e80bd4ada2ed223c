import { afterEach, describe, expect, it } from "vitest";
import { describeModes, env, inngestConfigured, resetEnvForTests } from "./env";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe("env", () => {
  it("runs on embedded defaults with nothing set, and says so", () => {
    for (const k of ["DATABASE_URL", "RESEND_API_KEY", "TWILIO_ACCOUNT_SID", "OPENAI_API_KEY", "INNGEST_EVENT_KEY", "INNGEST_DEV"]) delete process.env[k];
    resetEnvForTests();
    const e = env();
    expect(e.PGLITE_DATA_DIR).toBe(".data/pglite");
    expect(inngestConfigured(e)).toBe(false);
    expect(describeModes(e)).toEqual([
      "database: embedded PGlite (.data/pglite)",
      "email: dev outbox (RESEND_API_KEY unset)",
      "sms: dev outbox (TWILIO_ACCOUNT_SID/AUTH_TOKEN/FROM unset)",
      "model: templates (OPENAI_API_KEY unset)",
      "scheduler: local driver",
    ]);
  });

  it("stops start-up naming the malformed variable", () => {
    process.env.DATABASE_URL = "not a url";
    process.env.LOCAL_DRIVER = "sometimes";
    resetEnvForTests();
    expect(() => env()).toThrow(/DATABASE_URL: .*\n.*LOCAL_DRIVER: /s);
  });
});
