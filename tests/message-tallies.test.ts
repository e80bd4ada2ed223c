import fc from "fast-check";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventAttendees, eventMessageLateness, eventMessageTallies, eventMessages, events, messageStatus, type NewMessage } from "@/db/schema";
import { compactMessageTallies, lateness, latenessFromHistogram, messageTallies } from "@/lib/metrics/messages";
import { createTestDb } from "./db";
import { makeContractor, makeEvent } from "./factories";

/**
 * The dashboard's outbox tallies (decision 0196) are kept by triggers on event_messages.
 * Whatever the writers do (insert, change status, delivery or send time, move a row,
 * delete rows, delete an attendee or a whole event, compact between), the tallies must
 * equal counting the rows, and the lateness histogram must give percentile_cont's answer.
 */
let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h.close();
});

const STATUSES = messageStatus.enumValues;
const TYPES = ["registration_confirmation", "speaker_alert", "peer_introduction"] as const;
const BASE = Date.parse("2027-03-10T15:00:00Z");

/** What counting the rows gives, as sorted "type|channel|status=n/delivered" lines. */
async function counted(eventId: string) {
  const rows = await h.db
    .select({
      type: eventMessages.type,
      channel: eventMessages.channel,
      status: eventMessages.status,
      n: sql<number>`count(*)::int`,
      delivered: sql<number>`(count(*) filter (where ${eventMessages.deliveryStatus} = 'delivered'))::int`,
    })
    .from(eventMessages)
    .where(eq(eventMessages.eventId, eventId))
    .groupBy(eventMessages.type, eventMessages.channel, eventMessages.status);
  return rows.map((r) => `${r.type}|${r.channel}|${r.status}=${r.n}/${r.delivered}`).sort();
}
async function tallied(eventId: string) {
  return (await messageTallies(h.db, eventId)).map((r) => `${r.type}|${r.channel}|${r.status}=${r.n}/${r.delivered}`).sort();
}
/** percentile_cont over the sent rows themselves (what lateness() computed before the histogram). */
async function latenessOfRows(eventId: string) {
  const late = sql`greatest(date_part('epoch', ${eventMessages.actualSendTime} - ${eventMessages.scheduledFor}), 0)`;
  const [r] = await h.db
    .select({
      n: sql<number>`count(*)::int`,
      p50: sql<number | null>`percentile_cont(0.5) within group (order by ${late})`,
      p95: sql<number | null>`percentile_cont(0.95) within group (order by ${late})`,
      max: sql<number | null>`max(${late})`,
    })
    .from(eventMessages)
    .where(and(eq(eventMessages.eventId, eventId), eq(eventMessages.status, "sent"), isNotNull(eventMessages.actualSendTime)));
  const num = (v: unknown) => (v === null ? null : Number(v));
  return { sent: Number(r.n), p50: num(r.p50), p95: num(r.p95), max: num(r.max) };
}

async function world() {
  const [a, b] = [await makeEvent(h.db), await makeEvent(h.db)];
  const people = [];
  for (const event of [a, a, b]) {
    const c = await makeContractor(h.db);
    const [at] = await h.db
      .insert(eventAttendees)
      .values({ eventId: event.id, contractorId: c.id, registrationDate: new Date(BASE - 86_400_000), qrCodeData: `TPX1.t-${c.id}`, accessToken: `tok-${c.id}` })
      .returning();
    people.push(at);
  }
  return { a, b, people };
}

type Op =
  | { op: "insert"; who: number; type: number; sms: boolean; count: number; status: number; lateS: number }
  | { op: "status"; pick: number; status: number; lateS: number }
  | { op: "delivered"; pick: number; yes: boolean }
  | { op: "move"; pick: number }
  | { op: "delete"; pick: number }
  | { op: "deleteAttendee"; who: number }
  | { op: "compact" };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant("insert" as const), who: fc.nat(2), type: fc.nat(2), sms: fc.boolean(), count: fc.integer({ min: 1, max: 6 }), status: fc.nat(5), lateS: fc.integer({ min: 0, max: 3500 }) }),
  fc.record({ op: fc.constant("status" as const), pick: fc.nat(), status: fc.nat(5), lateS: fc.integer({ min: 0, max: 3500 }) }),
  fc.record({ op: fc.constant("delivered" as const), pick: fc.nat(), yes: fc.boolean() }),
  fc.record({ op: fc.constant("move" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("deleteAttendee" as const), who: fc.nat(2) }),
  fc.record({ op: fc.constant("compact" as const) }),
);

let seq = 0;
async function apply(w: Awaited<ReturnType<typeof world>>, op: Op) {
  const ids = (await h.db.select({ id: eventMessages.id }).from(eventMessages).where(inArray(eventMessages.eventId, [w.a.id, w.b.id]))).map((r) => r.id).sort();
  // A statement may touch several rows: a third of the ids from the picked one on.
  const some = (pick: number) => (ids.length ? ids.filter((_, i) => (i - (pick % ids.length) + ids.length) % ids.length < Math.max(1, Math.ceil(ids.length / 3))) : []);
  switch (op.op) {
    case "insert": {
      const who = w.people[op.who];
      const status = STATUSES[op.status];
      const rows: NewMessage[] = Array.from({ length: op.count }, (_, i) => {
        const scheduledFor = new Date(BASE + (i + (seq % 7)) * 60_000);
        return {
          eventId: who.eventId,
          attendeeId: who.id,
          contractorId: who.contractorId,
          type: TYPES[op.type],
          channel: op.sms ? "sms" : "email",
          dedupeKey: `k${++seq}`,
          scheduledFor,
          status,
          actualSendTime: status === "sent" ? new Date(scheduledFor.getTime() + (op.lateS + i) * 1000) : null,
        };
      });
      await h.db.insert(eventMessages).values(rows);
      return;
    }
    case "status": {
      const target = some(op.pick);
      if (!target.length) return;
      const status = STATUSES[op.status];
      await h.db
        .update(eventMessages)
        .set({ status, actualSendTime: status === "sent" ? sql`${eventMessages.scheduledFor} + ${`${op.lateS} seconds`}::interval` : null })
        .where(inArray(eventMessages.id, target));
      return;
    }
    case "delivered": {
      const target = some(op.pick);
      if (target.length) await h.db.update(eventMessages).set({ deliveryStatus: op.yes ? "delivered" : "undelivered" }).where(inArray(eventMessages.id, target));
      return;
    }
    case "move": {
      // A row changing event (no writer does it today; the tallies must still follow).
      const target = some(op.pick).slice(0, 1);
      if (target.length) await h.db.update(eventMessages).set({ eventId: sql`case when ${eventMessages.eventId} = ${w.a.id} then ${w.b.id}::uuid else ${w.a.id}::uuid end` }).where(inArray(eventMessages.id, target));
      return;
    }
    case "delete": {
      const target = some(op.pick);
      if (target.length) await h.db.delete(eventMessages).where(inArray(eventMessages.id, target));
      return;
    }
    case "deleteAttendee": {
      // The outbox rows go by cascade, the attendee comes back (so later inserts have someone).
      const who = w.people[op.who];
      await h.db.delete(eventAttendees).where(eq(eventAttendees.id, who.id));
      const [back] = await h.db.insert(eventAttendees).values({ ...who, id: undefined, qrCodeData: `${who.qrCodeData}.${++seq}`, accessToken: `${who.accessToken}.${seq}` }).returning();
      w.people[op.who] = back;
      return;
    }
    case "compact":
      await compactMessageTallies(h.db);
      return;
  }
}

describe("the outbox tallies", () => {
  it("equal counting the rows after any sequence of writes, compacted or not", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        const w = await world();
        for (const op of ops) await apply(w, op);
        for (const e of [w.a, w.b]) {
          expect(await tallied(e.id)).toEqual(await counted(e.id));
          expect(await lateness(h.db, e.id)).toEqual(await latenessOfRows(e.id));
        }
        await compactMessageTallies(h.db);
        for (const e of [w.a, w.b]) expect(await tallied(e.id)).toEqual(await counted(e.id));
      }),
      { numRuns: 25, seed: 196 },
    );
  });

  it("compaction leaves one row per key, and none for a deleted event", async () => {
    const w = await world();
    for (let i = 0; i < 5; i++) await apply(w, { op: "insert", who: 0, type: 0, sms: true, count: 3, status: 0, lateS: 0 });
    await apply(w, { op: "status", pick: 0, status: 2, lateS: 12 });
    const rowsOf = async (eventId: string) => (await h.db.select().from(eventMessageTallies).where(eq(eventMessageTallies.eventId, eventId))).length;
    expect(await rowsOf(w.a.id)).toBeGreaterThan(2);
    const before = await tallied(w.a.id);
    expect(await compactMessageTallies(h.db)).not.toBeNull();
    expect(await tallied(w.a.id)).toEqual(before);
    expect(await rowsOf(w.a.id)).toBe(before.length);
    await h.db.delete(events).where(eq(events.id, w.a.id));
    expect(await tallied(w.a.id)).toEqual([]);
    await compactMessageTallies(h.db);
    expect(await rowsOf(w.a.id)).toBe(0);
    expect((await h.db.select().from(eventMessageLateness).where(eq(eventMessageLateness.eventId, w.a.id))).length).toBe(0);
  });

  it("take outbox rows of no event without failing the write, and two compactions at once without error", async () => {
    const c = await makeContractor(h.db);
    const before = (await h.db.select({ n: sql<number>`count(*)::int` }).from(eventMessageTallies))[0].n;
    // event_id is nullable on the outbox and NOT NULL on the tallies: the trigger must skip the row, not fail the insert.
    await h.db.insert(eventMessages).values({ contractorId: c.id, type: "re_engagement", channel: "email", dedupeKey: "no-event", scheduledFor: new Date(BASE), status: "sent", actualSendTime: new Date(BASE) });
    await h.db.update(eventMessages).set({ status: "failed" }).where(eq(eventMessages.dedupeKey, "no-event"));
    await h.db.delete(eventMessages).where(eq(eventMessages.dedupeKey, "no-event"));
    expect((await h.db.select({ n: sql<number>`count(*)::int` }).from(eventMessageTallies))[0].n).toBe(before);
    const results = await Promise.all([compactMessageTallies(h.db), compactMessageTallies(h.db)]);
    expect(results.some((r) => r !== null)).toBe(true);
  });

  it("keeps lateness above an hour to the minute", async () => {
    const w = await world();
    await apply(w, { op: "insert", who: 0, type: 1, sms: false, count: 1, status: 2, lateS: 2 * 3600 + 59 });
    expect(await lateness(h.db, w.a.id)).toEqual({ sent: 1, p50: 7200, p95: 7200, max: 7200 });
  });

  it("reads percentiles off the histogram as percentile_cont does", () => {
    expect(latenessFromHistogram([])).toEqual({ sent: 0, p50: null, p95: null, max: null });
    const three = latenessFromHistogram([{ bucket: 0, n: 1 }, { bucket: 10, n: 1 }, { bucket: 100, n: 1 }]);
    expect(three).toMatchObject({ sent: 3, p50: 10, max: 100 });
    expect(three.p95).toBeCloseTo(91, 9);
    expect(latenessFromHistogram([{ bucket: 4, n: 10 }])).toEqual({ sent: 10, p50: 4, p95: 4, max: 4 });
    expect(latenessFromHistogram([{ bucket: 1, n: 2 }, { bucket: 3, n: 2 }])).toMatchObject({ p50: 2 });
  });
});
