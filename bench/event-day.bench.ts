/**
 * The event-day replay (issue 13 §3): a conference of N attendees (10,000; --quick 1,000)
 * on one machine, in controlled time, against the provider fakes at real provider limits.
 *
 * 1. 30 days of registrations (N, chronological, 60 % complete their profile at once), the
 *    pre-event messages delivered as the clock walks through the days (dev outbox: not the
 *    subject here, it gives the database its real size and shape).
 * 2. The event day from 07:58 local: the real local driver (startLocalDriver with the app's
 *    defaults), the real Resend client against the Resend fake at 2 requests/s (batches of
 *    ≤ 100), the real Twilio client against the Twilio fake with 5 sending numbers at
 *    1 segment/s each (the fakes answer 429 beyond their limits), the database pacer, the
 *    local orchestration (plans at check-in, the peer batch at lunch − 15 min, completion at
 *    event end). 70 % arrive between 08:30 and 09:00 through 8 scanners over HTTP (the
 *    tablet's handler), 15 % later in the morning, 15 % never. Every during-event and
 *    post-event message is delivered (the connection summary a day later, the feedback
 *    request two days later).
 *
 * Time runs faster than the wall where the outbox is paced and slower where it is not:
 * `speed` (default 5) outside the bursts, `waveSpeed` during the arrival wave, 1 (real time)
 * for the email bursts (the reminders at 08:00 and 09:00, the thank-you at 17:30, the summary
 * and the feedback request); stretches with nothing due are skipped. Lateness is measured in
 * app time, so at speed S a real delay counts S times: a conservative figure.
 *
 * Lateness beyond pacing: when the fake accepted each message, minus when an ideal sender
 * within the same limits could have sent it (emails: 2 requests/s of ≤ 100, first due first;
 * SMS: 5 numbers at 1 segment/s, first due first, the row's segments).
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { and, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executedRows } from "@/db/bulk";
import { contractors, eventAttendees, eventMessages, events, users, type Event } from "@/db/schema";
import { setLanguageModelForTests } from "@/lib/ai/model";
import { createDevEmailChannel, createDevSmsChannel } from "@/lib/channels/dev-outbox";
import { createResendChannel } from "@/lib/channels/email/resend";
import { createTwilioChannel } from "@/lib/channels/sms/twilio";
import { requestThrottle } from "@/lib/channels/throttle";
import { freeze, resetClock } from "@/lib/clock";
import { followupSweep } from "@/lib/followup/sweep";
import { setLocalJobHandlers } from "@/lib/jobs/dispatch";
import { startLocalDriver } from "@/lib/jobs/local-driver";
import { generateProfiles, seededRandom } from "@/lib/matching/synthetic";
import { claimDueMessages } from "@/lib/messaging/deliver";
import { deliverBatch } from "@/lib/messaging/deliver-batch";
import { databasePacer, SLOW_TAKE_MS } from "@/lib/messaging/pacing";
import { smsSegmentCount } from "@/lib/messaging/segments";
import { dueBatchEvents } from "@/lib/orchestration/peer-batch";
import { localOrchestration } from "@/lib/orchestration/local-jobs";
import { registerAttendee } from "@/lib/registration/register";
import { startResendFake } from "@/tests/fakes/resend-fake";
import { startTwilioFake } from "@/tests/fakes/twilio-fake";
import { defineBenchmark, type BenchContext, type FigureRow, type GoalCheck } from "./registry";
import { addConferenceProgram } from "./support/conference";
import { controlledTime } from "./support/controlled-time";
import { local } from "./support/fixtures";
import { countBy, round, runPool, summarize } from "./support/measure";
import { startScanServer } from "./support/scan-server";

const ZONE = "America/Chicago";
const DAY = local("2027-03-10 00:00", ZONE);
const at = (hhmm: string, dayOffset = 0) => new Date(local(`2027-03-10 ${hhmm}`, ZONE).getTime() + dayOffset * 86_400_000).getTime();
const EVENT_START = at("09:00");
const EVENT_END = at("17:00");
const SCANNERS = 8;
const NUMBERS = Array.from({ length: 5 }, (_, i) => `+1512555010${i + 1}`);
const RESEND_RPS = 2;
const SEGMENTS_PER_SECOND = 1;
const GOALS = { latenessP99Ms: 5_000, scanP95Ms: 150, planP95Ms: 60_000, batchMs: 10_000 };
/** Windows of real time (speed 1): the email bursts, from a little before to when a burst at 2 × 100/s has surely drained. */
function realTimeWindows(n: number, endMs: number): Array<[number, number]> {
  const drainMs = Math.ceil(n / 200) * 1000 + 20_000;
  return [
    [at("07:59") + 30_000, at("08:00") + drainMs],
    [at("08:59") + 30_000, at("09:00") + drainMs],
    [endMs + 30 * 60_000 - 30_000, endMs + 30 * 60_000 + drainMs],
    [endMs + 24 * 3600_000 - 30_000, endMs + 24 * 3600_000 + drainMs],
    [at("10:00", 2) - 30_000, at("10:00", 2) + drainMs],
  ];
}

type Person = { i: number; email: string; code?: string; attendeeId?: string; arrivalMs: number | null };

export default defineBenchmark({
  name: "event-day",
  title: "A conference day in controlled time: registrations over 30 days, the arrival wave through 8 scanners, every plan and message, at the providers' limits",
  async run(ctx) {
    const n = Number(process.env.EVENT_DAY_ATTENDEES ?? (ctx.quick ? 1_000 : 10_000));
    // ×5: 5 numbers × 1 segment/s become 25 segments (~15 texts) per real second, inside what the SMS path sustains
    // here in one process beside the fakes (~30 texts/s measured); at ×20 the replay measured that capacity, not the day.
    const speed = Number(process.env.EVENT_DAY_SPEED ?? 5);
    // The wave at the same real arrival rate at any size (~2 check-ins per real second), never faster than `speed`.
    const waveSpeed = Number(process.env.EVENT_DAY_WAVE_SPEED ?? Math.max(1, Math.min(speed, Math.round(5_000 / n))));
    const strict = process.env.EVENT_DAY_STRICT === "1";
    const h = await ctx.openDb();
    const db = h.db;
    setLanguageModelForTests(null);
    try {
      const { event, endMs, batchMs } = await seedEvent(db);
      const people = await registerOverThirtyDays(ctx, db, event, n);
      const day = await runEventDay(ctx, db, event, people, { speed, waveSpeed, endMs, batchMs });
      const report = await measure(db, event, people, day);
      const failedScans = day.scans.filter((s) => !s.ok).length;
      if (strict && (report.lost > 0 || report.duplicated > 0 || report.plansNotReady > 0 || failedScans > 0)) {
        throw new Error(`event-day: ${report.lost} lost, ${report.duplicated} duplicated, ${report.plansNotReady} plans not ready, ${failedScans} scans not checked in (${JSON.stringify(report.statusCounts)})`);
      }
      return report.result(n, speed, waveSpeed);
    } finally {
      setLocalJobHandlers(undefined);
      resetClock();
      await h.close();
    }
  },
});

/** The event and when it really ends: the later of its end and its last agenda item's (lib/followup/complete.ts). */
async function seedEvent(db: Db): Promise<{ event: Event; endMs: number; batchMs: number }> {
  const [event] = await db
    .insert(events)
    .values({
      name: "Contractor Summit",
      slug: `event-day-${Date.now().toString(36)}`,
      timezone: ZONE,
      venue: "Convention Center",
      address: "500 E Cesar Chavez St, Austin, TX",
      startsAt: new Date(EVENT_START),
      endsAt: new Date(EVENT_END),
      status: "published",
      organizerName: "Summit Team",
      organizerEmail: "team@summit.example",
    })
    .returning();
  const agenda = await addConferenceProgram(db, event.id, DAY);
  const endMs = Math.max(EVENT_END, ...agenda.map((a) => a.endsAt.getTime()));
  const lunch = agenda.find((a) => a.type === "lunch")!;
  return { event, endMs, batchMs: lunch.startsAt.getTime() - 15 * 60_000 };
}

/** Dev-outbox delivery of everything due at `atMs` (the pre-event walk): the product's batch path, no limits. */
async function drainDue(db: Db, atMs: number) {
  const channels = { email: createDevEmailChannel(), sms: createDevSmsChannel() };
  freeze(new Date(atMs));
  for (;;) {
    const rows = await claimDueMessages(db, 500, new Date(atMs));
    if (rows.length === 0) return;
    await deliverBatch(db, rows, new Date(atMs), { channels }, 8);
  }
}

async function registerOverThirtyDays(ctx: BenchContext, db: Db, event: Event, n: number): Promise<Person[]> {
  const profiles = generateProfiles(n, 13);
  const first = EVENT_START - 30 * 86_400_000;
  const last = at("12:00", -1);
  // Registration times: more of them near the event (a square-root ramp), in hour groups.
  const times = Array.from({ length: n }, (_, i) => first + (last - first) * Math.sqrt((i + 0.5) / n));
  const people: Person[] = times.map((_, i) => ({ i, email: `p${i}@summit.example`, arrivalMs: null }));
  ctx.log(`registering ${n.toLocaleString("en-US")} attendees over 30 days, delivering pre-event messages as the days pass`);
  const started = performance.now();
  let registerMs = 0;
  let k = 0;
  for (let hour = Math.floor(first / 3600_000) * 3600_000; hour <= at("07:00"); hour += 3600_000) {
    await drainDue(db, hour);
    const group: number[] = [];
    while (k < n && times[k] < hour + 3600_000) group.push(k++);
    if (group.length === 0) continue;
    freeze(new Date(hour + 30 * 60_000));
    const t = performance.now();
    await runPool(group, 8, async (i) => {
      const r = await registerAttendee(db, {
        eventSlug: event.slug,
        firstName: `Pat${i}`,
        lastName: `Summit${i}`,
        email: people[i].email,
        phone: `+1512${i < 9000 ? 556 : 557}${String(1000 + (i % 9000)).padStart(4, "0")}`,
        smsConsent: i % 7 !== 0,
        companyName: profiles[i].companyName ?? undefined,
      });
      if (!r.ok) throw new Error(`registration ${i}: ${r.error.message}`);
      // 60 % complete their profile right away (their profile reminders end skipped at send).
      if (i % 5 < 3) {
        const p = profiles[i];
        await db
          .update(contractors)
          .set({ businessType: p.businessType, serviceArea: p.serviceArea, revenueTier: p.revenueTier, teamSize: p.teamSize, focusAreas: p.focusAreas })
          .where(eq(contractors.email, people[i].email));
      }
    });
    registerMs += performance.now() - t;
    if (k % 1000 < group.length) ctx.log(`  ${k.toLocaleString("en-US")} registered`);
  }
  await drainDue(db, at("07:00"));
  ctx.log(`registrations and the pre-event walk took ${round((performance.now() - started) / 1000)} s (registering ${round(registerMs / 1000)} s)`);
  const codes = await db
    .select({ id: eventAttendees.id, code: eventAttendees.qrCodeData, email: contractors.email })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .where(eq(eventAttendees.eventId, event.id));
  const byEmail = new Map(codes.map((c) => [c.email, c]));
  for (const p of people) {
    const c = byEmail.get(p.email)!;
    p.code = c.code;
    p.attendeeId = c.id;
  }
  // Arrivals: 70 % between 08:30 and 09:00, 15 % between 09:00 and 11:30, 15 % never; shuffled so arrival is not registration order.
  const order = shuffled(people.map((p) => p.i), 99);
  const wave = Math.round(n * 0.7);
  const late = Math.round(n * 0.15);
  order.forEach((i, r) => {
    if (r < wave) people[i].arrivalMs = at("08:30") + ((r + 0.5) / wave) * 30 * 60_000;
    else if (r < wave + late) people[i].arrivalMs = at("09:00") + ((r - wave + 0.5) / late) * 150 * 60_000;
  });
  return people;
}

type DayRecord = {
  scans: Array<{ atMs: number; realMs: number; ok: boolean; inWave: boolean }>;
  batchMs: number | null;
  peakRssMb: number;
  realSeconds: number;
  resend: Awaited<ReturnType<typeof startResendFake>>;
  twilio: Awaited<ReturnType<typeof startTwilioFake>>;
  speedLog: string[];
  /** The event loop's delay over the day (real ms): a stall holds every lane's timer, the pacer's included. */
  loop: { p50: number; p99: number; max: number; stalls: Array<{ atMs: number; ms: number }> };
};

async function runEventDay(ctx: BenchContext, db: Db, event: Event, people: Person[], o: { speed: number; waveSpeed: number; endMs: number; batchMs: number }): Promise<DayRecord> {
  const start = at("07:58");
  const time = controlledTime(start, o.speed);
  const windows = realTimeWindows(people.length, o.endMs);
  const speedAt = (t: number) => (windows.some(([a, b]) => t >= a && t < b) ? 1 : t >= at("08:29") && t < at("09:00") ? o.waveSpeed : o.speed);
  const maxSpeed = Math.max(o.speed, o.waveSpeed);
  // 20 ms of real travel between the throttle's slot and the fake's receipt forgiven, scaled by the speed (decision 0213).
  const resend = await startResendFake({ now: time.nowMs, requestsPerSecond: RESEND_RPS, windowToleranceMs: 20 * maxSpeed, keepRequests: false });
  // Between the pacer's take and the fake's receipt lie two event loops: 1.5 s of app time at speed 1 (decision 0193), scaled.
  const twilio = await startTwilioFake({ now: time.nowMs, segmentsPerSecondPerSender: SEGMENTS_PER_SECOND, paceToleranceMs: 50 * maxSpeed });
  const channels = {
    email: createResendChannel({ apiKey: "re_event_day", baseUrl: resend.url, from: "Summit <events@summit.example>", throttle: requestThrottle(RESEND_RPS, time.nowMs, time.sleep), sleep: time.sleep }),
    sms: createTwilioChannel({ accountSid: "AC" + "0".repeat(32), authToken: "event-day", from: NUMBERS.join(","), baseUrl: twilio.url }),
  };
  const pacer = databasePacer(db, { segmentsPerSecond: SEGMENTS_PER_SECOND, now: time.now, sleep: time.sleep, slowTakeMs: SLOW_TAKE_MS * maxSpeed });
  const orchestration = localOrchestration(db, { retryAfterMs: 15_000, onError: (e) => ctx.log(`plan error: ${String(e)}`) });
  setLocalJobHandlers({ checkIn: orchestration.onCheckIn });
  const followup = followupSweep(db, { daily: false });
  let batchMs: number | null = null;
  const extraWork = async (now: Date) => {
    const batchDue = (await dueBatchEvents(db, now)).length > 0;
    const t = performance.now();
    await orchestration.sweep(now);
    if (batchDue) batchMs = performance.now() - t;
    await followup(now);
  };
  // The app's driver, its poll and backstop intervals in app time at the fastest speed (1 s and 2 s at speed 1).
  const driver = startLocalDriver({ db, channels, pacer, mode: "all", extraWork, intervalMs: Math.max(20, 1000 / maxSpeed), backstopEveryMs: Math.max(50, 2000 / maxSpeed), onError: (e) => ctx.log(`driver error: ${String(e)}`) });

  const [staff] = await db.insert(users).values({ email: `door-${Date.now()}@summit.example`, name: "Sam", role: "staff" }).returning();
  const server = await startScanServer(db, event.id, { kind: "staff", userId: staff.id, name: staff.name ?? "Sam" }, ctx.log);
  const arrivals = people.filter((p) => p.arrivalMs !== null).sort((a, b) => a.arrivalMs! - b.arrivalMs!);
  const scans: DayRecord["scans"] = [];
  let next = 0;
  let failedScans = 0;
  const scanners = Promise.all(
    Array.from({ length: SCANNERS }, async (_, s) => {
      while (next < arrivals.length) {
        const p = arrivals[next++];
        await time.sleepUntil(p.arrivalMs!);
        const t = performance.now();
        const res = await fetch(`${server.base}/scan`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ method: "qr_code", code: p.code, nonce: `door-nonce-${p.i}`, device_id: `tablet-${s}` }) });
        const body = (await res.json().catch(() => null)) as { outcome?: string } | null;
        const ok = res.ok && body?.outcome === "checked_in";
        if (!ok && failedScans++ < 3) ctx.log(`  scan of attendee ${p.i} answered ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
        scans.push({ atMs: time.nowMs(), realMs: performance.now() - t, ok, inWave: p.arrivalMs! < at("09:00") });
      }
    }),
  );

  const speedLog: string[] = [];
  // A stall of the event loop (a long synchronous stretch) is time every text number sits idle: lost for good
  // against an ideal sender. Every 20 ms real: how late the timer fired, and when (app time) it was long.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const stalls: Array<{ atMs: number; ms: number }> = [];
  let tickAt = performance.now();
  const stallTimer = setInterval(() => {
    const late = performance.now() - tickAt - 20;
    tickAt = performance.now();
    if (late >= 100) stalls.push({ atMs: time.nowMs(), ms: late });
  }, 20);
  let peakRss = process.memoryUsage().rss;
  const wallStart = performance.now();
  const finalDue = at("10:00", 2);
  let lastLog = 0;
  let lastJump = 0;
  let lastStatus = event.status;
  let scansDone = false;
  void scanners.then(() => (scansDone = true));
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const t = time.nowMs();
    const want = speedAt(t);
    if (want !== time.speed) {
      time.setSpeed(want);
      speedLog.push(`${clock(t)} ×${want}`);
    }
    // The event first, then the queue: a completion seen finished here has all its rows visible to the queue read.
    const [ev] = await db.select({ status: events.status, batchRan: events.peerBatchRanAt, followupPlanned: events.followupPlannedAt }).from(events).where(eq(events.id, event.id));
    const logNow = performance.now() - lastLog > 15_000;
    const q = await queueState(db, event, t, logNow);
    if (ev.status !== lastStatus) ctx.log(`  ${clock(t)}: the event is ${(lastStatus = ev.status)}`);
    if (logNow) {
      lastLog = performance.now();
      ctx.log(`  ${clock(t)} ×${time.speed}: ${q.due} due, ${q.sending} sending, ${q.plansPending} plans pending, ${scans.length}/${arrivals.length} scanned`);
    }
    // The product's own timers: past the peer batch's time or the event's end, wait until it has acted on them.
    // The completion commits its status first and then plans in chunks (decision 0212): it has acted once every chunk is in.
    const timersPending = (t >= o.batchMs && !ev.batchRan) || (t >= o.endMs && !ev.followupPlanned);
    const busy = q.due > 0 || q.sending > 0 || q.plansPending > 0 || timersPending || performance.now() - lastJump < 500;
    if (busy) continue;
    const nextArrival = next < arrivals.length ? arrivals[next].arrivalMs! : Infinity;
    const marks = [q.nextDueMs ?? Infinity, nextArrival, ...windows.map(([a]) => a), at("08:29"), o.batchMs, o.endMs].filter((m) => m > t);
    const target = Math.min(...marks);
    // Done: past the feedback request, every arrival scanned, nothing due before the day after it (a re-engagement weeks later is not the day's).
    if (t > finalDue && scansDone && (q.nextDueMs === null || q.nextDueMs > finalDue + 86_400_000)) break;
    // Nothing is due and nothing is in flight: skip to 2 s before the next thing that happens.
    if (target !== Infinity && target - t > 5_000) {
      time.jumpTo(target - 2_000);
      lastJump = performance.now();
    }
  }
  await scanners;
  clearInterval(stallTimer);
  loopDelay.disable();
  const loop = { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6, stalls };
  await driver.stop();
  await server.close();
  const realSeconds = (performance.now() - wallStart) / 1000;
  ctx.log(`event day replayed in ${round(realSeconds)} s real`);
  time.stop();
  await Promise.all([resend.close(), twilio.close()]);
  return { scans, batchMs, peakRssMb: peakRss / 2 ** 20, realSeconds, resend, twilio, speedLog, loop };
}

async function queueState(db: Db, event: Event, t: number, counts: boolean) {
  const nowTs = sql`${new Date(t).toISOString()}::timestamptz`;
  // Read every 100 ms real. Whether anything is due or in flight is all the loop needs: counted only for
  // the progress line, every 15 s. A count of the 21,800 rows due in the 10,000-attendee morning, every
  // 100 ms, was the replay's own load on the database. Otherwise each probe stops at one row of a
  // channel's part of the due index, in order (the replay's database holds this one event only).
  const due = sql`coalesce(next_attempt_at, scheduled_for)`;
  const first = (cond: SQL) =>
    sql`least(${sql.join((["email", "sms"] as const).map((c) => sql`(select ${due} from event_messages where status = 'scheduled' and channel = ${c} and ${cond} order by ${due} limit 1)`), sql`, `)})`;
  const dueNow = counts
    ? sql`(select count(*) from event_messages where status = 'scheduled' and ${due} <= ${nowTs} and event_id = ${event.id})::int`
    : sql`(${first(sql`${due} <= ${nowTs}`)} is not null)::int`;
  const sending = counts
    ? sql`(select count(*) from event_messages where event_id = ${event.id} and status = 'sending')::int`
    : sql`(exists (select 1 from event_messages where event_id = ${event.id} and status = 'sending'))::int`;
  const [m] = executedRows<{ due: number; sending: number; next_due: Date | string | null }>(
    await db.execute(sql`select ${dueNow} as due, ${sending} as sending, ${first(sql`${due} > ${nowTs}`)} as next_due`),
  );
  const [p] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(eventAttendees)
    .where(and(eq(eventAttendees.eventId, event.id), inArray(eventAttendees.planStatus, ["pending"]), isNotNull(eventAttendees.checkInTime)));
  return { due: Number(m.due), sending: Number(m.sending), nextDueMs: m.next_due ? new Date(m.next_due).getTime() : null, plansPending: Number(p.n) };
}

type SentRow = { id: string; type: string; channel: "email" | "sms"; status: string; statusReason: string | null; due: number; providerId: string | null; to: string | null; subject: string | null; body: string | null };

async function measure(db: Db, event: Event, people: Person[], day: DayRecord) {
  const dayStart = at("07:58");
  const rows: SentRow[] = (
    await db
      .select({
        id: eventMessages.id,
        type: eventMessages.type,
        channel: eventMessages.channel,
        status: eventMessages.status,
        statusReason: eventMessages.statusReason,
        scheduledFor: eventMessages.scheduledFor,
        providerId: eventMessages.providerMessageId,
        to: eventMessages.toAddress,
        subject: eventMessages.renderedSubject,
        body: eventMessages.renderedBody,
      })
      .from(eventMessages)
      .where(eq(eventMessages.eventId, event.id))
  ).map((r) => ({ ...r, due: r.scheduledFor.getTime() }));
  // The day's rows: due from 07:58 to an hour after the feedback request (not a re-engagement weeks later).
  const dayRows = rows.filter((r) => r.due >= dayStart && r.due <= at("11:00", 2));

  // What the fakes took, by provider id: the first (non-replay) acceptance time.
  const emailAt = new Map<string, number>();
  for (const a of day.resend.accepted) if (!a.replay && !emailAt.has(a.id)) emailAt.set(a.id, a.atMs);
  const replays = day.resend.accepted.filter((a) => a.replay).length;
  const smsAt = new Map(day.twilio.accepted.map((m) => [m.sid, m.createdAtMs]));
  // Sent twice: a provider took a message no sent row points at (a second copy, or a send the row never recorded),
  // or (SMS) the same recipient got the same body twice.
  const recorded = new Set(rows.filter((r) => r.status === "sent" && r.providerId).map((r) => r.providerId!));
  const emailOrphans = [...emailAt.keys()].filter((id) => !recorded.has(id)).length;
  const smsOrphans = [...smsAt.keys()].filter((id) => !recorded.has(id)).length;
  const smsByContent = new Map<string, number>();
  for (const m of day.twilio.accepted) smsByContent.set(`${m.to}\n${m.body}`, (smsByContent.get(`${m.to}\n${m.body}`) ?? 0) + 1);
  const smsSameBody = [...smsByContent.values()].reduce((s, c) => s + (c - 1), 0);

  const accepted = (r: SentRow) => (r.providerId ? (r.channel === "email" ? emailAt.get(r.providerId) : smsAt.get(r.providerId)) : undefined);
  const terminal = new Set(["sent", "skipped", "failed", "cancelled"]);
  const lostRows = dayRows.filter((r) => !terminal.has(r.status) || r.status === "failed" || (r.status === "sent" && accepted(r) === undefined));

  // The ideal sender within the same limits, first due first; among rows due at the same moment (a burst), in the order
  // TPX sent them, since any order of equals is as right as another: the k-th of a burst is held to the ideal's k-th slot.
  const sentRows = dayRows.filter((r) => r.status === "sent" && accepted(r) !== undefined).sort((a, b) => a.due - b.due || accepted(a)! - accepted(b)!);
  const ideal = new Map<string, number>();
  const emails = sentRows.filter((r) => r.channel === "email");
  for (let i = 0, slot = -Infinity; i < emails.length; ) {
    const t = Math.max(emails[i].due, slot);
    let j = i;
    while (j < emails.length && emails[j].due <= t && j - i < 100) ideal.set(emails[j++].id, t);
    slot = t + 1000 / RESEND_RPS;
    i = j;
  }
  const free = NUMBERS.map(() => -Infinity);
  for (const r of sentRows.filter((x) => x.channel === "sms")) {
    const k = free.indexOf(Math.min(...free));
    const t = Math.max(r.due, free[k]);
    ideal.set(r.id, t);
    free[k] = t + (smsSegmentCount(r.body ?? "") * 1000) / SEGMENTS_PER_SECOND;
  }
  const byType = new Map<string, { beyond: number[]; pacing: number[]; channel: string; worst: Array<{ due: number; ms: number }> }>();
  for (const r of sentRows) {
    const key = `${r.type} (${r.channel})`;
    const e = byType.get(key) ?? { beyond: [], pacing: [], channel: r.channel, worst: [] };
    e.beyond.push(accepted(r)! - ideal.get(r.id)!);
    e.worst.push({ due: r.due, ms: accepted(r)! - ideal.get(r.id)! });
    e.pacing.push(ideal.get(r.id)! - r.due);
    byType.set(key, e);
  }
  const latenessRows: FigureRow[] = [...byType.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([type, e]) => {
      const b = summarize(e.beyond);
      const p = summarize(e.pacing);
      return { type, sent: b.n, "beyond pacing p50 s": round(b.p50 / 1000, 2), "p99 s": round(b.p99 / 1000, 2), "max s": round(b.max / 1000, 2), "pacing p50 s": round(p.p50 / 1000, 1), "pacing p99 s": round(p.p99 / 1000, 1), "pacing max s": round(p.max / 1000, 1) };
    });
  const allBeyond = summarize(sentRows.map((r) => accepted(r)! - ideal.get(r.id)!));
  const worstTypeP99 = Math.max(...[...byType.values()].map((e) => summarize(e.beyond).p99));
  // Where a type misses the goal: its latest rows and when they were due (app time), to trace what held them.
  const missed = [...byType.entries()]
    .filter(([, e]) => summarize(e.beyond).p99 > GOALS.latenessP99Ms)
    .map(([type, e]) => `${type}: ${[...e.worst].sort((a, b) => b.ms - a.ms).slice(0, 8).map((w) => `due ${clock(w.due)} +${round(w.ms / 1000, 1)} s`).join(", ")}`);

  const waveScans = day.scans.filter((s) => s.inWave);
  const scanSummary = summarize(waveScans.map((s) => s.realMs));
  const plans = await db
    .select({ checkIn: eventAttendees.checkInTime, built: eventAttendees.planBuiltAt, status: eventAttendees.planStatus })
    .from(eventAttendees)
    .where(and(eq(eventAttendees.eventId, event.id), isNotNull(eventAttendees.checkInTime)));
  const planMs = summarize(plans.filter((p) => p.built).map((p) => p.built!.getTime() - p.checkIn!.getTime()));
  const plansNotReady = plans.filter((p) => p.status !== "ready").length;
  const [{ bytes }] = (await db.execute(sql`select pg_database_size(current_database())::bigint as bytes`)) as unknown as [{ bytes: string | number }];
  const statusCounts: Record<string, number> = {};
  const skipped: Record<string, number> = {};
  for (const r of dayRows) {
    statusCounts[r.status] = (statusCounts[r.status] ?? 0) + 1;
    const reason = `${r.status}: ${r.statusReason ?? "?"}`;
    if (r.status === "skipped" || r.status === "cancelled") skipped[reason] = (skipped[reason] ?? 0) + 1;
  }
  const duplicated = emailOrphans + smsOrphans + smsSameBody;
  const lost = lostRows.length;

  return {
    lost,
    duplicated,
    plansNotReady,
    statusCounts,
    result(n: number, speed: number, waveSpeed: number) {
      const checkedIn = plans.length;
      const summary: FigureRow[] = [
        { figure: "attendees registered / checked in (wave, later)", value: `${n} / ${checkedIn} (${waveScans.filter((s) => s.ok).length}, ${day.scans.filter((s) => !s.inWave && s.ok).length})` },
        { figure: "messages in the whole outbox / from the event day on", value: `${rows.length} / ${dayRows.length}` },
        { figure: "event-day messages sent / skipped or cancelled / failed / not finished", value: `${statusCounts.sent ?? 0} / ${(statusCounts.skipped ?? 0) + (statusCounts.cancelled ?? 0)} / ${statusCounts.failed ?? 0} / ${(statusCounts.scheduled ?? 0) + (statusCounts.sending ?? 0)}` },
        { figure: "lost (not finished, failed, or sent without the provider's acceptance)", value: lost },
        { figure: "duplicated: taken by a provider but on no sent row (email / SMS), SMS with the same recipient and body twice", value: `${emailOrphans} / ${smsOrphans}, ${smsSameBody}` },
        { figure: "Resend requests answered from an earlier Idempotency-Key (replays)", value: replays },
        { figure: "429s: Resend (2 requests/s) / Twilio (1 segment/s per number)", value: `${day.resend.rateLimited.length} / ${day.twilio.paced.length}` },
        { figure: "lateness beyond pacing, all sent: p50 / p99 / max, s", value: `${round(allBeyond.p50 / 1000, 2)} / ${round(allBeyond.p99 / 1000, 2)} / ${round(allBeyond.max / 1000, 2)}` },
        { figure: `scan → result during the wave (${SCANNERS} scanners, ${waveScans.length} scans): p50 / p95 / max, ms (real)`, value: `${round(scanSummary.p50, 1)} / ${round(scanSummary.p95, 1)} / ${round(scanSummary.max, 1)}` },
        { figure: "check-in → plan ready: p50 / p95 / max, s (app time)", value: `${round(planMs.p50 / 1000, 1)} / ${round(planMs.p95 / 1000, 1)} / ${round(planMs.max / 1000, 1)}` },
        { figure: "plans not ready at the end", value: plansNotReady },
        { figure: "peer batch at lunch − 15 min: duration, s (real)", value: day.batchMs === null ? "did not run" : round(day.batchMs / 1000, 2) },
        { figure: "event-loop delay, p50 / p99 / max, ms (real); stalls ≥ 100 ms", value: `${round(day.loop.p50, 1)} / ${round(day.loop.p99, 1)} / ${round(day.loop.max)}; ${day.loop.stalls.length}` },
        { figure: "database size, MB", value: round(Number(bytes) / 2 ** 20, 1) },
        { figure: "peak RSS of this process (app + fakes + the replay), MB", value: round(day.peakRssMb) },
        { figure: "event day replayed in, s real (speed ×" + speed + ", wave ×" + waveSpeed + ", bursts ×1)", value: round(day.realSeconds) },
      ];
      const goals: GoalCheck[] = [
        { goal: `lateness beyond pacing p99 ≤ ${GOALS.latenessP99Ms / 1000} s for every message type`, measured: `worst type p99 ${round(worstTypeP99 / 1000, 2)} s (all: p99 ${round(allBeyond.p99 / 1000, 2)} s)`, met: worstTypeP99 <= GOALS.latenessP99Ms },
        { goal: `scan → result p95 ≤ ${GOALS.scanP95Ms} ms during the wave`, measured: `${round(scanSummary.p95, 1)} ms`, met: scanSummary.p95 <= GOALS.scanP95Ms },
        { goal: `check-in → plan ready p95 ≤ ${GOALS.planP95Ms / 1000} s`, measured: `${round(planMs.p95 / 1000, 1)} s, ${plansNotReady} not ready`, met: planMs.p95 <= GOALS.planP95Ms && plansNotReady === 0 },
        { goal: `peer batch ≤ ${GOALS.batchMs / 1000} s`, measured: day.batchMs === null ? "did not run" : `${round(day.batchMs / 1000, 2)} s`, met: day.batchMs !== null && day.batchMs <= GOALS.batchMs },
        { goal: "0 lost, 0 duplicated", measured: `${lost} lost, ${duplicated} duplicated`, met: lost === 0 && duplicated === 0 },
      ];
      return {
        rows: summary,
        tables: [
          { title: "Per message type (event day on): lateness beyond pacing, and the pacing itself (ideal sender − due)", rows: latenessRows },
          { title: "Skipped and cancelled, by reason (event day on)", rows: Object.entries(skipped).sort((a, b) => b[1] - a[1]).map(([reason, count]) => ({ reason, count })) },
        ],
        goals,
        notes: [
          "App time runs faster than the wall outside the email bursts (a real delay of d ms counts d × speed): the lateness and plan figures are upper bounds of what a real day sees.",
          `Speed changes: ${day.speedLog.join(", ") || "none"}.`,
          ...missed.map((m) => `Latest rows of a type over the goal — ${m}.`),
          `Resend 429s at (app time): ${day.resend.rateLimited.slice(0, 20).map(clock).join(", ") || "none"}${day.resend.rateLimited.length > 20 ? ", …" : ""}.`,
          `Longest event-loop stalls (app time, real ms): ${[...day.loop.stalls].sort((a, b) => b.ms - a.ms).slice(0, 12).map((x) => `${clock(x.atMs)} ${round(x.ms)}`).join(", ") || "none"}.`,
          ...(lostRows.length ? [`lost rows by type/status: ${JSON.stringify(countBy(lostRows.map((r) => `${r.type}/${r.status}`)))}`] : []),
        ],
      };
    },
  };
}

function clock(ms: number): string {
  const d = new Date(ms - DAY.getTime());
  const days = Math.floor((ms - DAY.getTime()) / 86_400_000);
  return `${days ? `+${days}d ` : ""}${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}:${String(d.getUTCSeconds()).padStart(2, "0")}`;
}

function shuffled(xs: number[], seed: number): number[] {
  const rand = seededRandom(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
