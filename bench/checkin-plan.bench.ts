/**
 * The plan for one check-in through the real code path on a database: load the
 * context (agenda, sponsors, 2,000 checked-in attendees, peer state), rank, write
 * template sentences and store everything (recommendations, peer matches, messages,
 * learning log). Event: 60 sessions, 40 sponsors, 2,000 checked in, after the batch.
 */
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAgendaItems, eventAttendees, eventSpeakers, eventSponsors, events } from "@/db/schema";
import { setLanguageModelForTests } from "@/lib/ai/model";
import { freeze, resetClock } from "@/lib/clock";
import { generateAgenda, generateProfiles, generateSponsors } from "@/lib/matching/synthetic";
import { buildAttendeePlan, rankPlanStep } from "@/lib/orchestration/build";
import { runPeerBatch } from "@/lib/orchestration/peer-batch";
import { newAccessToken, newQrCodeData } from "@/lib/registration/tokens";
import { defineBenchmark, type FigureRow } from "./registry";
import { loadAverage, percentile, round } from "./support/measure";

const DAY = new Date("2027-03-10T06:00:00Z"); // midnight America/Chicago
const POOL = 2_000;

async function seed(db: Db, arrivals: number) {
  const [event] = await db
    .insert(events)
    .values({ name: "Bench Summit", slug: `bench-${Date.now()}`, timezone: "America/Chicago", startsAt: new Date(DAY.getTime() + 8 * 3600_000), endsAt: new Date(DAY.getTime() + 18 * 3600_000), status: "live" })
    .returning();
  const agenda = generateAgenda(DAY, 60);
  const speakerIds = new Map<string, string>();
  for (const s of agenda.filter((a) => a.speaker)) {
    const [row] = await db.insert(eventSpeakers).values({ eventId: event.id, key: s.speaker!.id, name: s.speaker!.name, focusAreas: s.speaker!.focusAreas, pcrScore: s.speaker!.pcrScore }).returning();
    speakerIds.set(s.id, row.id);
  }
  await db.insert(eventAgendaItems).values(
    agenda.map((a) => ({ eventId: event.id, key: a.id, type: a.type, title: a.title, room: a.room, startsAt: a.startsAt, endsAt: a.endsAt, topics: a.topics, speakerId: speakerIds.get(a.id) ?? null })),
  );
  await db.insert(eventSponsors).values(
    generateSponsors(40).map((s) => ({ eventId: event.id, key: s.id, name: s.name, boothNumber: s.boothNumber, offerings: s.offerings, focusAreas: s.focusAreas, targetRevenueTiers: s.targetRevenueTiers, specialOffer: s.specialOffer, talkingPoints: s.talkingPoints, pcrScore: s.pcrScore })),
  );
  const people = generateProfiles(POOL + arrivals, 41);
  const ids: string[] = [];
  for (let i = 0; i < people.length; i += 500) {
    const chunk = people.slice(i, i + 500);
    const cs = await db
      .insert(contractors)
      .values(chunk.map((p, k) => ({ email: `p${i + k}@bench.example`, firstName: `P${i + k}`, lastName: "Bench", phone: `+1512555${String(1000 + ((i + k) % 9000)).padStart(4, "0")}`, smsOptIn: true, companyName: p.companyName, businessType: p.businessType, serviceArea: p.serviceArea, revenueTier: p.revenueTier, teamSize: p.teamSize, focusAreas: p.focusAreas })))
      .returning({ id: contractors.id });
    const as = await db
      .insert(eventAttendees)
      .values(cs.map((c, k) => ({ eventId: event.id, contractorId: c.id, registrationDate: DAY, qrCodeData: newQrCodeData(), accessToken: newAccessToken(), checkInTime: i + k < POOL ? new Date(DAY.getTime() + 8 * 3600_000) : null, checkInMethod: i + k < POOL ? ("qr_code" as const) : null })))
      .returning({ id: eventAttendees.id });
    ids.push(...as.map((a) => a.id));
  }
  return { eventId: event.id, arrivals: ids.slice(POOL) };
}

export default defineBenchmark({
  name: "checkin-plan",
  title: "The plan for one check-in on a database (60 sessions, 40 sponsors, 2,000 checked in; deterministic path)",
  async run(ctx) {
    const runs = ctx.quick ? 20 : 100;
    const h = await ctx.openDb();
    setLanguageModelForTests(null);
    try {
      ctx.log(`seeding ${POOL} checked-in attendees…`);
      const { eventId, arrivals } = await seed(h.db, runs * 2);
      freeze(new Date(DAY.getTime() + 11.75 * 3600_000));
      const batch = await runPeerBatch(h.db, eventId, new Date(DAY.getTime() + 11.75 * 3600_000));
      freeze(new Date(DAY.getTime() + 12.5 * 3600_000)); // late arrivals after the batch
      const rank: number[] = [];
      const full: number[] = [];
      for (let i = 0; i < runs; i++) {
        for (const [list, id] of [[rank, arrivals[i]], [full, arrivals[runs + i]]] as const) {
          await h.db.update(eventAttendees).set({ checkInTime: new Date(DAY.getTime() + 12.5 * 3600_000), planStatus: "pending" }).where(eq(eventAttendees.id, id));
          const t = performance.now();
          if (list === rank) await rankPlanStep(h.db, id, new Date(DAY.getTime() + 12.5 * 3600_000));
          else await buildAttendeePlan(h.db, id);
          list.push(performance.now() - t);
        }
      }
      const row = (what: string, xs: number[]): FigureRow => {
        const s = [...xs].sort((a, b) => a - b);
        return { db: ctx.db, path: what, runs: xs.length, "p50 ms": round(percentile(s, 50), 1), "p95 ms": round(percentile(s, 95), 1), "max ms": round(s[s.length - 1], 1) };
      };
      const rows = [row("load context + rank", rank), row("whole plan: load, rank, template sentences, store", full)];
      const p95 = rows[0]["p95 ms"] as number;
      return {
        rows,
        goals: [{ goal: "deterministic plan p95 ≤ 100 ms", measured: `${p95} ms (${ctx.db})`, met: p95 <= 100 }],
        notes: [`batch before the arrivals: ${batch?.pairs ?? 0} pairs among ${POOL}`, `load average: ${loadAverage()}`],
      };
    } finally {
      resetClock();
      setLanguageModelForTests(undefined);
      await h.close();
    }
  },
});
