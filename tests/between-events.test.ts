import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contractors, eventAgendaItems, eventAttendees, eventMessages, eventSpeakers, type Contractor } from "@/db/schema";
import { createDevEmailChannel, createDevSmsChannel } from "@/lib/channels/dev-outbox";
import { setEventStatus } from "@/lib/events/crud";
import { freeze, resetClock } from "@/lib/clock";
import { invitationFit, runBetweenEvents, selectInvitations, selectReEngagement } from "@/lib/followup/between-events";
import { followupSweep } from "@/lib/followup/sweep";
import { startLocalDriver } from "@/lib/jobs/local-driver";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";

const zone = "America/Chicago";
let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  resetClock();
  await h.close();
});

let n = 0;
/** A contractor registered for `eventId` (their anchor registration), as an import writes it. */
async function person(eventId: string, c: Partial<Contractor> & { email: string }) {
  const [row] = await h.db.insert(contractors).values({ firstName: c.email.split("@")[0], ...c }).returning();
  n++;
  await h.db.insert(eventAttendees).values({
    eventId, contractorId: row.id, registrationDate: local("2026-08-01 09:00", zone),
    qrCodeData: `TPX1.between-${n}-qrcode`, accessToken: `between-token-${n}-abcdefghijklmnop`,
  });
  return row;
}

async function upcoming(startDay: string, topics: string[], speakerFocus: string[] = []) {
  const ev = await makeEvent(h.db, { start: `${startDay} 09:00`, end: `${startDay} 17:00`, agenda: [{ title: "Talk", start: `${startDay} 10:00`, end: `${startDay} 11:00`, topics }] });
  if (speakerFocus.length) {
    const [sp] = await h.db.insert(eventSpeakers).values({ eventId: ev.id, key: "s", name: "Speaker", focusAreas: speakerFocus }).returning();
    await h.db.update(eventAgendaItems).set({ speakerId: sp.id }).where(eq(eventAgendaItems.eventId, ev.id));
  }
  return ev;
}

describe("between events: selection (SPEC §3)", () => {
  it("fits by shared focus areas, case-insensitively", () => {
    expect(invitationFit(["Pricing", "hiring", "pricing"], new Set(["pricing", "marketing"]))).toEqual({ score: 1, shared: ["pricing"] });
    expect(invitationFit([], new Set(["pricing"])).score).toBe(0);
  });

  it("invites contractors whose focus areas fit, not registered or unsubscribed, ranked and capped at 2 per run", async () => {
    const now = local("2026-10-01 10:00", zone);
    const past = await makeEvent(h.db, { start: "2026-09-01 09:00", end: "2026-09-01 17:00", status: "completed" });
    const a = await upcoming("2026-11-10", ["pricing"]);
    const b = await upcoming("2026-11-20", ["pricing", "hiring"]);
    const c = await upcoming("2026-11-05", ["hiring"], ["pricing"]);
    const d = await upcoming("2026-11-01", ["roofing"]);
    const fan = await person(past.id, { email: "fan@ex.com", focusAreas: ["pricing", "hiring"] });
    const gone = await person(past.id, { email: "gone@ex.com", focusAreas: ["pricing"], emailUnsubscribedAt: now });
    const already = await person(past.id, { email: "already@ex.com", focusAreas: ["roofing"] });
    await h.db.insert(eventAttendees).values({ eventId: d.id, contractorId: already.id, registrationDate: now, qrCodeData: "TPX1.already-d-qr", accessToken: "already-d-token-abcdefghijkl" });
    const picks = await selectInvitations(h.db, now);
    const of = (id: string) => picks.filter((p) => p.contractorId === id).map((p) => p.eventId);
    // b and c share two focus areas (c through its speaker); a only one: cut by the cap. c is sooner than b.
    expect(of(fan.id)).toEqual([c.id, b.id]);
    expect(of(gone.id)).toEqual([]);
    expect(of(already.id)).toEqual([]);
    void a;

    const tally = await runBetweenEvents(h.db, now);
    expect(tally.invitations).toBeGreaterThanOrEqual(2);
    const rows = await h.db.select().from(eventMessages).where(eq(eventMessages.contractorId, fan.id));
    expect(rows.map((r) => `${r.type}/${r.channel}/${r.eventId}`).sort()).toEqual([`event_invitation/email/${b.id}`, `event_invitation/email/${c.id}`].sort());
    // The next day: not invited again to the same events; a is left, and the 30-day cap (3) allows one more.
    const next = await selectInvitations(h.db, local("2026-10-02 10:00", zone));
    expect(next.filter((p) => p.contractorId === fan.id).map((p) => p.eventId)).toEqual([a.id]);
  });

  it("publishing an event invites the contractors who fit at once, not at the next daily run", async () => {
    const now = local("2026-10-05 10:00", zone);
    freeze(now);
    const past = await makeEvent(h.db, { start: "2026-09-02 09:00", end: "2026-09-02 17:00", status: "completed" });
    const fit = await person(past.id, { email: "solar-fan@ex.com", focusAreas: ["solar financing"] });
    const other = await person(past.id, { email: "not-solar@ex.com", focusAreas: ["plumbing codes"] });
    const ev = await makeEvent(h.db, {
      start: "2026-11-12 09:00", end: "2026-11-12 17:00", status: "draft",
      agenda: [{ title: "Selling solar", start: "2026-11-12 10:00", end: "2026-11-12 11:00", topics: ["solar financing"] }],
    });
    const invitesTo = async (c: Contractor) =>
      (await h.db.select().from(eventMessages).where(eq(eventMessages.contractorId, c.id))).filter((m) => m.type === "event_invitation" && m.eventId === ev.id);
    expect(await invitesTo(fit)).toHaveLength(0);
    expect(await setEventStatus(h.db, ev.id, "published")).toMatchObject({ ok: true });
    expect((await invitesTo(fit)).map((m) => [m.channel, m.scheduledFor.toISOString()])).toEqual([["email", now.toISOString()]]);
    expect(await invitesTo(other)).toHaveLength(0);
    // The daily pass later does not invite them to it again.
    await runBetweenEvents(h.db, local("2026-10-06 10:00", zone));
    expect(await invitesTo(fit)).toHaveLength(1);
  });

  it("re-engages after 30 quiet days, at most once per 30 days", async () => {
    const past = await makeEvent(h.db, { start: "2026-05-01 09:00", end: "2026-05-01 17:00", status: "completed" });
    const quiet = await person(past.id, { email: "quiet@ex.com", lastInteractionAt: local("2026-05-01 17:00", zone) });
    const busy = await person(past.id, { email: "busy@ex.com", lastInteractionAt: local("2026-05-25 17:00", zone) });
    const at = local("2026-06-01 10:00", zone);
    const ids = (await selectReEngagement(h.db, at)).map((c) => c.id);
    expect(ids).toContain(quiet.id);
    expect(ids).not.toContain(busy.id);
    await runBetweenEvents(h.db, at);
    expect((await selectReEngagement(h.db, local("2026-06-20 10:00", zone))).map((c) => c.id)).not.toContain(quiet.id);
    expect((await selectReEngagement(h.db, local("2026-07-02 10:00", zone))).map((c) => c.id)).toContain(quiet.id);
  });

  it("the local driver runs the daily pass once a day and delivers it; a re-engagement is skipped if they interacted since", async () => {
    const past = await makeEvent(h.db, { start: "2026-01-10 09:00", end: "2026-01-10 17:00", status: "completed" });
    const kim = await person(past.id, { email: "kim@ex.com", lastInteractionAt: local("2026-01-10 17:00", zone), phone: "+15125550177", smsOptIn: true });
    const joe = await person(past.id, { email: "joe@ex.com", lastInteractionAt: local("2026-01-10 17:00", zone) });
    freeze(local("2026-03-01 10:00", zone));
    const driver = startLocalDriver({
      db: h.db, channels: { email: createDevEmailChannel(), sms: createDevSmsChannel() }, mode: "all", intervalMs: 60_000, backstopEveryMs: 0,
      extraWork: followupSweep(h.db, { daily: true }),
    });
    try {
      await driver.tick(); // plans (the backstop pass)
      // Joe replies to something before his row goes out.
      await h.db.update(contractors).set({ lastInteractionAt: local("2026-03-01 10:01", zone) }).where(eq(contractors.id, joe.id));
      await driver.tick(); // delivers
      const [joeRow] = await h.db.select().from(eventMessages).where(eq(eventMessages.contractorId, joe.id));
      expect([joeRow.status, joeRow.statusReason]).toEqual(["skipped", "interacted since"]);
      const rows = await h.db.select().from(eventMessages).where(eq(eventMessages.contractorId, kim.id));
      expect(rows.map((r) => `${r.type}/${r.channel}/${r.status}`).sort()).toEqual(["re_engagement/email/sent", "re_engagement/sms/sent"]);
      expect(rows.find((r) => r.channel === "sms")!.renderedBody).toContain(`since ${past.name}`);
      await driver.tick(); // the same day again: no second pass
      expect(await h.db.select().from(eventMessages).where(eq(eventMessages.contractorId, kim.id))).toHaveLength(2);
    } finally {
      await driver.stop();
    }
  });
});
