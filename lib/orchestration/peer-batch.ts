import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { aiLearningEvents, events, peerMatches, recommendations } from "@/db/schema";
import { writePeerIntros } from "@/lib/ai/personalize";
import { toEventTimes } from "@/lib/events/queries";
import { dispatchPeerBatch, dispatchScheduledMessages } from "@/lib/jobs/dispatch";
import { matchPeersBatch, peerBatchTime, peerIntroductionTime } from "@/lib/matching";
import { rebalanceSmsBudget } from "./budget-store";
import { savePlannedMessages, type SavedMessage } from "@/lib/messaging/store";
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
  for (const [me, list] of mine) {
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
    const out: SavedMessage[] = [];
    if (pairs.length) {
      await tx.insert(peerMatches).values(
        pairs.map((p) => ({ eventId, attendeeAId: p.a, attendeeBId: p.b, score: p.score, reasons: p.reasons, status: introAt ? ("introduced" as const) : ("suggested" as const) })),
      ).onConflictDoNothing();
    }
    for (const [me, list] of mine) {
      const p = byId.get(me)!;
      const t = texts.get(me)!;
      await tx.delete(recommendations).where(and(eq(recommendations.attendeeId, me), eq(recommendations.kind, "peer")));
      await tx.insert(recommendations).values(
        list.map((l, i) => ({
          eventId, attendeeId: me, kind: "peer" as const, targetId: l.other, rank: i + 1, score: l.score, reasons: l.reasons,
          whyText: t.items[i]?.why ?? null, talkingPoint: t.items[i]?.commonGround ?? null, textSource: t.source,
        })),
      );
      await tx.insert(aiLearningEvents).values(
        list.map((l, i) => ({
          eventType: "recommendation_made", contractorId: p.contractor.id, eventId, action: "recommend_peer",
          context: { attendeeId: me, kind: "peer", targetId: l.other, rank: i + 1, score: l.score, reasons: l.reasons, batch: true },
        })),
      );
      if (!introAt) continue;
      const at = new Date(Math.max(introAt.getTime(), now.getTime()));
      const planned = list.flatMap((l, i) =>
        introduction(l.other, byId.get(l.other)!.contractor, t.items[i]?.commonGround ?? null, at, reachability(p.contractor), times),
      );
      const owner = { eventId, attendeeId: me, contractorId: p.contractor.id };
      for (const m of planned) out.push(...(await savePlannedMessages(tx, owner, [m], m.personalization)));
      // Introductions outrank sponsor tips and rating requests: the day's budget is re-decided.
      out.push(...(await rebalanceSmsBudget(tx, owner, now)));
    }
    return out;
  });
  if (!saved) return null;
  await dispatchScheduledMessages(saved);
  return { pairs: pairs.length, messages: saved.length };
}
