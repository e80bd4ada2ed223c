import { afterEach, describe, expect, it } from "vitest";
import { assertProductionReady, describeModes, env, inngestConfigured, outboxOnly, productionProblems, resetEnvForTests } from "./env";

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

describe("production guards (SPEC §4.4)", () => {
  const prod = (vars: Record<string, string>) => {
    for (const k of ["NEXTAUTH_SECRET", "RESEND_API_KEY", "EMAIL_FROM", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY", "INNGEST_DEV", "TPX_OUTBOX_ONLY"]) delete process.env[k];
    Object.assign(process.env, { NODE_ENV: "production", ...vars });
    resetEnvForTests();
    return env();
  };
  const secret = "0123456789abcdef0123456789abcdef";
  const full = { NEXTAUTH_SECRET: secret, RESEND_API_KEY: "re_x", EMAIL_FROM: "a@b.c", TWILIO_ACCOUNT_SID: "AC1", TWILIO_AUTH_TOKEN: "t", TWILIO_FROM: "+15125550100" };

  it("starts when every provider is fully configured", () => {
    expect(productionProblems(prod(full))).toEqual([]);
    expect(outboxOnly(env())).toBe(false);
  });

  it("names the missing variable of a half-configured provider", () => {
    expect(() => assertProductionReady(prod({ ...full, TWILIO_AUTH_TOKEN: "" }))).toThrow(/SMS \(Twilio\) is half-configured: set TWILIO_AUTH_TOKEN/);
    expect(() => assertProductionReady(prod({ ...full, EMAIL_FROM: "" }))).toThrow(/email \(Resend\) is half-configured: set EMAIL_FROM/);
    expect(() => assertProductionReady(prod({ ...full, INNGEST_EVENT_KEY: "k" }))).toThrow(/Inngest is half-configured: set INNGEST_SIGNING_KEY/);
  });

  it("refuses the dev outbox unless TPX_OUTBOX_ONLY is set, and then says so", () => {
    expect(productionProblems(prod({ NEXTAUTH_SECRET: secret }))).toEqual([
      expect.stringMatching(/^email would go to the dev outbox/),
      expect.stringMatching(/^SMS would go to the dev outbox/),
    ]);
    const e = prod({ NEXTAUTH_SECRET: secret, TPX_OUTBOX_ONLY: "1" });
    expect(productionProblems(e)).toEqual([]);
    expect(outboxOnly(e)).toBe(true);
  });

  it("refuses to start without a server secret, or with a short one", () => {
    expect(() => assertProductionReady(prod({ ...full, NEXTAUTH_SECRET: "" }))).toThrow(/NEXTAUTH_SECRET is not set/);
    expect(() => assertProductionReady(prod({ ...full, NEXTAUTH_SECRET: "hunter2" }))).toThrow(/NEXTAUTH_SECRET is 7 characters: use at least 32/);
  });

  it("does not apply outside production", () => {
    Object.assign(process.env, { NODE_ENV: "development" });
    resetEnvForTests();
    expect(productionProblems(env())).toEqual([]);
    expect(outboxOnly(env())).toBe(false);
  });
});
