import { performance } from "node:perf_hooks";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages, type Event } from "@/db/schema";
import { createDevEmailChannel } from "@/lib/channels/dev-outbox";
import { createTwilioChannel } from "@/lib/channels/sms/twilio";
import { resetClock } from "@/lib/clock";
import { startLocalDriver } from "@/lib/jobs/local-driver";
import { databasePacer, SLOW_TAKE_MS, type SmsPacer } from "@/lib/messaging/pacing";
import { smsSegmentCount } from "@/lib/messaging/segments";
import { startTwilioFake } from "@/tests/fakes/twilio-fake";
import { defineBenchmark, type BenchContext, type FigureRow, type GoalCheck } from "./registry";
import { controlledTime } from "./support/controlled-time";
import { createBenchEvent, local, registerBenchPeople } from "./support/fixtures";
import { loadAverage, round, summarize } from "./support/measure";

/**
 * The SMS path on its own (issue 13): a backlog of texts all due at once, 5 sending numbers at
 * 1 segment/s each (the Twilio fake answers 429 beyond that), the real local driver and the
 * database pacer, under the event-day replay's controlled time at `SMS_PACE_SPEED` (default 5).
 * The figure: how much of the numbers' pace the driver keeps (segments sent ÷ what 5 numbers
 * could send over the same app time), and where a lane's time goes. The 10,000-attendee replay
 * kept ~80 % at ×5 in its morning; this separates the path from the rest of that morning.
 */
const NUMBERS = Array.from({ length: 5 }, (_, i) => `+1512555020${i + 1}`);
const SEGMENTS_PER_SECOND = 1;
const TYPE = "check_in_reminder_1_hour" as const;
const GOAL_KEPT = 0.95;

async function prepareBacklog(ctx: BenchContext, db: Db, event: Event, texts: number, dueAt: Date) {
  await registerBenchPeople(ctx.log, db, event, texts);
  await db
    .update(eventMessages)
    .set({ status: "cancelled", statusReason: "bench: not part of the backlog" })
    .where(and(eq(eventMessages.eventId, event.id), eq(eventMessages.status, "scheduled"), ne(eventMessages.type, TYPE)));
  await db
    .update(eventMessages)
    .set({ status: "cancelled", statusReason: "bench: texts only" })
    .where(and(eq(eventMessages.eventId, event.id), eq(eventMessages.type, TYPE), eq(eventMessages.channel, "email")));
  await db
    .update(eventMessages)
    .set({ scheduledFor: dueAt })
    .where(and(eq(eventMessages.eventId, event.id), eq(eventMessages.type, TYPE), eq(eventMessages.status, "scheduled")));
}

type Run = { lanesPerNumber: number; speed: number };

async function runOnce(ctx: BenchContext, db: Db, event: Event, dueAt: Date, run: Run) {
  const time = controlledTime(dueAt.getTime() - 1_000, run.speed);
  const twilio = await startTwilioFake({ now: time.nowMs, segmentsPerSecondPerSender: SEGMENTS_PER_SECOND, paceToleranceMs: 50 * run.speed });
  const sms = createTwilioChannel({ accountSid: "AC" + "0".repeat(32), authToken: "sms-pace", from: NUMBERS.join(","), baseUrl: twilio.url });
  const inner = databasePacer(db, { segmentsPerSecond: SEGMENTS_PER_SECOND, now: time.now, sleep: time.sleep, slowTakeMs: SLOW_TAKE_MS * run.speed });
  // Where a lane's time goes: in the pacer (waiting for a number), and the rest of its row.
  const waits: number[] = [];
  const pacer: SmsPacer = Object.assign((sender: string, segments: number) => inner(sender, segments), {
    any: async (senders: string[], segments: number) => {
      const t = performance.now();
      const r = await inner.any!(senders, segments);
      waits.push(performance.now() - t);
      return r;
    },
  });
  const driver = startLocalDriver({
    db,
    channels: { email: createDevEmailChannel(), sms },
    pacer,
    mode: "all",
    smsBatchSize: run.lanesPerNumber * NUMBERS.length,
    intervalMs: Math.max(20, 1000 / run.speed),
    backstopEveryMs: Math.max(50, 2000 / run.speed),
    onError: (e) => ctx.log(`driver error: ${String(e)}`),
  });
  const wallStart = performance.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(eventMessages)
      .where(and(eq(eventMessages.eventId, event.id), eq(eventMessages.type, TYPE), inArray(eventMessages.status, ["scheduled", "sending"])));
    if (n === 0) break;
  }
  const realS = (performance.now() - wallStart) / 1000;
  await driver.stop();
  const accepted = [...twilio.accepted];
  const refused = twilio.paced.length;
  time.stop();
  await twilio.close();
  resetClock();

  // Pace kept: segments sent ÷ what the numbers could send between the first send and the last's end.
  const sends = accepted.map((m) => ({ from: m.from ?? "?", at: m.createdAtMs, segs: smsSegmentCount(m.body) })).sort((a, b) => a.at - b.at);
  const segments = sends.reduce((s, m) => s + m.segs, 0);
  const first = sends[0].at;
  const last = sends[sends.length - 1];
  const spanMs = last.at + (last.segs * 1000) / SEGMENTS_PER_SECOND - first;
  const kept = segments / ((NUMBERS.length * SEGMENTS_PER_SECOND * spanMs) / 1000);
  // A number's idle time between sends (app ms past its slot): what the pace lost, and where.
  const idle: number[] = [];
  for (const n of NUMBERS) {
    const mine = sends.filter((s) => s.from === n);
    for (let i = 1; i < mine.length; i++) idle.push(Math.max(0, mine[i].at - mine[i - 1].at - (mine[i - 1].segs * 1000) / SEGMENTS_PER_SECOND));
  }
  const idleS = summarize(idle);
  const waitS = summarize(waits);
  const rowRealMs = (realS * 1000 * run.lanesPerNumber * NUMBERS.length) / sends.length;
  return {
    row: {
      "lanes per number": run.lanesPerNumber,
      speed: run.speed,
      texts: sends.length,
      segments,
      "app s": round(spanMs / 1000, 1),
      "real s": round(realS, 1),
      "pace kept": round(kept, 3),
      "idle gap p50 app ms": round(idleS.p50),
      "idle gap p99 app ms": round(idleS.p99),
      "lane ms per text (real)": round(rowRealMs),
      "in pacer p50 real ms": round(waitS.p50),
      "outside pacer real ms": round(rowRealMs - waitS.mean),
      "429s": refused,
    } satisfies FigureRow,
    kept,
    refused,
    sent: sends.length,
  };
}

export default defineBenchmark({
  name: "sms-pace",
  title: "The SMS lanes on a backlog of texts: 5 numbers at 1 segment/s, controlled time, Twilio fake at its limits",
  async run(ctx) {
    const texts = Number(process.env.SMS_PACE_TEXTS ?? (ctx.quick ? 200 : 1_500));
    const speeds = (process.env.SMS_PACE_SPEEDS ?? "1,5").split(",").map(Number);
    const lanes = (process.env.SMS_PACE_LANES ?? "2").split(",").map(Number);
    const rows: FigureRow[] = [];
    const goals: GoalCheck[] = [];
    const notes: string[] = [`load average at the start: ${loadAverage()}`];
    for (const speed of speeds)
      for (const lanesPerNumber of lanes) {
        const h = await ctx.openDb();
        try {
          const event = await createBenchEvent(h.db);
          const dueAt = local("2027-03-10 08:00");
          await prepareBacklog(ctx, h.db, event, texts, dueAt);
          ctx.log(`×${speed}, ${lanesPerNumber} lanes per number: ${texts} texts due at once`);
          const r = await runOnce(ctx, h.db, event, dueAt, { lanesPerNumber, speed });
          rows.push(r.row);
          goals.push({ goal: `×${speed}, ${lanesPerNumber}/number: pace kept ≥ ${GOAL_KEPT}, every text sent, 0 429s`, measured: `${round(r.kept, 3)}, ${r.sent}/${texts}, ${r.refused}`, met: r.kept >= GOAL_KEPT && r.sent === texts && r.refused === 0 });
        } finally {
          await h.close();
        }
      }
    notes.push(`load average at the end: ${loadAverage()}`);
    return { rows, goals, notes };
  },
});
