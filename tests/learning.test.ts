/**
 * The closed loop on a database (issue 11 §3, decision 0185): signals settle their
 * recommendation and its ai_learning_events row; a re-fit over the organizer's past
 * events is stored with its data, read by the next plan's ranking, and reverted.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { aiLearningEvents, eventAgendaItems, eventAttendees, matcherWeights, recommendations, users } from "@/db/schema";
import { freeze, resetClock } from "@/lib/clock";
import { scanIntoSession } from "@/lib/checkin/session";
import { recordOutcome } from "@/lib/inbound/engagement";
import { recordAgendaOpened, recordSignal } from "@/lib/learning/signals";
import { activeWeights, organizerKey, refitOrganizer, revertOrganizer, weightsForEvent } from "@/lib/learning/store";
import { recommendationConversion } from "@/lib/metrics/conversion";
import { seededRandom } from "@/lib/matching/synthetic";
import { DEFAULT_MATCH_WEIGHTS } from "@/lib/matching/weights";
import { loadPlanContext } from "@/lib/orchestration/context";
import { rankPlan } from "@/lib/orchestration/rank";
import { createTestDb } from "./db";
import { local, makeContractor, makeEvent } from "./factories";

const zone = "America/Chicago";
let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  resetClock();
  await h.close();
});

async function attendee(db: Db, eventId: string, contractor?: Awaited<ReturnType<typeof makeContractor>>) {
  const c = contractor ?? (await makeContractor(db));
  const [a] = await db
    .insert(eventAttendees)
    .values({ eventId, contractorId: c.id, registrationDate: new Date(), qrCodeData: `QR-${randomUUID()}`, accessToken: randomUUID().replace(/-/g, "") })
    .returning();
  return { a, c };
}

type Reasons = Array<{ code: string; weight: number; values?: string[]; detail?: string }>;

async function recommend(db: Db, eventId: string, attendeeId: string, contractorId: string, kind: "speaker" | "sponsor" | "peer", rank: number, reasons: Reasons, targetId: string = randomUUID()) {
  const score = reasons.reduce((t, r) => t + r.weight, 0);
  const [rec] = await db.insert(recommendations).values({ eventId, attendeeId, kind, targetId, rank, score, reasons }).returning();
  await db.insert(aiLearningEvents).values({
    eventType: "recommendation_made", contractorId, eventId, action: `recommend_${kind}`,
    context: { attendeeId, kind, targetId, rank, score, reasons },
  });
  return rec;
}

const madeRow = async (db: Db, rec: { eventId: string; attendeeId: string; targetId: string }) =>
  (await db.select().from(aiLearningEvents).where(and(eq(aiLearningEvents.eventId, rec.eventId), eq(aiLearningEvents.eventType, "recommendation_made"))))
    .find((r) => r.context.attendeeId === rec.attendeeId && r.context.targetId === rec.targetId)!;

const recRow = async (db: Db, id: string) => (await db.select().from(recommendations).where(eq(recommendations.id, id)))[0];

describe("signals", () => {
  it("every signal settles its recommendation and its ai_learning_events row, once", async () => {
    freeze(local("2026-12-10 10:00", zone));
    const event = await makeEvent(h.db, { timezone: zone });
    const { a, c } = await attendee(h.db, event.id);
    const talk = await recommend(h.db, event.id, a.id, c.id, "speaker", 1, [{ code: "topic_overlap", weight: 3, values: ["pricing"] }]);
    const booth = await recommend(h.db, event.id, a.id, c.id, "sponsor", 1, [{ code: "offering_overlap", weight: 3, values: ["pricing"] }]);
    const peer = await recommend(h.db, event.id, a.id, c.id, "peer", 1, [{ code: "shared_focus", weight: 2, values: ["pricing"] }]);
    const other = await recommend(h.db, event.id, a.id, c.id, "peer", 2, [{ code: "shared_focus", weight: 2, values: ["hiring"] }]);

    // Agenda opened: every recommendation is "opened", scored 0.1, not acted on.
    expect(await recordAgendaOpened(h.db, a.id, local("2026-12-10 08:50", zone))).toBe(4);
    expect(await recordAgendaOpened(h.db, a.id, local("2026-12-10 09:30", zone))).toBe(0);
    expect(await recRow(h.db, talk.id)).toMatchObject({ outcome: "opened", successScore: 0.1, actedAt: null });
    expect((await recRow(h.db, talk.id)).engagement.opened).toBe(local("2026-12-10 08:50", zone).toISOString());
    expect(await madeRow(h.db, talk)).toMatchObject({ outcome: "opened", successScore: 0.1 });

    // The inbound hooks (YES / NO / booth / rating) go through recordOutcome → recordSignal.
    const base = { eventId: event.id, contractorId: c.id, attendeeId: a.id };
    await recordOutcome(h.db, { ...base, kind: "peer", targetId: peer.targetId, outcome: "accepted", successScore: 0.5, at: local("2026-12-10 12:05", zone) });
    await recordOutcome(h.db, { ...base, kind: "peer", targetId: other.targetId, outcome: "declined", successScore: 0, at: local("2026-12-10 12:06", zone) });
    await recordOutcome(h.db, { ...base, kind: "sponsor", targetId: booth.targetId, outcome: "visited", successScore: 1, at: local("2026-12-10 15:00", zone) });
    expect(await recRow(h.db, peer.id)).toMatchObject({ outcome: "accepted", successScore: 0.5, actedAt: local("2026-12-10 12:05", zone) });
    expect(await recRow(h.db, other.id)).toMatchObject({ outcome: "declined", successScore: 0, actedAt: null });
    expect(await recRow(h.db, booth.id)).toMatchObject({ outcome: "visited", successScore: 1 });
    expect(await madeRow(h.db, other)).toMatchObject({ outcome: "declined", successScore: 0 });

    // Met, after accepted: the score rises, the acted-at stays the first time.
    await recordOutcome(h.db, { ...base, kind: "peer", targetId: peer.targetId, outcome: "met", successScore: 1, at: local("2026-12-10 12:30", zone) });
    expect(await recRow(h.db, peer.id)).toMatchObject({ outcome: "met", successScore: 1, actedAt: local("2026-12-10 12:05", zone) });
    expect(await madeRow(h.db, peer)).toMatchObject({ outcome: "met", successScore: 1 });

    // A rating alone scores rating/5; the same signal again changes nothing.
    await recordOutcome(h.db, { ...base, kind: "speaker", targetId: talk.targetId, outcome: "rated", successScore: 0.8, at: local("2026-12-10 11:00", zone), context: { score: 4 } });
    expect(await recRow(h.db, talk.id)).toMatchObject({ outcome: "rated", successScore: 0.8 });
    const before = await recRow(h.db, talk.id);
    await recordSignal(h.db, { attendeeId: a.id, kind: "speaker", targetId: talk.targetId, signal: "rated", rating: 4, at: local("2026-12-10 11:30", zone) });
    expect(await recRow(h.db, talk.id)).toEqual(before);

    // Nothing recommended with that target: nothing changes, nothing throws.
    expect(await recordSignal(h.db, { attendeeId: a.id, kind: "sponsor", targetId: randomUUID(), signal: "visited", at: new Date() })).toBeNull();

    // The dashboard's conversion: acted on = attended, visited, accepted, met, rated (not opened, not declined).
    const conv = await recommendationConversion(h.db, event.id);
    expect(conv.find((k) => k.kind === "peer")).toMatchObject({ recommended: 2, actedOn: 1, declined: 1, opened: 2, rate: 0.5 });
    expect(conv.find((k) => k.kind === "sponsor")?.bands.find((b) => b.band === "2–4")).toMatchObject({ recommended: 1, actedOn: 1, rate: 1 });
  });

  it("a scan into a recommended session marks it attended (the check-in hook), once", async () => {
    freeze(local("2026-12-10 10:00", zone));
    const event = await makeEvent(h.db, { timezone: zone, agenda: [{ title: "Pricing", start: "2026-12-10 10:00", end: "2026-12-10 11:00" }] });
    const [item] = await h.db.select().from(eventAgendaItems).where(eq(eventAgendaItems.eventId, event.id));
    const { a, c } = await attendee(h.db, event.id);
    const rec = await recommend(h.db, event.id, a.id, c.id, "speaker", 1, [{ code: "topic_overlap", weight: 3, values: ["pricing"] }], item.id);
    const [u] = await h.db.insert(users).values({ email: `door-${randomUUID()}@tpx.test`, name: "Door", role: "staff" }).returning();
    await scanIntoSession(h.db, event.id, item.id, { code: a.qrCodeData, nonce: "learn-0001", deviceId: "device-l" }, { userId: u.id });
    expect(await recRow(h.db, rec.id)).toMatchObject({ outcome: "attended", successScore: 1, actedAt: local("2026-12-10 10:00", zone) });
    freeze(local("2026-12-10 10:05", zone));
    await scanIntoSession(h.db, event.id, item.id, { code: a.qrCodeData, nonce: "learn-0002", deviceId: "device-l" }, { userId: u.id });
    expect((await recRow(h.db, rec.id)).actedAt).toEqual(local("2026-12-10 10:00", zone));
    expect(await madeRow(h.db, rec)).toMatchObject({ outcome: "attended", successScore: 1 });
  });
});

describe("learning per organizer", () => {
  const organizer = "fit@organizer.example";

  /**
   * A past event of the organizer: 90 attendees × 3 session recommendations. The truth:
   * people go to talks for their trade (business_type_fit), topic overlap barely matters.
   */
  async function pastEvent(seed: number, status: "completed" | "published" = "completed") {
    const event = await makeEvent(h.db, { timezone: zone, start: "2026-11-02 09:00", end: "2026-11-02 17:00", status });
    const { events } = await import("@/db/schema");
    await h.db.update(events).set({ organizerEmail: "  Fit@Organizer.example " }).where(eq(events.id, event.id));
    const rand = seededRandom(seed);
    const rows: Array<typeof recommendations.$inferInsert> = [];
    for (let i = 0; i < 90; i++) {
      const { a } = await attendee(h.db, event.id);
      for (let rank = 1; rank <= 3; rank++) {
        const topics = 1 + Math.floor(rand() * 3);
        const fit = rand() < 0.5;
        const reasons: Reasons = [{ code: "topic_overlap", weight: 3 * topics, values: Array.from({ length: topics }, (_, k) => `t${k}`) }];
        if (fit) reasons.push({ code: "business_type_fit", weight: 2, values: ["roofing"] });
        const p = 1 / (1 + Math.exp(-(-1.5 + 0.1 * topics + (fit ? 2.5 : 0))));
        const acted = rand() < p;
        rows.push({
          eventId: event.id, attendeeId: a.id, kind: "speaker", targetId: randomUUID(), rank, score: reasons.reduce((t, r) => t + r.weight, 0), reasons,
          engagement: acted ? { attended: "2026-11-02T16:00:00.000Z" } : {},
        });
      }
    }
    await h.db.insert(recommendations).values(rows);
    return event;
  }

  it("stays at the defaults below the minimum, moves once enough outcomes exist, is used by the ranking, and reverts", async () => {
    freeze(local("2026-12-01 12:00", zone));
    const first = await pastEvent(1);
    // 270 session outcomes but only from one event… enough for sessions (≥ 200); sponsors and peers have none.
    const notOver = await pastEvent(2, "published");
    const { events } = await import("@/db/schema");
    await h.db.update(events).set({ endsAt: local("2027-01-10 17:00", zone), startsAt: local("2027-01-10 09:00", zone) }).where(eq(events.id, notOver.id));

    const out = await refitOrganizer(h.db, organizer, local("2026-12-01 12:00", zone));
    const speaker = out.find((o) => o.kind === "speaker")!;
    expect(speaker.result.moved).toBe(true);
    expect(speaker.row).toMatchObject({ status: "active", nOutcomes: 270, eventIds: [first.id], organizer });
    expect(speaker.row.weights.businessTypeFit / speaker.row.weights.topicOverlap).toBeGreaterThan(2 / 3);
    expect(out.find((o) => o.kind === "peer")!.row).toMatchObject({ status: "insufficient", nOutcomes: 0, weights: { sharedFocus: 200 } });

    const w = await activeWeights(h.db, organizer);
    expect(w.session).toMatchObject(speaker.row.weights);
    expect(w.peer).toEqual(DEFAULT_MATCH_WEIGHTS.peer);
    expect(w.session.businessTypeFit).not.toBe(DEFAULT_MATCH_WEIGHTS.session.businessTypeFit);

    // The next event's plan ranks with them: the organizer's context carries the weights.
    const next = await makeEvent(h.db, {
      timezone: zone, start: "2027-02-01 09:00", end: "2027-02-01 17:00",
      agenda: [
        { title: "Pricing and hiring and sales", topics: ["pricing", "hiring", "sales"], start: "2027-02-01 10:00", end: "2027-02-01 11:00" },
        { title: "Roofing crews", topics: ["pricing"], start: "2027-02-01 10:00", end: "2027-02-01 11:00" },
      ],
    });
    await h.db.update(events).set({ organizerEmail: organizer }).where(eq(events.id, next.id));
    expect(organizerKey({ organizerEmail: " FIT@organizer.example" })).toBe(organizer);
    const c = await makeContractor(h.db, { businessType: "Roofing", focusAreas: ["pricing", "hiring", "sales"] });
    const { a } = await attendee(h.db, next.id, c);
    freeze(local("2027-02-01 08:30", zone));
    const ctx = (await loadPlanContext(h.db, a.id))!;
    expect(ctx.weights.session).toEqual(w.session);
    const learnedPick = rankPlan(ctx, local("2027-02-01 08:30", zone)).sessions[0];
    const defaultPick = rankPlan({ ...ctx, weights: DEFAULT_MATCH_WEIGHTS }, local("2027-02-01 08:30", zone)).sessions[0];
    const byId = new Map((await h.db.select().from(eventAgendaItems).where(eq(eventAgendaItems.eventId, next.id))).map((i) => [i.id, i.title]));
    expect(byId.get(defaultPick.targetId)).toBe("Pricing and hiring and sales");
    expect(byId.get(learnedPick.targetId)).toBe("Roofing crews");

    // Re-fit again: the old row is superseded, one active row per kind.
    await refitOrganizer(h.db, organizer, local("2027-02-01 08:40", zone));
    const rows = await h.db.select().from(matcherWeights).where(and(eq(matcherWeights.organizer, organizer), eq(matcherWeights.kind, "speaker")));
    expect(rows.map((r) => r.status).sort()).toEqual(["active", "superseded"]);

    // Revert: back to the defaults, for the ranking too; the history stays.
    expect(await revertOrganizer(h.db, organizer, local("2027-02-01 08:45", zone))).toBe(1);
    expect(await weightsForEvent(h.db, next.id)).toEqual(DEFAULT_MATCH_WEIGHTS);
    expect((await loadPlanContext(h.db, a.id))!.weights).toEqual(DEFAULT_MATCH_WEIGHTS);
    expect((await h.db.select().from(matcherWeights).where(eq(matcherWeights.organizer, organizer))).length).toBe(6);
  });

  it("another organizer's events never feed this one's weights", async () => {
    const other = await refitOrganizer(h.db, "someone@else.example", local("2027-02-01 09:00", zone));
    expect(other.every((o) => !o.result.moved && o.row.nOutcomes === 0)).toBe(true);
  });
});
