import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inChunks, unnestValues } from "@/db/bulk";
import { cooperative } from "@/lib/cooperative";
import { events, recommendations } from "@/db/schema";
import { writePeerIntros } from "@/lib/ai/personalize";
import { toEventTimes } from "@/lib/events/queries";
import { dispatchPeerBatch, dispatchScheduledMessages } from "@/lib/jobs/dispatch";
import { matchPeersBatch, peerBatchTime, peerIntroductionTime } from "@/lib/matching";
import { rebalanceSmsBudgets } from "./budget-store";
import { savePlannedRows, type SavedMessage } from "@/lib/messaging/store";
import { reachability } from "@/lib/registration/register";
import { loadCheckedInPool, loadSessions, toMatchProfile } from "./context";
import { MAX_PEERS, peerPickFor, writerProfile } from "./rank";
import { introduction } from "./store";
import { weightsForEvent } from "@/lib/learning/store";

/** When the event's batch runs (lunch − 15 min), or null when peers are agenda-page only. */
export async function peerBatchTimeFor(db: Db, eventId: string): Promise<Date | null> {
  return peerBatchTime(await loadSessions(db, eventId));
}

/** Tells the scheduler when to run the batch (Inngest); the local driver polls instead. */
export async function schedulePeerBatch(db: Db, eventId: string): Promise<Date | null> {
  const at = await peerBatchTimeFor(db, eventId);
  if (at) await dispatchPeerBatch(eventId, at);
  return at;
}

/** Events whose batch is due and has not run (the local driver's poll). */
export async function dueBatchEvents(db: Db, now: Date): Promise<string[]> {
  const open = await db
    .select({ id: events.id })
    .from(events)
    .where(and(isNull(events.peerBatchRanAt), inArray(events.status, ["published", "live"])));
  const due: string[] = [];
  for (const e of open) {
    const at = await peerBatchTimeFor(db, e.id);
    if (at && at.getTime() <= now.getTime()) due.push(e.id);
  }
  return due;
}

/**
 * SPEC §5.4: at lunch − 15 min, match everyone checked in (mutual, ≤ 3 each) and
 * plan each introduction for lunch + 5 min. Runs once per event.
 */
export async function runPeerBatch(db: Db, eventId: string, now: Date): Promise<{ pairs: number; messages: number } | null> {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event || event.peerBatchRanAt) return null;
  const sessions = await loadSessions(db, eventId);
  const introAt = peerIntroductionTime(sessions);
  const times = toEventTimes(event, sessions);
  const pool = await loadCheckedInPool(db, eventId);
  const byId = new Map(pool.map((p) => [p.attendee.id, p]));
  const weights = await weightsForEvent(db, eventId);
  const pairs = matchPeersBatch(pool.map((p) => toMatchProfile(p.attendee, p.contractor)), { maxPerPerson: MAX_PEERS, weights: weights.peer });

  const mine = new Map<string, Array<{ other: string; score: number; reasons: (typeof pairs)[number]["reasons"] }>>();
  for (const pair of pairs) {
    for (const [me, other] of [[pair.a, pair.b], [pair.b, pair.a]] as const) {
      const list = mine.get(me) ?? [];
      list.push({ other, score: pair.score, reasons: pair.reasons });
      mine.set(me, list);
    }
  }
  // Batch sentences come from templates: a model call per attendee at lunch time would delay the introductions.
  const texts = new Map<string, Awaited<ReturnType<typeof writePeerIntros>>>();
  const breathe = cooperative();
  for (const [me, list] of mine) {
    await breathe();
    const p = byId.get(me)!;
    list.sort((x, y) => y.score - x.score);
    texts.set(
      me,
      await writePeerIntros(
        { attendee: writerProfile(p.contractor), eventName: event.name, timeZone: event.timezone, picks: list.map((l) => peerPickFor(byId.get(l.other)!.contractor, l.other, l.reasons)) },
        { model: null },
      ),
    );
  }

  const saved = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${eventId}))`);
    const [claimed] = await tx
      .update(events)
      .set({ peerBatchRanAt: now })
      .where(and(eq(events.id, eventId), isNull(events.peerBatchRanAt)))
      .returning({ id: events.id });
    if (!claimed) return null;
    // Everyone's rows in a few multi-row statements (issue 13: one person at a time, ~10 statements
    // each, made 2,550 people 12.8 s): `unnestValues` binds one parameter per column, whatever the rows.
    if (pairs.length) {
      const status = introAt ? "introduced" : "suggested";
      await tx.execute(sql`insert into peer_matches (event_id, attendee_a_id, attendee_b_id, score, reasons, status) ${unnestValues(
        [{ name: "event_id", type: "uuid" }, { name: "attendee_a_id", type: "uuid" }, { name: "attendee_b_id", type: "uuid" }, { name: "score", type: "real" }, { name: "reasons", type: "jsonb" }, { name: "status", type: "peer_match_status" }],
        pairs.map((p) => [eventId, p.a, p.b, p.score, p.reasons, status]),
      )} on conflict do nothing`);
    }
    const people = [...mine].map(([me, list]) => ({ me, list, p: byId.get(me)!, t: texts.get(me)! }));
    for (const part of inChunks(people.map((x) => x.me), 5_000)) {
      await tx.delete(recommendations).where(and(inArray(recommendations.attendeeId, part), eq(recommendations.kind, "peer")));
    }
    const recs = people.flatMap(({ me, list, t }) =>
      list.map((l, i) => [eventId, me, "peer", l.other, i + 1, l.score, l.reasons, t.items[i]?.why ?? null, t.items[i]?.commonGround ?? null, t.source]),
    );
    await tx.execute(sql`insert into recommendations (event_id, attendee_id, kind, target_id, rank, score, reasons, why_text, talking_point, text_source) ${unnestValues(
      [
        { name: "event_id", type: "uuid" }, { name: "attendee_id", type: "uuid" }, { name: "kind", type: "recommendation_kind" }, { name: "target_id", type: "uuid" },
        { name: "rank", type: "integer" }, { name: "score", type: "real" }, { name: "reasons", type: "jsonb" }, { name: "why_text", type: "text" },
        { name: "talking_point", type: "text" }, { name: "text_source", type: "text" },
      ],
      recs,
    )}`);
    const logged = people.flatMap(({ me, list, p }) =>
      list.map((l, i) => [
        "recommendation_made", p.contractor.id, eventId, "recommend_peer",
        { attendeeId: me, kind: "peer", targetId: l.other, rank: i + 1, score: l.score, reasons: l.reasons, batch: true },
      ]),
    );
    await tx.execute(sql`insert into ai_learning_events (event_type, contractor_id, event_id, action, context) ${unnestValues(
      [{ name: "event_type", type: "text" }, { name: "contractor_id", type: "uuid" }, { name: "event_id", type: "uuid" }, { name: "action", type: "text" }, { name: "context", type: "jsonb" }],
      logged,
    )}`);
    if (!introAt) return [];
    const at = new Date(Math.max(introAt.getTime(), now.getTime()));
    const owners = people.map(({ me, p }) => ({ eventId, attendeeId: me, contractorId: p.contractor.id }));
    const planned = people.flatMap(({ list, p, t }, k) =>
      list
        .flatMap((l, i) => introduction(l.other, byId.get(l.other)!.contractor, t.items[i]?.commonGround ?? null, at, reachability(p.contractor), times))
        .map((m) => ({ owner: owners[k], planned: m })),
    );
    const out: SavedMessage[] = await savePlannedRows(tx, planned);
    // Introductions outrank sponsor tips and rating requests: everyone's budget for the day is re-decided.
    out.push(...(await rebalanceSmsBudgets(tx, owners, now)));
    return out;
  });
  if (!saved) return null;
  await dispatchScheduledMessages(saved);
  return { pairs: pairs.length, messages: saved.length };
}
