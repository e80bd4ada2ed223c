import { z } from "zod";

/**
 * The one place that reads process.env (CONVENTIONS: typed env).
 * Every provider is optional: absent means the embedded/dev implementation.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(z.url().optional())
  .optional();
const flag = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection string. Unset: embedded PGlite in PGLITE_DATA_DIR. */
  DATABASE_URL: optionalUrl,
  /** Folder for the embedded database (PGlite). "memory://" keeps it in memory. */
  PGLITE_DATA_DIR: z.string().default(".data/pglite"),
  /** Public base URL of the app, used in links inside emails and SMS. */
  APP_URL: z.url().default("http://localhost:3000"),
  /** next-auth secret: any long random string (`openssl rand -base64 32`). */
  NEXTAUTH_SECRET: optionalString,
  /** Resend API key (resend.com → API Keys). Unset: emails go to the dev outbox. */
  RESEND_API_KEY: optionalString,
  /** Override Resend's API base (tests point it at a local fake). */
  RESEND_BASE_URL: optionalUrl,
  /** Requests per second this process makes to Resend (the account's limit is 2/s by default); bursts go 100 emails per batch request. */
  RESEND_REQUESTS_PER_SECOND: z.coerce.number().positive().max(100).default(2),
  /** Signing secret of the Resend webhook (resend.com → Webhooks → the endpoint → Signing secret, whsec_…). */
  RESEND_WEBHOOK_SECRET: optionalString,
  /** Sender address, on a domain verified in Resend. Required with RESEND_API_KEY in production. */
  EMAIL_FROM: optionalString,
  /** Twilio account SID and auth token (console.twilio.com). Unset: SMS go to the dev outbox. */
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  /** The Twilio number (E.164) or Messaging Service SID (MG…) that sends SMS. */
  TWILIO_FROM: optionalString,
  /**
   * The public base URL Twilio calls for inbound SMS and status callbacks (e.g. https://tpx.example.com).
   * Signatures are checked against it, never against the Host header (a proxy rewrites that). Unset: APP_URL.
   */
  TWILIO_WEBHOOK_BASE_URL: optionalUrl,
  /** Override Twilio's REST base (tests point it at a local fake). */
  TWILIO_BASE_URL: optionalUrl,
  /** SPEC §4.2: segments per second each sending number may send (US long code 1; toll-free 3; short code 100). */
  SMS_SEGMENTS_PER_SECOND: z.coerce.number().positive().max(1000).default(1),
  /** Estimated price of one SMS segment in USD, shown in the outbox (Twilio US list price ≈ 0.0083). */
  SMS_COST_PER_SEGMENT: z.coerce.number().nonnegative().default(0.0083),
  /** Production without Resend or Twilio: 1 = run on the dev outbox on purpose (nothing is sent; the console says so). */
  TPX_OUTBOX_ONLY: flag,
  /** OpenAI-compatible model; unset: template sentences. */
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z.string().default("gpt-4o-mini"),
  /** Inngest: set INNGEST_EVENT_KEY + INNGEST_SIGNING_KEY (Cloud) or INNGEST_DEV=1 (dev server). */
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_DEV: optionalString,
  INNGEST_BASE_URL: optionalUrl,
  /** Run the local job driver even when Inngest is configured (it then only sweeps overdue rows). */
  LOCAL_DRIVER: z.enum(["auto", "on", "off"]).default("auto"),
  /** Seed the demo event at start when the database has no events (default: on in development). */
  SEED_DEMO: z.enum(["auto", "on", "off"]).default("auto"),
  /**
   * Marks a production build that is not production: the e2e server. Allows the
   * movable dev clock and the demo seed; honoured only when APP_URL is on this
   * machine (localhost / 127.0.0.1), so it cannot switch them on in a deployment.
   */
  TPX_DEV_TOOLS: flag,
}).superRefine((e, ctx) => {
  // SPEC §4.4: demo data and demo logins (with their published passwords) never exist in production.
  if (e.NODE_ENV === "production" && e.SEED_DEMO === "on" && !devToolsEnabled(e)) {
    ctx.addIssue({ code: "custom", path: ["SEED_DEMO"], message: "is refused in production: the demo logins have published passwords" });
  }
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parses once; a bad variable stops start-up with a message that names it. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}\nSee .env.example.`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change process.env between cases. */
export function resetEnvForTests() {
  cached = undefined;
}

export function inngestConfigured(e: Env = env()): boolean {
  return Boolean(e.INNGEST_EVENT_KEY || e.INNGEST_DEV);
}

export function devToolsEnabled(e: Pick<Env, "NODE_ENV" | "TPX_DEV_TOOLS" | "APP_URL"> = env()): boolean {
  return e.NODE_ENV !== "production" || (e.TPX_DEV_TOOLS && isLoopbackUrl(e.APP_URL));
}

function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

export const DEFAULT_EMAIL_FROM = "TPX Events <events@tpx.local>";

export function emailFrom(e: Env = env()): string {
  return e.EMAIL_FROM ?? DEFAULT_EMAIL_FROM;
}

export function smsConfigured(e: Env = env()): boolean {
  return Boolean(e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_FROM);
}

/** SPEC §4.4: in production, true when a channel runs on the dev outbox (allowed only with TPX_OUTBOX_ONLY). */
export function outboxOnly(e: Env = env()): boolean {
  return e.NODE_ENV === "production" && (!e.RESEND_API_KEY || !smsConfigured(e));
}

/**
 * SPEC §4.4: what stops a production start. A provider is either fully configured or
 * refused with the missing variable named; the dev outbox needs TPX_OUTBOX_ONLY=1.
 */
/** 32 characters of `openssl rand -base64 32` carry 192 bits; a word or a short phrase does not. */
const MIN_SECRET_LENGTH = 32;

export function productionProblems(e: Env = env()): string[] {
  if (e.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  const missing = (names: Array<keyof Env>) => names.filter((n) => !e[n]);
  const partly = (names: Array<keyof Env>, what: string) => {
    const gone = missing(names);
    if (gone.length > 0 && gone.length < names.length) problems.push(`${what} is half-configured: set ${gone.join(", ")}`);
  };
  // The server secret signs sessions, hosted QR images and the tablets' code lists (lib/auth/secret.ts).
  if (!e.NEXTAUTH_SECRET) problems.push("NEXTAUTH_SECRET is not set: generate one with `openssl rand -base64 32`");
  else if (e.NEXTAUTH_SECRET.length < MIN_SECRET_LENGTH) problems.push(`NEXTAUTH_SECRET is ${e.NEXTAUTH_SECRET.length} characters: use at least ${MIN_SECRET_LENGTH} (\`openssl rand -base64 32\`)`);
  partly(["RESEND_API_KEY", "EMAIL_FROM"], "email (Resend)");
  partly(["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"], "SMS (Twilio)");
  if (!e.INNGEST_DEV) partly(["INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"], "Inngest");
  if (!e.TPX_OUTBOX_ONLY) {
    if (!e.RESEND_API_KEY && !e.EMAIL_FROM) problems.push("email would go to the dev outbox: set RESEND_API_KEY and EMAIL_FROM, or TPX_OUTBOX_ONLY=1");
    if (missing(["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"]).length === 3) {
      problems.push("SMS would go to the dev outbox: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM, or TPX_OUTBOX_ONLY=1");
    }
  }
  return problems;
}

/** Throws, naming every problem, when production is not safe to start. */
export function assertProductionReady(e: Env = env()): void {
  const problems = productionProblems(e);
  if (problems.length) throw new Error(`Refusing to start in production:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example.`);
}

/** One line per adapter, printed at start so the operator knows which mode runs. */
export function describeModes(e: Env = env()): string[] {
  return [
    `database: ${e.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite (${e.PGLITE_DATA_DIR})`}`,
    `email: ${e.RESEND_API_KEY ? "Resend" : "dev outbox (RESEND_API_KEY unset)"}`,
    `sms: ${smsConfigured(e) ? `Twilio, ${e.SMS_SEGMENTS_PER_SECOND} segment/s per number` : "dev outbox (TWILIO_ACCOUNT_SID/AUTH_TOKEN/FROM unset)"}`,
    `model: ${e.OPENAI_API_KEY ? `${e.OPENAI_MODEL} via ${e.OPENAI_BASE_URL ?? "OpenAI"}` : "templates (OPENAI_API_KEY unset)"}`,
    `scheduler: ${inngestConfigured(e) ? "Inngest (local driver sweeps overdue rows)" : "local driver"}`,
  ];
}
