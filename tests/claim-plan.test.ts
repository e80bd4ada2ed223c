import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { executedRows } from "@/db/bulk";
import { eventMessages } from "@/db/schema";
import { claimDueMessages, pickDue } from "@/lib/messaging/deliver";
import { staleClaims, uncertainFor } from "@/lib/messaging/reconcile";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";

/**
 * Decision 0214: a lane's claim walks its own channel's part of the due index in due order and
 * stops at its limit. On the due index alone, mid-burst (statistics that never saw the rows come
 * due), the planner read every due row of both channels and sorted them for each text claimed.
 */
let h: DbHandle;
let at: Date;
beforeAll(async () => {
  h = await createTestDb();
  const event = await makeEvent(h.db, { start: "2027-03-10 09:00" });
  const res = await registerAttendee(h.db, { eventSlug: event.slug, firstName: "Ana", lastName: "Ruiz", email: "ana@plan.example", phone: "+15125550142", smsConsent: true });
  if (!res.ok) throw new Error(res.error.message);
  // Only the rows below are in play (the registration's own messages are not).
  await h.db.execute(sql`update event_messages set status = 'cancelled'`);
  at = local("2027-03-10 08:30", "America/Chicago");
  // A burst mid-way: 6,000 rows due over the last hour, email and SMS interleaved, and 2,000 not due yet.
  await h.db.execute(sql`
    insert into event_messages (event_id, contractor_id, type, channel, dedupe_key, scheduled_for)
    select ${event.id}::uuid, ${res.contractorId}::uuid, 'speaker_alert', case when i % 2 = 0 then 'email' else 'sms' end::message_channel,
      'plan-' || i, ${at.toISOString()}::timestamptz - interval '1 hour' + i * interval '600 ms'
    from generate_series(1, 8000) i`);
}, 60_000);
afterAll(async () => {
  await h.close();
});

async function explain(query: Parameters<typeof sql>[1]): Promise<string> {
  const lines = executedRows<Record<string, string>>(await h.db.execute(sql`explain ${query}`));
  return lines.map((l) => Object.values(l)[0]).join("\n");
}
const plan = (limit: number, channel?: "email" | "sms") => explain(pickDue(h.db, limit, at, { channel }));

describe("the local driver's claim (decision 0214)", () => {
  it("an SMS lane's claim of one reads the SMS part of the due index in order: no sort, no bitmap of every due row", async () => {
    const p = await plan(1, "sms");
    expect(p).toMatch(/Index Scan using event_messages_due_channel_idx/);
    expect(p).not.toMatch(/Sort|Bitmap/);
  });

  it("so does the email lane's claim of a pass", async () => {
    const p = await plan(300, "email");
    expect(p).toMatch(/Index Scan using event_messages_due_channel_idx/);
    expect(p).not.toMatch(/Sort|Bitmap/);
  });

  it("the backstops' sweeps of rows in flight read the in-flight index, not the whole outbox", async () => {
    for (const where of [staleClaims(at, 300_000), uncertainFor(at, 30_000)]) {
      const p = await explain(h.db.select({ id: eventMessages.id }).from(eventMessages).where(where).limit(50));
      expect(p).toMatch(/event_messages_in_flight_idx/);
      expect(p).not.toMatch(/Seq Scan on event_messages/);
    }
  });

  it("claims the first due rows of its channel, in due order, and nothing not yet due", async () => {
    const sms = await claimDueMessages(h.db, 3, at, { channel: "sms" });
    expect(sms.map((m) => [m.channel, m.dedupeKey])).toEqual([["sms", "plan-1"], ["sms", "plan-3"], ["sms", "plan-5"]]);
    const email = await claimDueMessages(h.db, 2, at, { channel: "email" });
    expect(email.map((m) => m.dedupeKey)).toEqual(["plan-2", "plan-4"]);
    const late = await claimDueMessages(h.db, 10_000, at, { channel: "sms" });
    expect(late.every((m) => m.scheduledFor.getTime() <= at.getTime())).toBe(true);
    expect(late).toHaveLength(3_000 - 3);
  });
});
