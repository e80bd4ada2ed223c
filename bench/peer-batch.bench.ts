/**
 * The lunch batch (SPEC §5.4; issue 13 §3) on a database, at the event day's sizes: N people
 * checked in, each with the outbox a plan writes (the texts and emails of 12 real plans,
 * copied to everyone), then `runPeerBatch` at lunch − 15 min: match, template sentences,
 * and in one transaction the matches, recommendations, learning log, introductions and every
 * person's SMS budget re-decided. The event-day replay measures the same call inside the day
 * (its "peer batch" figure); this isolates it so sizes can be compared in one run.
 */
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, eventMessages, events } from "@/db/schema";
import { setLanguageModelForTests } from "@/lib/ai/model";
import { freeze, resetClock } from "@/lib/clock";
import { generateProfiles } from "@/lib/matching/synthetic";
import { buildAttendeePlan } from "@/lib/orchestration/build";
import { runPeerBatch } from "@/lib/orchestration/peer-batch";
import { newAccessToken, newQrCodeData } from "@/lib/registration/tokens";
import { defineBenchmark, type FigureRow } from "./registry";
import { addConferenceProgram } from "./support/conference";
import { local } from "./support/fixtures";
import { loadAverage, round } from "./support/measure";

const ZONE = "America/Chicago";
const DAY = local("2027-03-10 00:00", ZONE);
const TEMPLATES = 12;

async function seed(db: Db, n: number) {
  const [event] = await db
    .insert(events)
    .values({ name: "Batch Summit", slug: `peer-batch-${Date.now().toString(36)}-${n}`, timezone: ZONE, startsAt: local("2027-03-10 09:00", ZONE), endsAt: local("2027-03-10 17:00", ZONE), status: "live" })
    .returning();
  const agenda = await addConferenceProgram(db, event.id, DAY);
  const lunch = agenda.find((a) => a.type === "lunch")!;
  const people = generateProfiles(n, 7);
  const ids: string[] = [];
  const checkIn = local("2027-03-10 08:40", ZONE);
  for (let i = 0; i < n; i += 500) {
    const chunk = people.slice(i, i + 500);
    const cs = await db
      .insert(contractors)
      .values(chunk.map((p, k) => ({ email: `b${n}-${i + k}@batch.example`, firstName: `B${i + k}`, lastName: "Batch", phone: `+1512${String(5_000_000 + i + k).padStart(7, "0")}`, smsOptIn: true, companyName: p.companyName, businessType: p.businessType, serviceArea: p.serviceArea, revenueTier: p.revenueTier, teamSize: p.teamSize, focusAreas: p.focusAreas })))
      .returning({ id: contractors.id });
    const as = await db
      .insert(eventAttendees)
      .values(cs.map((c) => ({ eventId: event.id, contractorId: c.id, registrationDate: DAY, qrCodeData: newQrCodeData(), accessToken: newAccessToken(), checkInTime: checkIn, checkInMethod: "qr_code" as const })))
      .returning({ id: eventAttendees.id });
    ids.push(...as.map((a) => a.id));
  }
  // Real plans for a few, their outbox copied to the rest (the check-in confirmation and agenda text already sent).
  freeze(local("2027-03-10 08:41", ZONE));
  for (const id of ids.slice(0, TEMPLATES)) await buildAttendeePlan(db, id);
  await db.update(eventMessages).set({ status: "sent", actualSendTime: local("2027-03-10 08:41", ZONE) }).where(sql`${eventMessages.eventId} = ${event.id} and ${eventMessages.type} in ('check_in_confirmation', 'agenda_ready')`);
  await db.execute(sql`
    insert into event_messages (event_id, attendee_id, contractor_id, type, channel, dedupe_key, scheduled_for, status, actual_send_time, personalization)
    select m.event_id, a.id, a.contractor_id, m.type, m.channel, m.dedupe_key, m.scheduled_for, m.status, m.actual_send_time, m.personalization
    from (select id, contractor_id, (row_number() over (order by id) - 1) % ${TEMPLATES} as k from event_attendees where event_id = ${event.id} and id not in (${sql.join(ids.slice(0, TEMPLATES).map((id) => sql`${id}`), sql`, `)})) a
    join (select t.*, (dense_rank() over (order by t.attendee_id) - 1) as k from event_messages t where t.event_id = ${event.id}) m on m.k = a.k`);
  await db.update(eventAttendees).set({ planStatus: "ready" }).where(eq(eventAttendees.eventId, event.id));
  const [{ rows }] = (await db.execute(sql`select count(*)::int as rows from event_messages where event_id = ${event.id}`)) as unknown as Array<{ rows: number }>;
  return { eventId: event.id, batchAt: new Date(lunch.startsAt.getTime() - 15 * 60_000), outbox: rows };
}

export default defineBenchmark({
  name: "peer-batch",
  title: "The lunch batch on a database: match everyone checked in, write every introduction and re-decide every SMS budget (2,550 and 7,000 checked in)",
  async run(ctx) {
    const sizes = (process.env.PEER_BATCH_SIZES ?? (ctx.quick ? "850,2550" : "850,2550,7000")).split(",").map(Number);
    setLanguageModelForTests(null);
    const rows: FigureRow[] = [];
    try {
      for (const n of sizes) {
        const h = await ctx.openDb();
        try {
          ctx.log(`seeding ${n} checked in…`);
          const { eventId, batchAt, outbox } = await seed(h.db, n);
          freeze(batchAt);
          const t = performance.now();
          const result = await runPeerBatch(h.db, eventId, batchAt);
          const ms = performance.now() - t;
          ctx.log(`  ${n}: ${round(ms)} ms, ${result?.pairs} pairs, ${result?.messages} rows to dispatch`);
          rows.push({ db: ctx.db, "checked in": n, "outbox rows before": outbox, pairs: result?.pairs ?? 0, "rows written or re-decided": result?.messages ?? 0, "batch s": round(ms / 1000, 2), "ms per person": round(ms / n, 2) });
        } finally {
          resetClock();
          await h.close();
        }
      }
      const big = rows.find((r) => r["checked in"] === 7000) ?? rows[rows.length - 1];
      return {
        rows,
        goals: [{ goal: `batch ≤ 10 s at ${big["checked in"]} checked in (issue 13)`, measured: `${big["batch s"]} s (${ctx.db})`, met: (big["batch s"] as number) <= 10 }],
        notes: [`load average: ${loadAverage()}`],
      };
    } finally {
      setLanguageModelForTests(undefined);
    }
  },
});
