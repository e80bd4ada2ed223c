/**
 * The fault proof (issue 7, docs/reliability.md): `npm run chaos` (10,000 messages) or
 * `npm run chaos:ci` (CHAOS_SCALE=0.1: 1,000). Per phase: a fresh PostgreSQL database,
 * rows due over 10 controlled minutes, faulty fakes, driver processes SIGKILLed twice
 * and restarted, cancels at T−5 s / T−1 s / T; then the must-holds are counted.
 */
import { fork, type ChildProcess } from "node:child_process";
import { and, eq, sql } from "drizzle-orm";
import { eventMessages } from "@/db/schema";
import { startResendFake } from "@/tests/fakes/resend-fake";
import { startTwilioFake } from "@/tests/fakes/twilio-fake";
import { checkChaos, type CancelRecord } from "./check";
import { controlledNow, realDelayUntil, rng, type ChaosClock } from "./clock";
import { resendStep, twilioStep } from "./faults";
import { freshDatabase, seedChaos } from "./seed";

const scale = Number(process.env.CHAOS_SCALE ?? 1);
const speed = Number(process.env.CHAOS_SPEED ?? 2);
const rate = Number(process.env.CHAOS_SMS_RATE ?? 1);
const seed = Number(process.env.CHAOS_SEED ?? 7);
const baseUrl = process.env.CHAOS_DATABASE_URL ?? "postgres://127.0.0.1:5432/test";
const plan = { total: Math.round(10_000 * scale), cancels: Math.round(1_000 * scale), windowMs: Math.max(60_000, 600_000 * scale), smsShare: 0.1 };
/** Controlled ms the runner waits after the window for the queue to empty (decision 0207). */
function drainBudgetMs(smsRows: number, env = process.env, smsRate = rate): number {
  if (env.CHAOS_DRAIN_MIN) return Number(env.CHAOS_DRAIN_MIN) * 60_000;
  return Math.max(30 * 60_000, Math.ceil((2 * smsRows * 2 * 1000) / smsRate));
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function phase(drivers: number) {
  const random = rng(seed + drivers);
  const { url, handle } = await freshDatabase(baseUrl, `tpx_chaos_${drivers}`);
  const t0 = Date.now();
  const seeded = await seedChaos(handle, plan, t0, random);
  const clock: ChaosClock = { t0, w0: Date.now(), speed };
  const now = () => controlledNow(clock);
  const faults = rng(seed * 31 + drivers);
  const noFaults = process.env.CHAOS_FAULTS === "0";
  const twilio = await startTwilioFake({ now, decide: () => (noFaults ? "ok" : twilioStep(faults())) });
  const resend = await startResendFake({ now, decide: () => (noFaults ? "ok" : resendStep(faults())) });
  const from = "+15125550100";
  const spawnDriver = (i: number): ChildProcess => {
    const cfg = { url, clock, resendUrl: resend.url, twilioUrl: twilio.url, from, rate, timeoutMs: 400, name: `driver-${i}` };
    return fork("scripts/chaos/driver.ts", [], { execArgv: ["--import", "tsx"], env: { ...process.env, CHAOS_DRIVER: JSON.stringify(cfg) }, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  };
  const procs = Array.from({ length: drivers }, (_, i) => spawnDriver(i));

  // Two SIGKILLs mid-window, each followed by a restart 2 s (real) later.
  const kills = [0.3, 0.6].map((f, k) => (async () => {
    await sleep(realDelayUntil(clock, t0 + plan.windowMs * f));
    const i = k % drivers;
    procs[i].kill("SIGKILL");
    console.log(`[chaos] SIGKILL driver-${i} at T0+${Math.round((now() - t0) / 1000)} s`);
    await sleep(2_000);
    procs[i] = spawnDriver(i);
  })());

  const cancels: CancelRecord[] = [];
  const cancelling = (async () => {
    const due = seeded.filter((s) => s.cancelAtMs !== null).sort((a, b) => a.cancelAtMs! - b.cancelAtMs!);
    for (const s of due) {
      await sleep(realDelayUntil(clock, s.cancelAtMs!));
      const startedAtMs = now();
      const done = await handle.db
        .update(eventMessages)
        .set({ status: "cancelled", statusReason: "chaos: cancelled", scheduleVersion: sql`${eventMessages.scheduleVersion} + 1` })
        .where(and(eq(eventMessages.id, s.id), eq(eventMessages.status, "scheduled")))
        .returning({ id: eventMessages.id });
      cancels.push({ id: s.id, startedAtMs, committed: done.length === 1 });
    }
  })();

  await Promise.all([...kills, cancelling]);
  // Drain: until every row is terminal, or the deadline: after the window, 30 controlled minutes or twice
  // the time the one sending number needs for the seeded texts at 2 segments each (faults and 429 pauses
  // cost retries), whichever is longer; CHAOS_DRAIN_MIN overrides it.
  const deadline = t0 + plan.windowMs + drainBudgetMs(seeded.filter((s) => s.channel === "sms").length);
  for (;;) {
    const [{ open }] = (await handle.db.execute(sql`select count(*)::int as open from event_messages where status in ('scheduled', 'sending')`)) as unknown as [{ open: number }];
    if (open === 0 || now() > deadline) break;
    await sleep(500);
  }
  const drainedAt = now();
  for (const p of procs) p.kill("SIGKILL");
  // At issue (what TPX controls): 50 ms of real clock jitter. At arrival: half a slot, so two sends on one
  // slot (arriving a whole slot early) fail it while the loaded box's delivery jitter does not.
  const result = await checkChaos(handle.db, seeded, { twilio: twilio.accepted, resend: resend.accepted }, cancels, rate, { issueMs: 50 * speed, arrivalMs: 500 / rate });
  await Promise.all([twilio.close(), resend.close()]);
  await handle.close();
  return { drivers, drainBudgetS: Math.round((deadline - t0 - plan.windowMs) / 1000), drainedAfterWindowS: Math.round((drainedAt - t0 - plan.windowMs) / 1000), ...result };
}

async function main() {
  const started = Date.now();
  console.log(`[chaos] ${plan.total} messages over ${plan.windowMs / 60_000} controlled min, speed ×${speed}, SMS ${rate} segment/s, seed ${seed}`);
  const results = [];
  for (const drivers of (process.env.CHAOS_PHASES ?? "1,2").split(",").map(Number)) results.push(await phase(drivers));
  console.log(JSON.stringify({ plan, speed, rate, seed, realSeconds: Math.round((Date.now() - started) / 1000), results }, null, 2));
  const bad = results.filter((r) => r.lost || r.duplicates || r.sentAfterCancel || r.pacingViolations || r.pacingViolationsAtIssue || r.sentWithoutAcceptance);
  process.exit(bad.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
