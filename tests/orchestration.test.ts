import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { aiLearningEvents, contractors, eventAgendaItems, eventAttendees, eventMessages, events, peerMatches, recommendations, users } from "@/db/schema";
import { setLanguageModelForTests } from "@/lib/ai/model";
import { checkIn, type CheckInActor } from "@/lib/checkin/check-in";
import { freeze, resetClock } from "@/lib/clock";
import { buildDemoEventInput } from "@/lib/demo/demo-event";
import { parseEventFile } from "@/lib/events/event-file";
import { importEventFile } from "@/lib/events/import";
import { buildAttendeePlan } from "@/lib/orchestration/build";
import { runPeerBatch } from "@/lib/orchestration/peer-batch";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "./db";
import { local } from "./factories";

/** The plan end to end on the demo event (Austin, 2026-12-03): check-in → plan → messages → batch → late arrival. */
const zone = "America/Chicago";
const day = "2026-12-03";
let h: DbHandle;
let eventId: string;
let staff: CheckInActor;

beforeAll(async () => {
  h = await createTestDb();
  setLanguageModelForTests(null);
  freeze(local("2026-11-26 09:00", zone));
  const parsed = parseEventFile(buildDemoEventInput(day));
  if (!parsed.ok) throw new Error("demo invalid");
  const summary = await importEventFile(h.db, parsed.file, { now: local("2026-11-26 09:00", zone) });
  eventId = summary.eventId;
  // These cases check every message's minute; the SMS budget has its own test (tests/sms-budget.test.ts).
  await h.db.update(events).set({ smsDailyBudget: 100 }).where(eq(events.id, eventId));
  // Register every demo contractor so the pool is realistic.
  const all = await h.db.select().from(contractors);
  for (const c of all) {
    await registerAttendee(h.db, { eventSlug: parsed.file.event.slug, firstName: c.firstName ?? "A", lastName: c.lastName ?? "B", email: c.email, phone: c.phone ?? undefined, smsConsent: Boolean(c.phone) });
  }
  const [u] = await h.db.insert(users).values({ email: "sam@tpx.test", name: "Sam", role: "staff" }).returning();
  staff = { kind: "staff", userId: u.id, name: "Sam" };
});
afterAll(async () => {
  resetClock();
  setLanguageModelForTests(undefined);
  await h.close();
});

async function attendees() {
  return h.db
    .select({ a: eventAttendees, c: contractors })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .where(and(eq(eventAttendees.eventId, eventId), isNull(eventAttendees.cancelledAt)))
    .orderBy(contractors.email);
}

async function checkInAndPlan(attendeeId: string, qr: string) {
  const res = await checkIn(h.db, { method: "qr_code", code: qr, eventId }, staff);
  if (!res.ok) throw new Error(res.error.message);
  return buildAttendeePlan(h.db, attendeeId);
}

describe("the plan at check-in (demo event)", () => {
  it("picks 3 sessions that have not started and do not overlap, 3 sponsors in break slots, and plans each message at its minute", async () => {
    const list = await attendees();
    const withPhone = list.find((x) => x.c.phone && x.c.smsOptIn && x.c.focusAreas.length > 0)!;
    freeze(local(`${day} 10:20`, zone));
    expect(await checkInAndPlan(withPhone.a.id, withPhone.a.qrCodeData)).toBe("ready");

    const recs = await h.db.select().from(recommendations).where(eq(recommendations.attendeeId, withPhone.a.id));
    const sessionRecs = recs.filter((r) => r.kind === "speaker").sort((a, b) => a.rank - b.rank);
    const sponsorRecs = recs.filter((r) => r.kind === "sponsor");
    expect(sessionRecs).toHaveLength(3);
    expect(sponsorRecs).toHaveLength(3);
    expect(recs.filter((r) => r.kind === "peer")).toHaveLength(0); // before the batch
    for (const r of [...sessionRecs, ...sponsorRecs]) {
      expect(r.reasons.length).toBeGreaterThan(0);
      expect(r.score).toBeCloseTo(r.reasons.reduce((s, x) => s + x.weight, 0), 5);
      expect(r.whyText).toBeTruthy();
      expect(r.textSource).toBe("template");
    }
    const items = await h.db.select().from(eventAgendaItems).where(inArray(eventAgendaItems.id, sessionRecs.map((r) => r.targetId)));
    const now = local(`${day} 10:20`, zone).getTime();
    for (const it of items) expect(it.startsAt.getTime()).toBeGreaterThan(now);
    const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].startsAt.getTime()).toBeGreaterThanOrEqual(sorted[i - 1].endsAt.getTime());

    const msgs = await h.db.select().from(eventMessages).where(eq(eventMessages.attendeeId, withPhone.a.id));
    const of = (type: string) => msgs.filter((m) => m.type === type && m.status === "scheduled");
    expect(of("agenda_ready").map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    expect(of("agenda_ready")[0].personalization).toEqual({ speakers: 3, sponsors: 3, peers: 0 });
    const alerts = of("speaker_alert").map((m) => m.scheduledFor.getTime()).sort();
    // 15 min before each session; one starting sooner than that is alerted at once.
    expect(alerts).toEqual(sorted.map((s) => Math.max(now, s.startsAt.getTime() - 15 * 60_000)));
    const ratings = of("speaker_pcr_request").map((m) => m.scheduledFor.getTime()).sort();
    expect(ratings).toEqual(sorted.map((s) => s.endsAt.getTime() + 7 * 60_000));
    // Sponsors: the rest of the morning break (until 10:25) takes one now; lunch (12:00–13:00) the others at +2 and +12 min.
    const sponsorTimes = of("sponsor_recommendation").map((m) => m.scheduledFor.toISOString()).sort();
    expect(sponsorTimes).toEqual(["10:20", "12:02", "12:12"].map((t) => local(`${day} ${t}`, zone).toISOString()));
    expect(of("check_in_confirmation")).toHaveLength(1);

    const logged = await h.db.select().from(aiLearningEvents).where(eq(aiLearningEvents.contractorId, withPhone.c.id));
    expect(logged.filter((l) => l.eventType === "recommendation_made")).toHaveLength(6);
  });

  it("batch-matches everyone checked in at lunch − 15 min: mutual, ≤ 3 each, no competitors, introduced at lunch + 5", async () => {
    const list = await attendees();
    freeze(local(`${day} 11:00`, zone));
    for (const x of list.slice(0, 24)) {
      if (!x.a.checkInTime) await checkInAndPlan(x.a.id, x.a.qrCodeData);
    }
    freeze(local(`${day} 11:45`, zone));
    const result = await runPeerBatch(h.db, eventId, local(`${day} 11:45`, zone));
    expect(result!.pairs).toBeGreaterThan(10);
    expect(await runPeerBatch(h.db, eventId, local(`${day} 11:46`, zone))).toBeNull(); // once per event

    const pairs = await h.db.select().from(peerMatches).where(eq(peerMatches.eventId, eventId));
    const count = new Map<string, number>();
    for (const p of pairs) for (const id of [p.attendeeAId, p.attendeeBId]) count.set(id, (count.get(id) ?? 0) + 1);
    expect(Math.max(...count.values())).toBeLessThanOrEqual(3);
    const byAttendee = new Map(list.map((x) => [x.a.id, x.c]));
    for (const p of pairs) {
      const a = byAttendee.get(p.attendeeAId)!;
      const b = byAttendee.get(p.attendeeBId)!;
      expect(a.companyName?.toLowerCase()).not.toBe(b.companyName?.toLowerCase());
      const competitors = a.businessType && a.businessType === b.businessType && a.serviceArea === b.serviceArea;
      expect(competitors).toBeFalsy();
    }
    const intros = await h.db.select().from(eventMessages).where(and(eq(eventMessages.eventId, eventId), eq(eventMessages.type, "peer_introduction")));
    expect(new Set(intros.map((m) => m.scheduledFor.toISOString()))).toEqual(new Set([local(`${day} 12:05`, zone).toISOString()]));
    // Mutual: every pair is introduced from both sides (to those who take SMS).
    const first = pairs[0];
    const recA = await h.db.select().from(recommendations).where(and(eq(recommendations.attendeeId, first.attendeeAId), eq(recommendations.kind, "peer")));
    const recB = await h.db.select().from(recommendations).where(and(eq(recommendations.attendeeId, first.attendeeBId), eq(recommendations.kind, "peer")));
    expect(recA.map((r) => r.targetId)).toContain(first.attendeeBId);
    expect(recB.map((r) => r.targetId)).toContain(first.attendeeAId);
  });

  it("matches a late arrival against the pool at once and introduces both sides now", async () => {
    const list = await attendees();
    const late = list.find((x) => !x.a.checkInTime && x.c.phone && x.c.focusAreas.length > 0)!;
    freeze(local(`${day} 13:10`, zone));
    expect(await checkInAndPlan(late.a.id, late.a.qrCodeData)).toBe("ready");
    const pairs = await h.db.select().from(peerMatches).where(eq(peerMatches.eventId, eventId));
    const mine = pairs.filter((p) => p.attendeeAId === late.a.id || p.attendeeBId === late.a.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThanOrEqual(3);
    const intros = await h.db
      .select()
      .from(eventMessages)
      .where(and(eq(eventMessages.type, "peer_introduction"), eq(eventMessages.scheduledFor, local(`${day} 13:10`, zone))));
    const toLate = intros.filter((m) => m.attendeeId === late.a.id);
    expect(toLate.length).toBe(mine.length);
    expect(toLate.every((m) => typeof m.personalization.peerFirstName === "string")).toBe(true);
    const counts = new Map<string, number>();
    for (const p of pairs) for (const id of [p.attendeeAId, p.attendeeBId]) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(3);
  });

  it("moves pending session alerts when the agenda changes", async () => {
    const [withAlert] = await h.db
      .select()
      .from(eventMessages)
      .where(and(eq(eventMessages.eventId, eventId), eq(eventMessages.type, "speaker_alert"), eq(eventMessages.status, "scheduled")))
      // The last alert of the day: moved 30 min later it is still ahead of the clock (an overdue alert is re-planned to now).
      .orderBy(desc(eventMessages.scheduledFor), asc(eventMessages.id))
      .limit(1);
    const itemId = String(withAlert.personalization.agendaItemId);
    const [item] = await h.db.select().from(eventAgendaItems).where(eq(eventAgendaItems.id, itemId));
    const { replanEventMessages } = await import("@/lib/scheduling/replan");
    await h.db
      .update(eventAgendaItems)
      .set({ startsAt: new Date(item.startsAt.getTime() + 30 * 60_000), endsAt: new Date(item.endsAt.getTime() + 30 * 60_000) })
      .where(eq(eventAgendaItems.id, itemId));
    await replanEventMessages(h.db, eventId);
    const [after] = await h.db.select().from(eventMessages).where(eq(eventMessages.id, withAlert.id));
    expect(after.scheduledFor.getTime()).toBe(item.startsAt.getTime() + 15 * 60_000);
    const [ev] = await h.db.select().from(events).where(eq(events.id, eventId));
    expect(ev.peerBatchRanAt).not.toBeNull();
  });

  it("serves the personal agenda only for the right token and records the open as engagement", async () => {
    const { getPersonalAgenda } = await import("@/lib/agenda/personal-agenda");
    const list = await attendees();
    const planned = list.find((x) => x.a.planStatus === "ready")!;
    const [ev] = await h.db.select().from(events).where(eq(events.id, eventId));
    expect(await getPersonalAgenda(h.db, ev.slug, "not-the-token-of-anyone-at-all")).toBeNull();
    expect(await getPersonalAgenda(h.db, "another-event", planned.a.accessToken)).toBeNull();
    const agenda = await getPersonalAgenda(h.db, ev.slug, planned.a.accessToken);
    const recommended = agenda!.agenda.filter((i) => i.recommended);
    expect(recommended).toHaveLength(3);
    expect(recommended.every((i) => (i.recommended!.why ?? "").length > 10)).toBe(true);
    expect(agenda!.sponsors.every((s) => s.boothNumber && s.talkingPoint)).toBe(true);
    const opens = await h.db
      .select()
      .from(aiLearningEvents)
      .where(and(eq(aiLearningEvents.contractorId, planned.c.id), eq(aiLearningEvents.eventType, "agenda_opened")));
    expect(opens).toHaveLength(1);
  });
});
