import { and, eq, inArray, isNotNull, isNull, like, lt, notInArray, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { contractors, eventAttendees, eventMessages, events, users } from "@/db/schema";
import { setLanguageModelForTests } from "@/lib/ai/model";
import { checkIn, type CheckInActor } from "@/lib/checkin/check-in";
import { freeze, resetClock } from "@/lib/clock";
import { buildDemoEventInput } from "@/lib/demo/demo-event";
import { parseEventFile } from "@/lib/events/event-file";
import { importEventFile } from "@/lib/events/import";
import { getAgenda, toEventTimes } from "@/lib/events/queries";
import { completeEvent } from "@/lib/followup/complete";
import { eventEnd } from "@/lib/scheduling/event-times";
import { BUNDLE_KEY_PREFIX, rebalanceSmsBudget, rebalanceSmsBudgets } from "@/lib/orchestration/budget-store";
import { buildAttendeePlan } from "@/lib/orchestration/build";
import { runPeerBatch } from "@/lib/orchestration/peer-batch";
import { registerAttendee } from "@/lib/registration/register";
import { BUNDLED_PREFIX, OVER_BUDGET_REASON } from "@/lib/scheduling/budget";
import { createTestDb } from "./db";
import { local } from "./factories";

/** The SMS budget on the demo event's day: ≤ 8 texts each, nothing lost, by priority (issue 12 §2). */
const zone = "America/Chicago";
const day = "2026-12-03";
let h: DbHandle;
let eventId: string;

beforeAll(async () => {
  h = await createTestDb();
  setLanguageModelForTests(null);
  freeze(local("2026-11-26 09:00", zone));
  const parsed = parseEventFile(buildDemoEventInput(day));
  if (!parsed.ok) throw new Error("demo invalid");
  eventId = (await importEventFile(h.db, parsed.file, { now: local("2026-11-26 09:00", zone) })).eventId;
  for (const c of await h.db.select().from(contractors)) {
    await registerAttendee(h.db, { eventSlug: parsed.file.event.slug, firstName: c.firstName ?? "A", lastName: c.lastName ?? "B", email: c.email, phone: c.phone ?? undefined, smsConsent: Boolean(c.phone) });
  }
  const [u] = await h.db.insert(users).values({ email: "sam@tpx.test", name: "Sam", role: "staff" }).returning();
  const staff: CheckInActor = { kind: "staff", userId: u.id, name: "Sam" };
  // Everyone arrives before the first session: the fullest possible day of texts.
  freeze(local(`${day} 08:20`, zone));
  const list = await h.db.select().from(eventAttendees).where(and(eq(eventAttendees.eventId, eventId), isNull(eventAttendees.cancelledAt)));
  for (const a of list.slice(0, 24)) {
    const res = await checkIn(h.db, { method: "qr_code", code: a.qrCodeData, eventId }, staff);
    if (!res.ok) throw new Error(res.error.message);
    await buildAttendeePlan(h.db, a.id);
  }
  freeze(local(`${day} 11:45`, zone));
  await runPeerBatch(h.db, eventId, local(`${day} 11:45`, zone));
}, 240_000);
afterAll(async () => {
  resetClock();
  setLanguageModelForTests(undefined);
  await h.close();
});

async function smsOf(attendeeId: string) {
  return h.db.select().from(eventMessages).where(and(eq(eventMessages.attendeeId, attendeeId), eq(eventMessages.channel, "sms")));
}
const live = (m: { status: string }) => ["scheduled", "sending", "sent"].includes(m.status);
const duringDay = (m: { scheduledFor: Date; type: string }) => m.scheduledFor >= local(`${day} 00:00`, zone) && !m.type.startsWith("check_in_reminder");

describe("the SMS budget on the demo event's day", () => {
  it("gives each attendee at most 8 texts and says where every removed one went", async () => {
    const planned = await h.db.selectDistinct({ id: eventMessages.attendeeId }).from(eventMessages).where(and(eq(eventMessages.eventId, eventId), eq(eventMessages.type, "speaker_alert")));
    expect(planned.length).toBeGreaterThan(5);
    let removed = 0;
    for (const { id } of planned) {
      const sms = (await smsOf(id!)).filter(duringDay);
      expect(sms.filter(live).length, JSON.stringify(sms.map((m) => [m.type, m.status, m.statusReason]))).toBeLessThanOrEqual(8);
      for (const m of sms.filter((x) => x.status === "skipped")) {
        expect(m.statusReason === OVER_BUDGET_REASON || m.statusReason!.startsWith(BUNDLED_PREFIX), m.statusReason!).toBe(true);
        removed++;
        if (m.statusReason!.startsWith(BUNDLED_PREFIX)) {
          const bundles = sms.filter((b) => b.dedupeKey.startsWith(BUNDLE_KEY_PREFIX) && (b.personalization.members as string[]).includes(m.id));
          expect(bundles.some(live), m.statusReason!).toBe(true);
        }
      }
    }
    expect(removed).toBeGreaterThan(0);
  });

  it("keeps the important texts first: check-in, agenda and every session alert", async () => {
    const planned = await h.db.selectDistinct({ id: eventMessages.attendeeId }).from(eventMessages).where(eq(eventMessages.type, "speaker_alert"));
    for (const { id } of planned) {
      const sms = (await smsOf(id!)).filter(duringDay);
      for (const type of ["check_in_confirmation", "agenda_ready", "speaker_alert"]) {
        for (const m of sms.filter((x) => x.type === type)) expect(live(m), `${type} ${m.statusReason}`).toBe(true);
      }
      // Peer introductions outrank sponsor tips and ratings: when one of those is kept, every introduction is.
      const lower = sms.filter((m) => (m.type === "sponsor_recommendation" || m.type === "speaker_pcr_request") && live(m));
      if (lower.length) for (const m of sms.filter((x) => x.type === "peer_introduction")) expect(live(m)).toBe(true);
    }
  });
});

describe("re-deciding many budgets at once (the lunch batch, a completion chunk)", () => {
  it("writes what re-deciding each person's budget on its own writes", async () => {
    // Undo the batch's decisions (every removed text back, no bundles), then re-decide: all at once, and one by one.
    const owners = (
      await h.db.selectDistinct({ eventId: eventMessages.eventId, attendeeId: eventMessages.attendeeId, contractorId: eventMessages.contractorId }).from(eventMessages).where(and(eq(eventMessages.eventId, eventId), eq(eventMessages.type, "peer_introduction")))
    ).map((o) => ({ eventId: o.eventId!, attendeeId: o.attendeeId!, contractorId: o.contractorId }));
    expect(owners.length).toBeGreaterThan(5);
    const now = local(`${day} 11:45`, zone);
    const outcome = async (decide: (tx: Db) => Promise<unknown>) => {
      let seen: string[] = [];
      await h.db
        .transaction(async (tx) => {
          await tx.delete(eventMessages).where(and(eq(eventMessages.eventId, eventId), like(eventMessages.dedupeKey, `${BUNDLE_KEY_PREFIX}%`)));
          await tx.update(eventMessages).set({ status: "scheduled", statusReason: null }).where(and(eq(eventMessages.eventId, eventId), eq(eventMessages.status, "skipped"), or(eq(eventMessages.statusReason, OVER_BUDGET_REASON), like(eventMessages.statusReason, `${BUNDLED_PREFIX}%`))));
          await decide(tx as unknown as Db);
          const rows = await tx.select().from(eventMessages).where(and(eq(eventMessages.eventId, eventId), eq(eventMessages.channel, "sms")));
          seen = rows.map((m) => [m.attendeeId, m.type, m.dedupeKey, m.status, m.statusReason, m.scheduledFor.toISOString()].join(" ")).sort();
          throw new Rollback();
        })
        .catch((e: unknown) => {
          if (!(e instanceof Rollback)) throw e;
        });
      return seen;
    };
    const together = await outcome((tx) => rebalanceSmsBudgets(tx, owners, now));
    const oneByOne = await outcome(async (tx) => {
      for (const o of owners) await rebalanceSmsBudget(tx, o, now);
    });
    expect(together).toEqual(oneByOne);
    // Not a vacuous comparison: the re-decision removed texts and wrote bundles again.
    expect(together.filter((r) => r.includes(OVER_BUDGET_REASON) || r.includes(BUNDLE_KEY_PREFIX)).length).toBeGreaterThan(0);
  });
});

class Rollback extends Error {}

describe("a late arrival", () => {
  it("has the morning's sent reminders counted: still at most 8 texts that day, alerts first", async () => {
    // She registered early that morning, before the reminders were due.
    freeze(local(`${day} 06:00`, zone));
    const slug = parseEventFile(buildDemoEventInput(day));
    if (!slug.ok) throw new Error("demo invalid");
    const r = await registerAttendee(h.db, { eventSlug: slug.file.event.slug, firstName: "Lena", lastName: "Late", email: "lena.late@example.com", phone: "+15125550177", smsConsent: true });
    if (!r.ok) throw new Error(r.error.message);
    // What the driver did this morning: her confirmation, then the 1-hour and event-start reminders (she was not in yet).
    const reminders = (await smsOf(r.attendeeId)).filter((m) => ["registration_confirmation", "check_in_reminder_1_hour", "check_in_reminder_event_start"].includes(m.type));
    expect(reminders.map((m) => m.type).sort()).toEqual(["check_in_reminder_1_hour", "check_in_reminder_event_start", "registration_confirmation"]);
    for (const m of reminders) await h.db.update(eventMessages).set({ status: "sent", actualSendTime: m.scheduledFor }).where(eq(eventMessages.id, m.id));

    freeze(local(`${day} 12:05`, zone));
    const [row] = await h.db.select().from(eventAttendees).where(eq(eventAttendees.id, r.attendeeId));
    const [u] = await h.db.select().from(users).limit(1);
    const res = await checkIn(h.db, { method: "qr_code", code: row.qrCodeData, eventId }, { kind: "staff", userId: u.id, name: "Sam" });
    if (!res.ok) throw new Error(res.error.message);
    await buildAttendeePlan(h.db, r.attendeeId);

    const onTheDay = (await smsOf(r.attendeeId)).filter((m) => m.scheduledFor >= local(`${day} 00:00`, zone) && live(m));
    expect(onTheDay.filter((m) => m.type.startsWith("check_in_reminder"))).toHaveLength(2);
    expect(onTheDay.length, JSON.stringify(onTheDay.map((m) => [m.type, m.status]))).toBeLessThanOrEqual(8);
    expect(onTheDay.some((m) => m.type === "speaker_alert")).toBe(true);
    const removed = (await smsOf(r.attendeeId)).filter((m) => m.status === "skipped" && m.statusReason !== "stale" && !m.type.startsWith("check_in_reminder"));
    for (const m of removed) expect(m.statusReason === OVER_BUDGET_REASON || m.statusReason!.startsWith(BUNDLED_PREFIX), `${m.type}: ${m.statusReason}`).toBe(true);
  });
});

describe("the evening", () => {
  it("the post-event texts share the day's budget: still at most 8, the thank-you gives way first (its email still goes)", async () => {
    // The day as the driver would have done it: every text kept for the day went out (the morning's
    // reminders to people already checked in skip at send, so they stay as they are).
    const dayEnd = local(`${day} 19:00`, zone);
    await h.db
      .update(eventMessages)
      .set({ status: "sent", actualSendTime: eventMessages.scheduledFor })
      .where(and(eq(eventMessages.eventId, eventId), eq(eventMessages.status, "scheduled"), lt(eventMessages.scheduledFor, dayEnd), notInArray(eventMessages.type, ["check_in_reminder_night_before", "check_in_reminder_1_hour", "check_in_reminder_event_start"])));
    const [ev] = await h.db.select().from(events).where(eq(events.id, eventId));
    const end = eventEnd(toEventTimes(ev, await getAgenda(h.db, eventId)));
    freeze(end);
    expect(await completeEvent(h.db, eventId, end)).toMatchObject({ status: "completed" });

    const checkedIn = await h.db.select().from(eventAttendees).where(and(eq(eventAttendees.eventId, eventId), isNotNull(eventAttendees.checkInTime)));
    let thankYouByEmailOnly = 0;
    for (const a of checkedIn) {
      const sms = (await smsOf(a.id)).filter((m) => m.scheduledFor >= local(`${day} 00:00`, zone) && m.scheduledFor < local(`${day} 23:59`, zone));
      // Reminders still scheduled for people already in skip at send ("checked in"): they never go.
      const going = sms.filter((m) => m.status === "sent" || (live(m) && !m.type.startsWith("check_in_reminder")));
      expect(going.length, `${a.id}: ${JSON.stringify(going.map((m) => m.type))}`).toBeLessThanOrEqual(8);
      const thanks = sms.find((m) => m.type === "post_event_thank_you");
      if (thanks && !live(thanks)) {
        expect(thanks.statusReason).toBe(OVER_BUDGET_REASON);
        const email = await h.db.select().from(eventMessages).where(and(eq(eventMessages.attendeeId, a.id), eq(eventMessages.type, "post_event_thank_you"), eq(eventMessages.channel, "email")));
        if (email.length) thankYouByEmailOnly++;
      }
    }
    expect(thankYouByEmailOnly).toBeGreaterThan(0);
  });
});

describe("completion after downtime (or a dev-clock jump)", () => {
  it("the day's texts that never went and are stale by now do not crowd out the evening's", async () => {
    freeze(local("2026-11-26 09:00", zone));
    const parsed = parseEventFile(buildDemoEventInput(day));
    if (!parsed.ok) throw new Error("demo invalid");
    const file = { ...parsed.file, event: { ...parsed.file.event, slug: "budget-downtime", name: "Budget downtime" } };
    const otherId = (await importEventFile(h.db, file, { now: local("2026-11-26 09:00", zone) })).eventId;
    const r = await registerAttendee(h.db, { eventSlug: "budget-downtime", firstName: "Ana", lastName: "After", email: "ana.downtime@example.com", phone: "+15125550181", smsConsent: true });
    if (!r.ok) throw new Error(r.error.message);
    freeze(local(`${day} 08:40`, zone));
    const [row] = await h.db.select().from(eventAttendees).where(eq(eventAttendees.id, r.attendeeId));
    const [u] = await h.db.select().from(users).limit(1);
    const res = await checkIn(h.db, { method: "qr_code", code: row.qrCodeData, eventId: otherId }, { kind: "staff", userId: u.id, name: "Sam" });
    if (!res.ok) throw new Error(res.error.message);
    await buildAttendeePlan(h.db, r.attendeeId);
    // Only the check-in texts went out; then nothing ran until 19:31 (after the 19:00 end).
    await h.db
      .update(eventMessages)
      .set({ status: "sent", actualSendTime: local(`${day} 08:40`, zone) })
      .where(and(eq(eventMessages.attendeeId, r.attendeeId), inArray(eventMessages.type, ["check_in_confirmation", "agenda_ready"]), eq(eventMessages.channel, "sms")));
    // A full day planned: tips at the 10:00 break up to the budget of 8 (stale by the evening: 20 min each).
    const live0 = (await smsOf(r.attendeeId)).filter((m) => live(m) && m.scheduledFor >= local(`${day} 00:00`, zone) && !m.type.startsWith("check_in_reminder")).length;
    for (let i = live0; i < 8; i++) {
      await h.db.insert(eventMessages).values({
        eventId: otherId, attendeeId: r.attendeeId, contractorId: row.contractorId, type: "sponsor_recommendation", channel: "sms",
        dedupeKey: `downtime-tip-${i}`, scheduledFor: local(`${day} 10:02`, zone), status: "scheduled", personalization: {},
      });
    }
    const at = local(`${day} 19:31`, zone);
    freeze(at);
    expect(await completeEvent(h.db, otherId, at)).toMatchObject({ status: "completed" });
    const sms = await smsOf(r.attendeeId);
    const thanks = sms.find((m) => m.type === "post_event_thank_you")!;
    expect(thanks, JSON.stringify(sms.map((m) => [m.type, m.status, m.statusReason]))).toBeTruthy();
    expect([thanks.status, thanks.statusReason]).toEqual(["scheduled", null]);
    expect(sms.find((m) => m.type === "sponsor_batch_check")?.status).toBe("scheduled");
  });
});
