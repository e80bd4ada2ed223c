import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { aiLearningEvents, eventAttendees, peerMatches, recommendations } from "@/db/schema";
import type { PersonalizeResult } from "@/lib/ai/types";
import { savePlannedMessages, type SavedMessage } from "@/lib/messaging/store";
import { reachability } from "@/lib/registration/register";
import { planImmediate } from "@/lib/scheduling/plan";
import { toEventTimes } from "@/lib/events/queries";
import type { PlanContext } from "./context";
import { rebalanceSmsBudget } from "./budget-store";
import { smsAt, type PlannedWithData } from "./messages";
import { MAX_PEERS, type DeterministicPlan } from "./rank";

export type PlanTexts = { sessions: PersonalizeResult; sponsors: PersonalizeResult; peers: PersonalizeResult; counterpartPeers: PersonalizeResult[] };

/**
 * Writes the plan in one transaction: recommendations (with the sentences), the
 * mutual peer matches, every message it implies, the learning log, and the
 * attendee's plan status. Re-running it (a retried step) converges to the same rows.
 */
export async function storePlan(db: Db, ctx: PlanContext, plan: DeterministicPlan, texts: PlanTexts, now: Date): Promise<SavedMessage[]> {
  const times = toEventTimes(ctx.event, ctx.sessions);
  const reach = reachability(ctx.contractor);
  const textFor = (r: PersonalizeResult, id: string) => r.items.find((i) => i.targetId === id);
  const sessionsById = new Map(ctx.sessions.map((s) => [s.id, s]));
  const sponsorsById = new Map(ctx.sponsors.map((s) => [s.id, s]));
  const poolById = new Map(ctx.pool.map((p) => [p.attendee.id, p]));
  const owner = { eventId: ctx.event.id, attendeeId: ctx.attendee.id, contractorId: ctx.contractor.id };

  return db.transaction(async (tx) => {
    // A check-in undone at the tablet while this plan was being built: write nothing
    // (the row lock orders this against lib/checkin/undo.ts).
    const [still] = await tx
      .select({ checkInTime: eventAttendees.checkInTime })
      .from(eventAttendees)
      .where(eq(eventAttendees.id, ctx.attendee.id))
      .for("update");
    if (!still?.checkInTime) return [];
    await tx
      .delete(recommendations)
      .where(and(eq(recommendations.attendeeId, ctx.attendee.id), inArray(recommendations.kind, ["speaker", "sponsor"])));
    const recRows = [
      ...plan.sessions.map((p) => ({ ...p, text: textFor(texts.sessions, p.targetId), source: texts.sessions.source })),
      ...plan.sponsors.map((p) => ({ ...p, text: textFor(texts.sponsors, p.targetId), source: texts.sponsors.source })),
    ].map((p) => ({
      eventId: ctx.event.id, attendeeId: ctx.attendee.id, kind: p.kind, targetId: p.targetId, rank: p.rank, score: p.score,
      reasons: p.reasons, whyText: p.text?.why ?? null, talkingPoint: p.text?.talkingPoint ?? ("talkingPoint" in p ? p.talkingPoint : null),
      textSource: p.source,
    }));
    if (recRows.length) await tx.insert(recommendations).values(recRows);

    const messages: PlannedWithData[] = [];
    const counts = { speakers: plan.sessions.length, sponsors: plan.sponsors.length, peers: plan.peers.length };
    for (const m of planImmediate("agenda_ready", "main", reach, times, now)) messages.push({ ...m, personalization: counts });
    for (const p of plan.sessions) {
      const s = sessionsById.get(p.targetId)!;
      const data = {
        agendaItemId: s.id, title: s.title, startsAt: s.startsAt.toISOString(), room: s.room,
        speakerName: s.speaker?.name ?? null, why: textFor(texts.sessions, s.id)?.why ?? null,
      };
      messages.push(...smsAt("speaker_alert", s.id, new Date(p.alertAt), reach, times, data));
      messages.push(...smsAt("speaker_pcr_request", s.id, new Date(p.ratingAt), reach, times, data));
    }
    for (const p of plan.sponsors) {
      if (!p.sendAt) continue;
      const s = sponsorsById.get(p.targetId)!;
      const t = textFor(texts.sponsors, s.id);
      messages.push(
        ...smsAt("sponsor_recommendation", s.id, new Date(p.sendAt), reach, times, {
          sponsorId: s.id, sponsorName: s.name, boothNumber: s.boothNumber, talkingPoint: t?.talkingPoint ?? p.talkingPoint, why: t?.why ?? null, slotId: p.slotId ?? null,
        }),
      );
    }

    const saved: SavedMessage[] = [];
    // Two late arrivals at once must not both take a peer's last place: serialize per event.
    if (plan.peers.length) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${ctx.event.id}))`);
    // Late arrival after the batch: the pair is mutual and both are introduced at once.
    for (const [i, p] of plan.peers.entries()) {
      const other = poolById.get(p.targetId);
      if (!other) continue;
      const [a, b] = ctx.attendee.id < other.attendee.id ? [ctx.attendee.id, other.attendee.id] : [other.attendee.id, ctx.attendee.id];
      if ((await peerCount(tx, other.attendee.id)) >= MAX_PEERS) continue;
      const mine = textFor(texts.peers, other.attendee.id);
      const theirs = texts.counterpartPeers[i]?.items[0];
      const inserted = await tx
        .insert(peerMatches)
        .values({ eventId: ctx.event.id, attendeeAId: a, attendeeBId: b, score: p.pairScore, reasons: p.reasons, commonGround: mine?.commonGround ?? null, status: "introduced" })
        .onConflictDoNothing()
        .returning({ id: peerMatches.id });
      if (!inserted.length) continue;
      const [{ n }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(recommendations)
        .where(and(eq(recommendations.attendeeId, other.attendee.id), eq(recommendations.kind, "peer")));
      await tx.insert(recommendations).values([
        { eventId: ctx.event.id, attendeeId: ctx.attendee.id, kind: "peer", targetId: other.attendee.id, rank: p.rank, score: p.score, reasons: p.reasons, whyText: mine?.why ?? null, talkingPoint: mine?.commonGround ?? null, textSource: texts.peers.source },
        { eventId: ctx.event.id, attendeeId: other.attendee.id, kind: "peer", targetId: ctx.attendee.id, rank: n + 1, score: p.score, reasons: p.reasons, whyText: theirs?.why ?? null, talkingPoint: theirs?.commonGround ?? null, textSource: "template" },
      ]);
      messages.push(...introduction(other.attendee.id, other.contractor, mine?.commonGround ?? null, now, reach, times));
      const otherOwner = { eventId: ctx.event.id, attendeeId: other.attendee.id, contractorId: other.contractor.id };
      const back = introduction(ctx.attendee.id, ctx.contractor, theirs?.commonGround ?? null, now, reachability(other.contractor), times);
      for (const m of back) saved.push(...(await savePlannedMessages(tx, otherOwner, [m], m.personalization)));
      saved.push(...(await rebalanceSmsBudget(tx, otherOwner, now)));
    }

    // One INSERT for the attendee's messages (each carries its own personalization); a
    // key planned twice keeps the row-by-row order (one row cannot be upserted twice in one statement).
    const keys = new Set(messages.map((m) => `${m.type}|${m.channel}|${m.dedupeKey}`));
    if (keys.size === messages.length) saved.push(...(await savePlannedMessages(tx, owner, messages)));
    else for (const m of messages) saved.push(...(await savePlannedMessages(tx, owner, [m], m.personalization)));
    // The day's texts within the event's SMS budget (bundled or left to the page by priority).
    saved.push(...(await rebalanceSmsBudget(tx, owner, now)));
    await tx.insert(aiLearningEvents).values(
      recRows.map((r) => ({
        eventType: "recommendation_made", contractorId: ctx.contractor.id, eventId: ctx.event.id, action: `recommend_${r.kind}`,
        context: { attendeeId: ctx.attendee.id, kind: r.kind, targetId: r.targetId, rank: r.rank, score: r.score, reasons: r.reasons, textSource: r.textSource },
      })).concat(
        plan.peers.map((p) => ({
          eventType: "recommendation_made", contractorId: ctx.contractor.id, eventId: ctx.event.id, action: "recommend_peer",
          context: { attendeeId: ctx.attendee.id, kind: "peer", targetId: p.targetId, rank: p.rank, score: p.score, reasons: p.reasons, textSource: texts.peers.source },
        })),
      ),
    );
    await tx
      .update(eventAttendees)
      .set({ planStatus: "ready", planBuiltAt: now, planError: null, updatedAt: sql`now()` })
      .where(eq(eventAttendees.id, ctx.attendee.id));
    return saved;
  });
}

/** "Connect with Dana from Acme Roofing…", keyed by the peer so a pair is introduced once. */
export function introduction(
  peerAttendeeId: string,
  peer: PlanContext["contractor"],
  commonGround: string | null,
  at: Date,
  reach: ReturnType<typeof reachability>,
  times: ReturnType<typeof toEventTimes>,
): PlannedWithData[] {
  return smsAt("peer_introduction", peerAttendeeId, at, reach, times, {
    peerAttendeeId, peerFirstName: peer.firstName, peerLastName: peer.lastName, peerCompany: peer.companyName, commonGround,
  });
}

export async function peerCount(db: Db, attendeeId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(peerMatches)
    .where(or(eq(peerMatches.attendeeAId, attendeeId), eq(peerMatches.attendeeBId, attendeeId)));
  return n;
}
