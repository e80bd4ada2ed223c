/**
 * One chaos driver process: the real local driver, on PostgreSQL, with the real
 * Resend and Twilio clients pointed at the runner's faulty fakes and the controlled
 * clock. The runner SIGKILLs it mid-flight; nothing here cleans up on purpose.
 */
import { openDatabase } from "@/db/client";
import { createResendChannel } from "@/lib/channels/email/resend";
import { createTwilioChannel } from "@/lib/channels/sms/twilio";
import { now, runScaled } from "@/lib/clock";
import { startLocalDriver } from "@/lib/jobs/local-driver";
import { databasePacer } from "@/lib/messaging/pacing";
import type { ChaosClock } from "./clock";

const cfg = JSON.parse(process.env.CHAOS_DRIVER!) as {
  url: string; clock: ChaosClock; resendUrl: string; twilioUrl: string; from: string; rate: number; timeoutMs: number; name: string;
};

async function main() {
  runScaled(cfg.clock.t0, cfg.clock.w0, cfg.clock.speed);
  const { db } = await openDatabase({ url: cfg.url });
  const channels = {
    email: createResendChannel({ apiKey: "re_chaos", baseUrl: cfg.resendUrl, from: "TPX <events@tpx.test>", timeoutMs: cfg.timeoutMs }),
    sms: createTwilioChannel({ accountSid: "AC" + "0".repeat(32), authToken: "chaos", from: cfg.from, baseUrl: cfg.twilioUrl, timeoutMs: cfg.timeoutMs }),
  };
  const speed = cfg.clock.speed;
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms / speed));
  const pacer = databasePacer(db, { segmentsPerSecond: cfg.rate, now, sleep });
  startLocalDriver({
    db,
    channels,
    pacer,
    mode: "all",
    intervalMs: 50,
    backstopEveryMs: 200,
    // Controlled ms: a claim older than a minute belongs to a dead process (a live send takes ≤ 5 s here).
    staleClaimMs: 60_000,
    smsBatchSize: Math.max(2, Math.ceil(cfg.rate * 2)),
    onError: (err) => console.error(`[${cfg.name}]`, err instanceof Error ? err.message : err),
  });
  process.send?.("ready");
}

main().catch((err) => {
  console.error(`[${cfg.name}] failed`, err);
  process.exit(1);
});
