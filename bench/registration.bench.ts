import { and, count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, eventMessages, type Event, type NewMessage } from "@/db/schema";
import { freeze } from "@/lib/clock";
import { getAgenda, toEventTimes } from "@/lib/events/queries";
import { registerAttendee } from "@/lib/registration/register";
import { newAccessToken, newQrCodeData } from "@/lib/registration/tokens";
import { planImmediate, planPreEventReminders } from "@/lib/scheduling/plan";
import { defineBenchmark, type BenchContext, type FigureRow } from "./registry";
import { benchRegistration, createBenchEvent, local } from "./support/fixtures";
import { copyRows, unnestValues } from "@/db/bulk";
import { round, runPool, summarize, timed, timedWithCpu } from "./support/measure";

/** 37 days before the event (D > 3): every registration plans the full set. */
const REGISTERED_AT = "2027-02-01 12:00";
/** 2 confirmations + 2 × 3 check-in reminders + 2 × 6 profile reminders. */
const EXPECTED_PER_REGISTRATION = 20;
const RAW_BATCH = 1_000;
const RATIO_GOAL = 0.3;

type RegistrationRun = {
  concurrency: number;
  registrations: number;
  messages: number;
  ms: number;
  cpuPercent: number;
  latency: ReturnType<typeof summarize>;
  badAttendees: number;
};

/** `registerAttendee` n times into a fresh database, then counts what it planned. */
async function registerMany(ctx: BenchContext, n: number, concurrency: number): Promise<RegistrationRun> {
  const h = await ctx.openDb();
  try {
    const event = await createBenchEvent(h.db);
    const latencies: number[] = [];
    ctx.log(`registering ${n.toLocaleString("en-US")} attendees, concurrency ${concurrency}`);
    const { ms, cpuPercent } = await timedWithCpu(() =>
      runPool(Array.from({ length: n }, (_, i) => i), concurrency, async (i) => {
        const t = await timed(() => registerAttendee(h.db, benchRegistration(event.slug, i)));
        if (!t.value.ok) throw new Error(`registration ${i} failed: ${t.value.error.message}`);
        latencies.push(t.ms);
      }),
    );
    const { messages, badAttendees } = await countPlanned(h.db, event);
    return { concurrency, registrations: n, messages, ms, cpuPercent, latency: summarize(latencies), badAttendees };
  } finally {
    await h.close();
  }
}

async function countPlanned(db: Db, event: Event) {
  const [{ messages }] = await db
    .select({ messages: count() })
    .from(eventMessages)
    .where(and(eq(eventMessages.eventId, event.id), eq(eventMessages.status, "scheduled")));
  const perAttendee = db
    .select({ attendeeId: eventMessages.attendeeId, n: count().as("n") })
    .from(eventMessages)
    .where(eq(eventMessages.eventId, event.id))
    .groupBy(eventMessages.attendeeId)
    .as("per_attendee");
  const [{ badAttendees }] = await db
    .select({ badAttendees: count() })
    .from(perAttendee)
    .where(sql`${perAttendee.n} <> ${EXPECTED_PER_REGISTRATION}`);
  return { messages, badAttendees };
}

/**
 * The baseline: the same outbox rows (n registrations × the same 20 planned messages)
 * written with plain multi-row INSERTs of ~1,000 rows, against attendees and
 * contractors created beforehand (not timed), into a fresh database.
 */
async function rawInsert(ctx: BenchContext, n: number) {
  const h = await ctx.openDb();
  try {
    const db = h.db;
    const event = await createBenchEvent(db);
    ctx.log(`raw baseline: creating ${n.toLocaleString("en-US")} contractors and attendees (not timed)`);
    const at = local(REGISTERED_AT);
    const owners: Array<{ attendeeId: string; contractorId: string }> = [];
    for (let from = 0; from < n; from += RAW_BATCH) {
      const people = Array.from({ length: Math.min(RAW_BATCH, n - from) }, (_, k) => benchRegistration(event.slug, from + k));
      const cs = await db
        .insert(contractors)
        .values(people.map((p) => ({ email: p.email, firstName: p.firstName, lastName: p.lastName, phone: p.phone, smsOptIn: true })))
        .returning({ id: contractors.id });
      const as = await db
        .insert(eventAttendees)
        .values(
          cs.map((c) => ({ eventId: event.id, contractorId: c.id, registrationDate: at, qrCodeData: newQrCodeData(), accessToken: newAccessToken() })),
        )
        .returning({ id: eventAttendees.id, contractorId: eventAttendees.contractorId });
      owners.push(...as.map((a) => ({ attendeeId: a.id, contractorId: a.contractorId })));
    }
    // The very plan registerAttendee makes, computed once: only the owner differs per row.
    const times = toEventTimes(event, await getAgenda(db, event.id));
    const reach = { email: true, sms: true };
    const plan = [
      ...planImmediate("registration_confirmation", "r1", reach, times, at),
      ...planPreEventReminders({ event: times, registeredAt: at, profileComplete: false, reach, now: at }),
    ];
    const rows: NewMessage[] = owners.flatMap((o) =>
      plan.map((p) => ({ eventId: event.id, ...o, type: p.type, channel: p.channel, dedupeKey: p.dedupeKey, scheduledFor: p.scheduledFor })),
    );
    ctx.log(`raw baseline: inserting ${rows.length.toLocaleString("en-US")} outbox rows in batches of ${RAW_BATCH}`);
    const { ms, cpuPercent } = await timedWithCpu(async () => {
      for (let from = 0; from < rows.length; from += RAW_BATCH) {
        await db.insert(eventMessages).values(rows.slice(from, from + RAW_BATCH));
      }
    });
    const { messages } = await countPlanned(db, event);
    // The same rows again, below the ORM (db/bulk.ts): COPY, and one INSERT … SELECT unnest(…) per batch.
    const cols = ["event_id", "attendee_id", "contractor_id", "type", "channel", "dedupe_key", "scheduled_for"] as const;
    const cells = rows.map((r) => [r.eventId!, r.attendeeId!, r.contractorId, r.type, r.channel, r.dedupeKey, r.scheduledFor]);
    await db.execute(sql`delete from event_messages`);
    ctx.log(`raw baseline: COPY of the same ${rows.length.toLocaleString("en-US")} rows`);
    const copy = await timedWithCpu(() => copyRows(db, "event_messages", [...cols], cells));
    const copied = (await countPlanned(db, event)).messages;
    await db.execute(sql`delete from event_messages`);
    ctx.log(`raw baseline: INSERT … SELECT unnest(…) of the same rows, ${RAW_BATCH * 10}/statement`);
    const types = ["uuid", "uuid", "uuid", "message_type", "message_channel", "text", "timestamptz"];
    const unnest = await timedWithCpu(async () => {
      for (let from = 0; from < cells.length; from += RAW_BATCH * 10) {
        const part = cells.slice(from, from + RAW_BATCH * 10);
        await db.execute(sql`insert into event_messages (${sql.raw(cols.join(", "))}) ${unnestValues(cols.map((name, j) => ({ name, type: types[j] })), part)}`);
      }
    });
    const unnested = (await countPlanned(db, event)).messages;
    return {
      planPerRegistration: plan.length,
      rows: messages,
      ms,
      cpuPercent,
      copy: { rows: copied, ms: copy.ms, cpuPercent: copy.cpuPercent },
      unnest: { rows: unnested, ms: unnest.ms, cpuPercent: unnest.cpuPercent },
    };
  } finally {
    await h.close();
  }
}

export default defineBenchmark({
  name: "registration",
  title: "registerAttendee throughput (sequential and ×8) against a raw multi-row INSERT of the same outbox rows",
  async run(ctx) {
    const n = ctx.quick ? 500 : 10_000;
    freeze(local(REGISTERED_AT));
    const runs = [await registerMany(ctx, n, 1), await registerMany(ctx, n, 8)];
    const raw = await rawInsert(ctx, n);
    const rawPerSec = raw.rows / (raw.ms / 1000);

    const rows: FigureRow[] = runs.map((r) => {
      const secs = r.ms / 1000;
      return {
        db: ctx.db,
        phase: `registerAttendee ×${r.concurrency}`,
        count: r.registrations,
        "outbox rows": r.messages,
        seconds: round(secs, 2),
        "registrations/s": round(r.registrations / secs),
        "rows/s": round(r.messages / secs),
        "ms/reg p50": round(r.latency.p50, 2),
        "ms/reg p99": round(r.latency.p99, 2),
        ratio: round(r.messages / secs / rawPerSec, 3),
        "node cpu %": round(r.cpuPercent),
      };
    });
    rows.push({
      db: ctx.db,
      phase: `raw INSERT, ${RAW_BATCH}/statement`,
      count: raw.rows,
      "outbox rows": raw.rows,
      seconds: round(raw.ms / 1000, 2),
      "registrations/s": null,
      "rows/s": round(rawPerSec),
      "ms/reg p50": null,
      "ms/reg p99": null,
      ratio: null,
      "node cpu %": round(raw.cpuPercent),
    });
    const copyPerSec = raw.copy.rows / (raw.copy.ms / 1000);
    for (const [phase, m] of [["raw COPY … FROM STDIN (CSV)", raw.copy], [`raw INSERT … SELECT unnest(…), ${RAW_BATCH * 10}/statement`, raw.unnest]] as const) {
      rows.push({
        db: ctx.db,
        phase,
        count: m.rows,
        "outbox rows": m.rows,
        seconds: round(m.ms / 1000, 2),
        "registrations/s": null,
        "rows/s": round(m.rows / (m.ms / 1000)),
        "ms/reg p50": null,
        "ms/reg p99": null,
        ratio: null,
        "node cpu %": round(m.cpuPercent),
      });
    }

    const expected = n * EXPECTED_PER_REGISTRATION;
    const notes = runs.map(
      (r) =>
        `×${r.concurrency}: ${r.messages.toLocaleString("en-US")} outbox rows planned for ${r.registrations.toLocaleString("en-US")} registrations ` +
        `(expected ${expected.toLocaleString("en-US")}; ${r.badAttendees} attendees without exactly ${EXPECTED_PER_REGISTRATION})`,
    );
    notes.push(`raw baseline: ${raw.rows.toLocaleString("en-US")} rows, ${raw.planPerRegistration} per attendee`);
    notes.push(
      `the database's ceiling: COPY ${Math.round(copyPerSec).toLocaleString("en-US")} rows/s = ${(copyPerSec / rawPerSec).toFixed(2)}× the ORM INSERT, ` +
        `unnest ${(raw.unnest.rows / (raw.unnest.ms / 1000) / rawPerSec).toFixed(2)}× the ORM INSERT; ` +
        runs.map((r) => `registerAttendee ×${r.concurrency} = ${(r.messages / (r.ms / 1000) / copyPerSec).toFixed(3)} of COPY`).join(", "),
    );
    if (raw.copy.rows !== raw.rows || raw.unnest.rows !== raw.rows) throw new Error(`COPY wrote ${raw.copy.rows}, unnest ${raw.unnest.rows}, expected ${raw.rows}`);
    if (ctx.db === "pglite") {
      // PGlite runs inside this process, so rows per CPU-second of it does not depend on how busy the machine is.
      const rawPerCpuSec = raw.rows / ((raw.ms * raw.cpuPercent) / 100 / 1000);
      for (const r of runs) {
        const perCpuSec = r.messages / ((r.ms * r.cpuPercent) / 100 / 1000);
        notes.push(
          `×${r.concurrency} per CPU-second (load-independent on PGlite): ${Math.round(perCpuSec).toLocaleString("en-US")} planned rows vs ` +
            `${Math.round(rawPerCpuSec).toLocaleString("en-US")} raw → ratio ${(perCpuSec / rawPerCpuSec).toFixed(3)}`,
        );
      }
    }
    for (const r of runs) {
      if (r.messages !== expected || r.badAttendees > 0) throw new Error(`×${r.concurrency} planned ${r.messages} rows, expected ${expected}`);
    }
    return {
      rows,
      goals: runs.map((r) => {
        const ratio = r.messages / (r.ms / 1000) / rawPerSec;
        return {
          goal: `planned messages/s ÷ raw rows/s ≥ ${RATIO_GOAL} (registerAttendee ×${r.concurrency})`,
          measured: `${ratio.toFixed(3)} (${Math.round(r.messages / (r.ms / 1000)).toLocaleString("en-US")} ÷ ${Math.round(rawPerSec).toLocaleString("en-US")})`,
          met: ratio >= RATIO_GOAL,
        };
      }),
      notes,
    };
  },
});
