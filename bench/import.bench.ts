import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, eventMessages, type NewMessage } from "@/db/schema";
import { freeze } from "@/lib/clock";
import { getAgenda, toEventTimes } from "@/lib/events/queries";
import { parseCsv } from "@/lib/imports/csv";
import { writeCsvSection } from "@/lib/imports/write";
import { reachability } from "@/lib/registration/register";
import { newAccessToken, newQrCodeData } from "@/lib/registration/tokens";
import { planImmediate, planPreEventReminders } from "@/lib/scheduling/plan";
import { defineBenchmark, type FigureRow } from "./registry";
import { createBenchEvent, local } from "./support/fixtures";
import { round, timedWithCpu } from "./support/measure";

/**
 * The console's CSV import of attendees (issue 8: 10,000 in ≤ 30 s): parse + validate
 * (the event file's rules), contractors through the JSON import's writer, registrations
 * through the batch writer, in the UI's 2,000-row slices — beside a raw multi-row
 * INSERT of the same contractors, attendees and outbox rows in the same run.
 */
const REGISTERED_AT = "2027-02-01 12:00";
const SLICE = 2_000;
const GOAL_S = 30;

export function attendeeCsv(n: number): string {
  const lines = ["email,first_name,last_name,phone,company_name,sms_opt_in"];
  for (let i = 0; i < n; i++) lines.push(`csv-${i}@example.com,Pat,Csv${i},+1512555${String(100 + (i % 100)).padStart(4, "0")},"Acme, Roofing ${i % 37}",yes`);
  return `${lines.join("\n")}\n`;
}

async function count(db: Db, table: typeof eventMessages | typeof eventAttendees): Promise<number> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
  return Number(n);
}

export default defineBenchmark({
  name: "import",
  title: "CSV import of attendees (parse, validate, batch write) against a raw multi-row INSERT of the same rows",
  async run(ctx) {
    const n = ctx.quick ? 1_000 : 10_000;
    freeze(local(REGISTERED_AT));
    const csv = attendeeCsv(n);

    const h = await ctx.openDb();
    let importRow: FigureRow;
    let attendees = 0;
    let messages = 0;
    try {
      const event = await createBenchEvent(h.db);
      ctx.log(`CSV import of ${n.toLocaleString("en-US")} attendees (${(csv.length / 1e6).toFixed(1)} MB)`);
      const parseTimes: number[] = [];
      const { ms, cpuPercent } = await timedWithCpu(async () => {
        for (let from = 0; from < n; from += SLICE) {
          // As the page does: every slice re-checks the whole file, then writes its rows.
          const t0 = performance.now();
          const parsed = parseCsv(csv, "attendees", event);
          parseTimes.push(performance.now() - t0);
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
          await writeCsvSection(h.db, event, "attendees", parsed.file, { from, to: from + SLICE });
        }
      });
      attendees = await count(h.db, eventAttendees);
      messages = await count(h.db, eventMessages);
      importRow = { db: ctx.db, phase: `CSV import, ${SLICE}-row slices`, attendees, "outbox rows": messages, seconds: round(ms / 1000, 2), "parse ms/slice": round(parseTimes.reduce((a, b) => a + b, 0) / parseTimes.length), "node cpu %": round(cpuPercent) };
    } finally {
      await h.close();
    }

    const r = await ctx.openDb();
    let rawRow: FigureRow;
    try {
      const event = await createBenchEvent(r.db);
      const times = toEventTimes(event, await getAgenda(r.db, event.id));
      const at = local(REGISTERED_AT);
      const { ms, cpuPercent } = await timedWithCpu(async () => {
        for (let from = 0; from < n; from += 1_000) {
          const people = Array.from({ length: Math.min(1_000, n - from) }, (_, k) => from + k).map((i) => ({ email: `raw-${i}@example.com`, firstName: "Pat", lastName: `Raw${i}`, phone: `+1512555${String(100 + (i % 100)).padStart(4, "0")}`, companyName: "Acme", smsOptIn: true }));
          const cs = await r.db.insert(contractors).values(people).returning();
          const as = await r.db.insert(eventAttendees).values(cs.map((c) => ({ eventId: event.id, contractorId: c.id, registrationDate: at, qrCodeData: newQrCodeData(), accessToken: newAccessToken() }))).returning({ id: eventAttendees.id, contractorId: eventAttendees.contractorId });
          const byId = new Map(cs.map((c) => [c.id, c]));
          const rows: NewMessage[] = as.flatMap((a) => {
            const c = byId.get(a.contractorId)!;
            const reach = reachability(c);
            return [...planImmediate("registration_confirmation", "r1", reach, times, at), ...planPreEventReminders({ event: times, registeredAt: at, profileComplete: false, reach, now: at })].map((p) => ({ eventId: event.id, attendeeId: a.id, contractorId: c.id, type: p.type, channel: p.channel, dedupeKey: p.dedupeKey, scheduledFor: p.scheduledFor }));
          });
          for (let j = 0; j < rows.length; j += 2_000) await r.db.insert(eventMessages).values(rows.slice(j, j + 2_000));
        }
      });
      rawRow = { db: ctx.db, phase: "raw multi-row INSERT", attendees: await count(r.db, eventAttendees), "outbox rows": await count(r.db, eventMessages), seconds: round(ms / 1000, 2), "parse ms/slice": 0, "node cpu %": round(cpuPercent) };
    } finally {
      await r.close();
    }
    const secs = Number(importRow.seconds);
    return {
      rows: [importRow, rawRow],
      goals: [
        { goal: `${n.toLocaleString("en-US")} attendees ≤ ${GOAL_S} s`, measured: `${secs} s`, met: n < 10_000 || secs <= GOAL_S },
        { goal: "every row imported", measured: `${attendees}/${n}, ${messages} outbox rows`, met: attendees === n && messages === rawRow["outbox rows"] },
      ],
      notes: [`import / raw = ${round(secs / Number(rawRow.seconds), 2)}×`],
    };
  },
});
