import { freeze } from "@/lib/clock";
import { attendeeQuerySchema, listAttendeesPage } from "@/lib/attendees/table";
import { parseCsv } from "@/lib/imports/csv";
import { writeCsvSection } from "@/lib/imports/write";
import { attendeeCsv } from "./import.bench";
import { defineBenchmark, type FigureRow } from "./registry";
import { createBenchEvent, local } from "./support/fixtures";
import { percentile, round, summarize } from "./support/measure";

const p95 = (v: number[]) => percentile([...v].sort((a, b) => a - b), 95);

/** The console's attendee table at 10,000 attendees (goal: p95 ≤ 150 ms server time per page). */
const GOAL_MS = 150;
const QUERIES: Array<[string, Record<string, string>]> = [
  ["first page, newest", {}],
  ["page 120", { page: "120" }],
  ["search name", { q: "csv77" }],
  ["search company", { q: "roofing 12" }],
  ["search phone", { q: "5550142" }],
  ["not checked in, by name", { checkedIn: "no", sort: "name", dir: "asc" }],
  ["profile pending, by company desc, page 30", { profile: "pending", sort: "company", dir: "desc", page: "30" }],
  ["by check-in time", { sort: "checked_in" }],
];

export default defineBenchmark({
  name: "attendee-table",
  title: "Attendee table page (search, filters, sort, pagination) at 10,000 attendees",
  async run(ctx) {
    const n = ctx.quick ? 2_000 : 10_000;
    const reps = ctx.quick ? 5 : 25;
    freeze(local("2027-02-01 12:00"));
    const h = await ctx.openDb();
    try {
      const event = await createBenchEvent(h.db);
      ctx.log(`seeding ${n} attendees through the CSV import`);
      const parsed = parseCsv(attendeeCsv(n), "attendees", event);
      if (!parsed.ok) throw new Error("csv");
      await writeCsvSection(h.db, event, "attendees", parsed.file);
      const all: number[] = [];
      const rows: FigureRow[] = [];
      for (const [name, params] of QUERIES) {
        const q = attendeeQuerySchema.parse(params);
        const times: number[] = [];
        for (let i = 0; i < reps; i++) {
          const t0 = performance.now();
          const page = await listAttendeesPage(h.db, event.id, q);
          times.push(performance.now() - t0);
          if (i === 0 && name === "first page, newest" && page.total !== n) throw new Error(`expected ${n} attendees, got ${page.total}`);
        }
        all.push(...times);
        const s = summarize(times);
        rows.push({ db: ctx.db, query: name, "ms p50": round(s.p50, 1), "ms p95": round(p95(times), 1), "ms max": round(s.max, 1) });
      }
      const s = summarize(all);
      const all95 = p95(all);
      rows.push({ db: ctx.db, query: "all", "ms p50": round(s.p50, 1), "ms p95": round(all95, 1), "ms max": round(s.max, 1) });
      return { rows, goals: [{ goal: `p95 ≤ ${GOAL_MS} ms at ${n.toLocaleString("en-US")} attendees`, measured: `${round(all95, 1)} ms`, met: all95 <= GOAL_MS }] };
    } finally {
      await h.close();
    }
  },
});
