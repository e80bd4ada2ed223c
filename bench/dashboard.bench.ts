/**
 * The dashboard's queries at scale: one event with 10,000 attendees (6,000 checked in,
 * plans and recommendations), 300,000 outbox rows over every type and status, seeded
 * with bulk SQL (generate_series). Each lib/metrics query is run `runs` times; p95 per
 * query (goal ≤ 200 ms each).
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { freeze } from "@/lib/clock";
import { arrivalRate, arrivalSeries, attendanceCounts, scanOutcomes } from "@/lib/metrics/attendance";
import { failureReasons, lateness, outboxFigures } from "@/lib/metrics/messages";
import { planFailureReasons, planStates, recommendationEngagement } from "@/lib/metrics/plans";
import { schedulerHealth } from "@/lib/metrics/scheduler";
import { eventDashboard } from "@/lib/metrics/dashboard";
import type { Db } from "@/db/client";
import { events } from "@/db/schema";
import { defineBenchmark, type FigureRow } from "./registry";
import { percentile, round } from "./support/measure";

const ATTENDEES = 10_000;
const MESSAGES = 300_000;
const START = "2027-03-10 15:00:00+00";

async function seed(db: Db): Promise<string> {
  const [event] = await db
    .insert(events)
    .values({ name: "Dashboard Bench", slug: `dash-${Date.now()}`, timezone: "America/Chicago", startsAt: new Date(START), endsAt: new Date(Date.parse(START) + 8 * 3600_000), status: "live" })
    .returning({ id: events.id });
  return event.id;
}

async function fill(db: Db, eventId: string) {
  await db.execute(sql`
    insert into contractors (email, first_name, last_name, company_name, phone, sms_opt_in)
    select 'd' || g || '@dash.bench', 'P' || g, 'Bench', 'Co ' || (g % 800), '+1512555' || lpad((g % 10000)::text, 4, '0'), true
    from generate_series(1, ${ATTENDEES}) g`);
  await db.execute(sql`
    insert into event_attendees (event_id, contractor_id, registration_date, qr_code_data, access_token, profile_completion_status,
      check_in_time, check_in_method, plan_status, plan_error, cancelled_at)
    select ${eventId}, c.id, ${START}::timestamptz - interval '10 days', 'TPX1.dash-' || c.email, 'tok-dash-' || md5(c.email),
      case when n % 3 = 0 then 'completed'::profile_completion_status else 'pending' end,
      case when n % 10 < 6 then ${START}::timestamptz - interval '60 minutes' + (n % 240) * interval '1 minute' end,
      case when n % 10 < 6 then 'qr_code'::check_in_method end,
      case when n % 10 >= 6 then 'none'::plan_status when n % 97 = 0 then 'failed' else 'ready' end,
      case when n % 97 = 0 and n % 10 < 6 then 'model timeout' end,
      case when n % 250 = 0 then ${START}::timestamptz - interval '2 days' end
    from (select id, email, row_number() over (order by email) as n from contractors where email like '%@dash.bench') c`);
  await db.execute(sql`
    insert into recommendations (event_id, attendee_id, kind, target_id, rank, score, engagement)
    select a.event_id, a.id, k.kind::recommendation_kind, a.id, r, 1, case when (r + hashtext(a.id::text)) % 4 = 0 then '{"opened": true}'::jsonb else '{}'::jsonb end
    from event_attendees a, (values ('speaker'), ('sponsor'), ('peer')) k(kind), generate_series(1, 3) r
    where a.event_id = ${eventId} and a.check_in_time is not null`);
  const types = sql.raw(`array['registration_confirmation','check_in_reminder_night_before','check_in_reminder_1_hour','check_in_reminder_event_start',
    'profile_completion_reminder','check_in_confirmation','agenda_ready','speaker_alert','sponsor_recommendation','peer_introduction',
    'speaker_pcr_request','sponsor_batch_check','event_pcr_request','post_event_thank_you','feedback_request']`);
  await db.execute(sql`
    insert into event_messages (event_id, attendee_id, contractor_id, type, channel, dedupe_key, scheduled_for, status, actual_send_time, last_error, rendered_body)
    select a.event_id, a.id, a.contractor_id, (${types})[1 + (m % 15)]::message_type, case when m % 2 = 0 then 'sms'::message_channel else 'email' end,
      'k' || m, ${START}::timestamptz - interval '3 hours' + (m * 7 % 720) * interval '1 minute',
      s.status::message_status,
      case when s.status = 'sent' then ${START}::timestamptz - interval '3 hours' + (m * 7 % 720) * interval '1 minute' + (m % 90) * interval '1 second' end,
      case when s.status = 'failed' then (array['21211 invalid number', 'timeout', '21610 opted out'])[1 + m % 3] end,
      case when m % 2 = 0 then repeat('x', 100 + m % 200) end
    from (select id, event_id, contractor_id, row_number() over (order by id) as n from event_attendees where event_id = ${eventId}) a,
      generate_series(1, ${MESSAGES / ATTENDEES}) m,
      lateral (select (array['sent','sent','sent','scheduled','scheduled','skipped','failed','cancelled','sent','sending'])[1 + ((a.n + m) % 10)] as status) s`);
  await db.execute(sql`analyze`);
}

export default defineBenchmark({
  name: "dashboard",
  title: `The dashboard's queries at ${ATTENDEES.toLocaleString()} attendees and ${MESSAGES.toLocaleString()} messages (p95 per query)`,
  async run(ctx) {
    const runs = ctx.quick ? 10 : 30;
    const h = await ctx.openDb();
    try {
      ctx.log("seeding with generate_series…");
      const t0 = performance.now();
      const eventId = await seed(h.db);
      await fill(h.db, eventId);
      const seedSeconds = (performance.now() - t0) / 1000;
      const at = new Date(Date.parse(START) + 2 * 3600_000);
      freeze(at);
      const db = h.db;
      const queries: Array<[string, () => Promise<unknown>]> = [
        ["attendanceCounts", () => attendanceCounts(db, eventId)],
        ["arrivalSeries", () => arrivalSeries(db, eventId)],
        ["arrivalRate", () => arrivalRate(db, eventId, at)],
        ["scanOutcomes", () => scanOutcomes(db, eventId)],
        ["outboxFigures (tallies + the waiting rows due within the hour)", () => outboxFigures(db, eventId, at)],
        ["failureReasons", () => failureReasons(db, eventId)],
        ["lateness (histogram)", () => lateness(db, eventId)],
        ["planStates", () => planStates(db, eventId)],
        ["planFailureReasons", () => planFailureReasons(db, eventId)],
        ["recommendationEngagement", () => recommendationEngagement(db, eventId)],
        ["schedulerHealth", () => schedulerHealth(db, at)],
        ["whole dashboard (all of the above)", () => eventDashboard(db, eventId)],
      ];
      const rows: FigureRow[] = [];
      let worst = 0;
      for (const [name, q] of queries) {
        await q(); // warm
        const ms: number[] = [];
        for (let i = 0; i < runs; i++) {
          const s = performance.now();
          await q();
          ms.push(performance.now() - s);
        }
        ms.sort((a, b) => a - b);
        const p95 = percentile(ms, 95);
        if (!name.startsWith("whole")) worst = Math.max(worst, p95);
        rows.push({ query: name, runs, "p50 ms": round(percentile(ms, 50), 1), "p95 ms": round(p95, 1), "max ms": round(ms.at(-1)!, 1) });
      }
      return {
        rows,
        goals: [{ goal: "every dashboard query p95 ≤ 200 ms", measured: `worst p95 ${round(worst, 1)} ms`, met: worst <= 200 }],
        notes: [`seeded ${ATTENDEES} attendees, ${MESSAGES} messages, recommendations in ${round(seedSeconds, 1)} s`],
      };
    } finally {
      await h.close();
    }
  },
});
