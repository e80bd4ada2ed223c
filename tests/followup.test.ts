import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { aiLearningEvents, contractors, eventAttendees, eventFeedback, eventMessages, events, eventSponsors, matcherWeights, peerMatches, ratings, type Message } from "@/db/schema";
import { loadBatchContexts, loadSendContext } from "@/lib/messaging/send-context";
import { createDevEmailChannel, createDevSmsChannel } from "@/lib/channels/dev-outbox";
import { freeze, resetClock } from "@/lib/clock";
import { completeEvent, dueCompletions, scheduleEventCompletion } from "@/lib/followup/complete";
import { loadConnectionSummaries, loadConnectionSummary } from "@/lib/followup/connection-summary";
import { followupSweep } from "@/lib/followup/sweep";
import { planPostEvent, postEventTimes } from "@/lib/followup/schedule";
import { setJobEventSender } from "@/lib/jobs/dispatch";
import type { JobEvent } from "@/lib/jobs/events";
import { startLocalDriver } from "@/lib/jobs/local-driver";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "./db";
import { completeProfile, local, makeEvent } from "./factories";

const zone = "America/Chicago";
let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  resetClock();
  setJobEventSender(null);
  await h.close();
});
beforeEach(() => resetClock());

const times = (start: string, end: string, tz = zone) => ({ timezone: tz, startsAt: local(start, tz), endsAt: local(end, tz), agenda: [] });
const iso = (s: string, tz = zone) => local(s, tz).toISOString();

describe("post-event schedule (pure, SPEC §3)", () => {
  it("is end, +30 min, +1 h, +24 h and 10:00 local two days after, across the March DST change", () => {
    // Ends Friday 6 March 2026 17:00 CST; DST starts Sunday 8 March: 10:00 that day is CDT (15:00Z, not 16:00Z).
    const t = postEventTimes(times("2026-03-06 09:00", "2026-03-06 17:00"));
    expect(t.map((x) => [x.type, x.at.toISOString()])).toEqual([
      ["sponsor_batch_check", iso("2026-03-06 17:00")],
      ["post_event_thank_you", iso("2026-03-06 17:30")],
      ["event_pcr_request", iso("2026-03-06 18:00")],
      ["connection_summary", iso("2026-03-07 17:00")],
      ["feedback_request", iso("2026-03-08 10:00")],
    ]);
    expect(t.at(-1)!.at.toISOString()).toBe("2026-03-08T15:00:00.000Z");
  });

  it("puts 10:00 on the wall clock after the November change too, and uses the agenda's end", () => {
    const ev = { ...times("2026-10-30 09:00", "2026-10-30 17:00"), agenda: [{ type: "session", startsAt: local("2026-10-30 17:00", zone), endsAt: local("2026-10-30 18:15", zone) }] };
    const t = postEventTimes(ev);
    expect(t[0].at.toISOString()).toBe(iso("2026-10-30 18:15"));
    // DST ends Sunday 1 November: 10:00 CST = 16:00Z.
    expect(t.at(-1)!.at.toISOString()).toBe("2026-11-01T16:00:00.000Z");
  });

  it("plans attended-only messages for attendees only, and SMS out of quiet hours", () => {
    const ev = times("2026-06-19 12:00", "2026-06-19 20:45", "America/New_York");
    const now = local("2026-06-19 20:45", "America/New_York");
    const reach = { email: true, sms: true };
    const came = planPostEvent({ event: ev, attended: true, reach, now });
    const ny = (s: string) => iso(s, "America/New_York");
    const byType = Object.fromEntries(came.map((p) => [`${p.type}/${p.channel}`, p.scheduledFor.toISOString()]));
    expect(byType["sponsor_batch_check/sms"]).toBe(ny("2026-06-19 20:45"));
    expect(byType["post_event_thank_you/sms"]).toBe(ny("2026-06-20 08:00"));
    expect(byType["event_pcr_request/sms"]).toBe(ny("2026-06-20 08:00"));
    expect(byType["post_event_thank_you/email"]).toBe(ny("2026-06-19 21:15"));
    expect(byType["feedback_request/email"]).toBe(ny("2026-06-21 10:00"));
    expect(Object.keys(byType).sort()).toEqual([
      "connection_summary/email", "event_pcr_request/sms", "feedback_request/email", "feedback_request/sms",
      "post_event_thank_you/email", "post_event_thank_you/sms", "sponsor_batch_check/sms",
    ]);
    const missed = planPostEvent({ event: ev, attended: false, reach, now });
    expect(missed.map((p) => `${p.type}/${p.channel}`).sort()).toEqual(["post_event_thank_you/email", "post_event_thank_you/sms"]);
    expect(planPostEvent({ event: ev, attended: true, reach: { email: true, sms: false }, now }).every((p) => p.channel === "email")).toBe(true);
  });

  it("a late completion sends what is still useful now and drops what is not", () => {
    const ev = times("2026-12-10 09:00", "2026-12-10 17:00");
    const late = planPostEvent({ event: ev, attended: true, reach: { email: true, sms: true }, now: local("2026-12-10 20:30", zone) });
    const by = Object.fromEntries(late.map((p) => [`${p.type}/${p.channel}`, p.scheduledFor.toISOString()]));
    // Batch check (useful until 20:00) is gone; the +1 h rating (useful until 21:00) goes now.
    expect(by["sponsor_batch_check/sms"]).toBeUndefined();
    expect(by["event_pcr_request/sms"]).toBe(iso("2026-12-10 20:30"));
    expect(by["post_event_thank_you/email"]).toBe(iso("2026-12-10 20:30"));
    expect(by["connection_summary/email"]).toBe(iso("2026-12-11 17:00"));
  });
});

async function registered(eventSlug: string, email: string, extra: Record<string, unknown> = {}) {
  const res = await registerAttendee(h.db, { eventSlug, firstName: email.split("@")[0], lastName: "Test", email, phone: "+15125550100", smsConsent: true, ...extra } as never, {
    now: local("2026-12-01 09:00", zone),
  });
  if (!res.ok) throw new Error(res.error.message);
  await h.db.update(contractors).set({ ...completeProfile, phone: `+1512555${String(Math.floor(Math.random() * 9000) + 1000)}` }).where(eq(contractors.id, res.contractorId));
  return res;
}

async function postRows(attendeeId: string) {
  const rows = await h.db.select().from(eventMessages).where(eq(eventMessages.attendeeId, attendeeId));
  return rows
    .filter((r) => ["post_event_thank_you", "sponsor_batch_check", "event_pcr_request", "connection_summary", "feedback_request"].includes(r.type))
    .map((r) => `${r.type}/${r.channel}@${r.scheduledFor.toISOString()}`)
    .sort();
}

describe("completing an event", () => {
  it("waits for the end, completes once, and plans per attendee: attended vs no-show", async () => {
    const ev = await makeEvent(h.db, { start: "2026-12-10 09:00", end: "2026-12-10 17:00" });
    const came = await registered(ev.slug, "came@example.com");
    const missed = await registered(ev.slug, "missed@example.com");
    await h.db.update(eventAttendees).set({ checkInTime: local("2026-12-10 08:55", zone) }).where(eq(eventAttendees.id, came.attendeeId));

    expect(await completeEvent(h.db, ev.id, local("2026-12-10 16:59", zone))).toMatchObject({ status: "not-yet" });
    expect(await dueCompletions(h.db, local("2026-12-10 16:59", zone))).not.toContain(ev.id);
    expect(await dueCompletions(h.db, local("2026-12-10 17:00", zone))).toContain(ev.id);

    const done = await completeEvent(h.db, ev.id, local("2026-12-10 17:00", zone));
    expect(done).toMatchObject({ status: "completed", attendees: 2, messages: 9 });
    const [after] = await h.db.select().from(events).where(eq(events.id, ev.id));
    expect(after.status).toBe("completed");
    // The closed loop: completion re-fits the organizer's weights (too few outcomes here: recorded as such).
    const fits = await h.db.select().from(matcherWeights).where(eq(matcherWeights.organizer, (after.organizerEmail ?? "").trim().toLowerCase()));
    expect(fits.length).toBeGreaterThan(0);
    expect(fits.every((f) => f.fittedAt.getTime() === local("2026-12-10 17:00", zone).getTime())).toBe(true);

    expect(await postRows(came.attendeeId)).toEqual([
      `connection_summary/email@${iso("2026-12-11 17:00")}`,
      `event_pcr_request/sms@${iso("2026-12-10 18:00")}`,
      `feedback_request/email@${iso("2026-12-12 10:00")}`,
      `feedback_request/sms@${iso("2026-12-12 10:00")}`,
      `post_event_thank_you/email@${iso("2026-12-10 17:30")}`,
      `post_event_thank_you/sms@${iso("2026-12-10 17:30")}`,
      `sponsor_batch_check/sms@${iso("2026-12-10 17:00")}`,
    ]);
    expect(await postRows(missed.attendeeId)).toEqual([
      `post_event_thank_you/email@${iso("2026-12-10 17:30")}`,
      `post_event_thank_you/sms@${iso("2026-12-10 17:30")}`,
    ]);

    // Twice (a retried step, the local driver after Inngest): nothing more.
    expect(await completeEvent(h.db, ev.id, local("2026-12-10 17:05", zone))).toEqual({ status: "not-open", current: "completed" });
    const all = await h.db.select().from(eventMessages).where(eq(eventMessages.eventId, ev.id));
    expect(all.filter((m) => m.type === "post_event_thank_you")).toHaveLength(4);
  });

  it("does not complete drafts or cancelled events, and respects unsubscribes and SMS opt-outs", async () => {
    const draft = await makeEvent(h.db, { start: "2026-12-10 09:00", end: "2026-12-10 17:00", status: "draft" });
    expect(await completeEvent(h.db, draft.id, local("2026-12-11 09:00", zone))).toEqual({ status: "not-open", current: "draft" });
    const ev = await makeEvent(h.db, { start: "2026-12-10 09:00", end: "2026-12-10 17:00" });
    const a = await registered(ev.slug, "quiet@example.com");
    await h.db.update(eventAttendees).set({ checkInTime: local("2026-12-10 09:00", zone) }).where(eq(eventAttendees.id, a.attendeeId));
    await h.db.update(contractors).set({ emailUnsubscribedAt: local("2026-12-05 09:00", zone), smsOptedOutAt: local("2026-12-05 09:00", zone) }).where(eq(contractors.id, a.contractorId));
    expect(await completeEvent(h.db, ev.id, local("2026-12-10 17:00", zone))).toMatchObject({ status: "completed", messages: 0 });
  });

  it("reschedules its completion when the end moves (a fresh job id per end)", async () => {
    const sent: JobEvent[] = [];
    setJobEventSender(async (evs) => void sent.push(...evs));
    try {
      const ev = await makeEvent(h.db, { start: "2026-12-10 09:00", end: "2026-12-10 17:00" });
      await scheduleEventCompletion(h.db, ev.id);
      await h.db.update(events).set({ endsAt: local("2026-12-10 19:00", zone) }).where(eq(events.id, ev.id));
      await scheduleEventCompletion(h.db, ev.id);
      const mine = sent.filter((e) => e.name === "tpx/event.end-scheduled" && e.data.eventId === ev.id);
      expect(mine.map((e) => [e.id, (e.data as { endsAt: string }).endsAt])).toEqual([
        [`complete-${ev.id}-${local("2026-12-10 17:00", zone).getTime()}`, iso("2026-12-10 17:00")],
        [`complete-${ev.id}-${local("2026-12-10 19:00", zone).getTime()}`, iso("2026-12-10 19:00")],
      ]);
      expect(await completeEvent(h.db, ev.id, local("2026-12-10 17:00", zone))).toMatchObject({ status: "not-yet" });
    } finally {
      setJobEventSender(null);
    }
  });
});

describe("through the local driver", () => {
  it("completes at the end, sends the thank-you to the attendee and 'sorry we missed you' to the no-show, then the summary", async () => {
    const ev = await makeEvent(h.db, {
      start: "2026-12-15 09:00", end: "2026-12-15 17:00",
      agenda: [{ title: "Pricing for profit", start: "2026-12-15 10:00", end: "2026-12-15 11:00" }],
    });
    const came = await registered(ev.slug, "dana@example.com");
    const missed = await registered(ev.slug, "lee@example.com");
    const peer = await registered(ev.slug, "sam@example.com");
    for (const id of [came.attendeeId, peer.attendeeId]) await h.db.update(eventAttendees).set({ checkInTime: local("2026-12-15 08:50", zone) }).where(eq(eventAttendees.id, id));
    await h.db.update(contractors).set({ companyName: "Ng Plumbing", email: "sam@ng.example" }).where(eq(contractors.id, peer.contractorId));
    // What Dana did: a session scan, a booth visit, a peer who said yes to meeting her.
    const agenda = await h.db.query.eventAgendaItems.findMany({ where: (a, { eq: e }) => e(a.eventId, ev.id) });
    const [sponsor] = await h.db.insert(eventSponsors).values({ eventId: ev.id, key: "acme", name: "Acme Supply", boothNumber: "12" }).returning();
    const [a, b] = [came.attendeeId, peer.attendeeId].sort();
    await h.db.insert(peerMatches).values({ eventId: ev.id, attendeeAId: a, attendeeBId: b, score: 0.8, status: "accepted" });
    await h.db.insert(aiLearningEvents).values([
      { eventType: "recommendation_outcome", contractorId: came.contractorId, eventId: ev.id, outcome: "attended", context: { attendeeId: came.attendeeId, targetId: agenda[0].id } },
      { eventType: "recommendation_outcome", contractorId: came.contractorId, eventId: ev.id, outcome: "visited", context: { attendeeId: came.attendeeId, targetId: sponsor.id } },
      { eventType: "recommendation_outcome", contractorId: peer.contractorId, eventId: ev.id, outcome: "accepted", context: { attendeeId: peer.attendeeId, targetId: came.attendeeId } },
    ]);

    freeze(local("2026-12-15 17:31", zone));
    const driver = startLocalDriver({
      db: h.db, channels: { email: createDevEmailChannel(), sms: createDevSmsChannel() }, mode: "all", intervalMs: 60_000, backstopEveryMs: 0,
      extraWork: followupSweep(h.db, { daily: true }),
    });
    try {
      await driver.tick(); // the backstop pass completes the event
      await driver.tick(); // and the due rows go out
      const [after] = await h.db.select().from(events).where(eq(events.id, ev.id));
      expect(after.status).toBe("completed");
      const sent = async (attendeeId: string, type: string, channel: "email" | "sms") =>
        (await h.db.select().from(eventMessages).where(and(eq(eventMessages.attendeeId, attendeeId), eq(eventMessages.type, type as never), eq(eventMessages.channel, channel))))[0];
      const thanks = await sent(came.attendeeId, "post_event_thank_you", "sms");
      expect(thanks.status).toBe("sent");
      expect(thanks.renderedBody).toMatch(/^Thanks for coming to /);
      const sorry = await sent(missed.attendeeId, "post_event_thank_you", "email");
      expect(sorry.status).toBe("sent");
      expect(sorry.renderedSubject).toBe(`Sorry we missed you at ${ev.name}`);
      expect((await sent(came.attendeeId, "sponsor_batch_check", "sms")).status).toBe("sent");

      freeze(local("2026-12-16 17:01", zone));
      await driver.tick();
      const summary = await sent(came.attendeeId, "connection_summary", "email");
      expect(summary.status).toBe("sent");
      expect(summary.renderedBody).toContain("Pricing for profit");
      expect(summary.renderedBody).toContain("Acme Supply (booth 12)");
      // Sam said yes to meeting Dana: his contact is in Dana's summary.
      expect(summary.renderedBody).toContain("sam@ng.example");
      // Dana never said yes to Sam: her contact is not in his.
      const his = await sent(peer.attendeeId, "connection_summary", "email");
      expect(his.renderedBody).toContain("has not shared contact details");
      expect(his.renderedBody).not.toContain("dana@example.com");
      expect(await sent(missed.attendeeId, "connection_summary", "email")).toBeUndefined();
    } finally {
      await driver.stop();
    }
  });
});

describe("connection summaries for a claimed batch", () => {
  it("are each what the person's summary is alone, in a few queries for all of them", async () => {
    const ev = await makeEvent(h.db, {
      start: "2026-12-18 09:00", end: "2026-12-18 17:00",
      agenda: [
        { title: "Estimating in an hour", start: "2026-12-18 09:00", end: "2026-12-18 10:00" },
        { title: "Hiring your first crew", start: "2026-12-18 10:00", end: "2026-12-18 11:00" },
        { title: "Cash flow in winter", start: "2026-12-18 11:00", end: "2026-12-18 12:00" },
      ],
    });
    const [ana, ben, cy, dee, eve] = await Promise.all(["ana", "ben", "cy", "dee", "eve"].map((n) => registered(ev.slug, `${n}@summary.example`)));
    const agenda = (await h.db.query.eventAgendaItems.findMany({ where: (a, { eq: e }) => e(a.eventId, ev.id) })).sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());
    const [acme, bolt] = await h.db.insert(eventSponsors).values([
      { eventId: ev.id, key: "acme", name: "Acme Supply", boothNumber: "12" },
      { eventId: ev.id, key: "bolt", name: "Bolt Tools", boothNumber: "7" },
    ]).returning();
    const pair = (x: string, y: string) => [x, y].sort() as [string, string];
    // ana–ben: ben said yes (ana sees his contact; he does not see hers); ana–cy: met; ben–cy: nobody said yes (left out); dee–eve: eve said yes.
    const matches = [
      { p: pair(ana.attendeeId, ben.attendeeId), status: "accepted" as const },
      { p: pair(ana.attendeeId, cy.attendeeId), status: "met" as const },
      { p: pair(ben.attendeeId, cy.attendeeId), status: "accepted" as const },
      { p: pair(dee.attendeeId, eve.attendeeId), status: "accepted" as const },
    ];
    await h.db.insert(peerMatches).values(matches.map((m) => ({ eventId: ev.id, attendeeAId: m.p[0], attendeeBId: m.p[1], score: 0.7, status: m.status })));
    const outcome = (who: typeof ana, kind: string, targetId: string) => ({ eventType: "recommendation_outcome" as const, contractorId: who.contractorId, eventId: ev.id, outcome: kind, context: { attendeeId: who.attendeeId, targetId } });
    await h.db.insert(aiLearningEvents).values([
      outcome(ana, "attended", agenda[2].id), outcome(ana, "scanned_in", agenda[0].id), outcome(ana, "visited", acme.id), outcome(ana, "visited", bolt.id),
      outcome(ben, "accepted", ana.attendeeId), outcome(ben, "visited", bolt.id), outcome(ben, "visited", "not-a-uuid"),
      outcome(cy, "met", ana.attendeeId), outcome(eve, "accepted", dee.attendeeId), outcome(dee, "attended", agenda[1].id),
      // Ana also said yes to Eve, with no match between them: it shares nothing of Dee's with Eve.
      outcome(ana, "accepted", eve.attendeeId),
    ] as never);
    await h.db.insert(ratings).values([
      { eventId: ev.id, attendeeId: ben.attendeeId, subject: "session", subjectId: agenda[1].id, score: 4, source: "sms" },
      { eventId: ev.id, attendeeId: dee.attendeeId, subject: "session", subjectId: agenda[1].id, score: 5, source: "web" },
    ]);
    const people = [ana, ben, cy, dee, eve];
    const batch = await loadConnectionSummaries(h.db, ev.id, [...people.map((p) => p.attendeeId), ana.attendeeId]);
    expect(batch.size).toBe(5);
    const bySponsorName = (s: { name: string }[]) => [...s].sort((x, y) => x.name.localeCompare(y.name));
    for (const p of people) {
      const alone = await loadConnectionSummary(h.db, ev.id, p.attendeeId);
      const together = batch.get(p.attendeeId)!;
      expect({ ...together, sponsors: bySponsorName(together.sponsors) }).toEqual({ ...alone, sponsors: bySponsorName(alone.sponsors) });
    }
    const a = batch.get(ana.attendeeId)!;
    expect(a.sessions.map((s) => s.title)).toEqual(["Estimating in an hour", "Cash flow in winter"]);
    expect(bySponsorName(a.sponsors).map((s) => s.name)).toEqual(["Acme Supply", "Bolt Tools"]);
    expect(a.peers.map((p) => [p.name, p.shared])).toEqual(expect.arrayContaining([["ben Test", true], ["cy Test", true]]));
    expect(a.peers).toHaveLength(2);
    const b = batch.get(ben.attendeeId)!;
    expect(b.sessions).toEqual([expect.objectContaining({ title: "Hiring your first crew", rating: 4 })]);
    expect(b.sponsors.map((s) => s.name)).toEqual(["Bolt Tools"]);
    // Ana never said yes to Ben: he sees her name, not her contact; Ben–Cy nobody agreed to: not there.
    expect(b.peers).toEqual([expect.objectContaining({ name: "ana Test", shared: false, email: null, phone: null })]);
    expect(batch.get(cy.attendeeId)!.peers.map((p) => p.name)).toEqual(["ana Test"]);
    expect(batch.get(dee.attendeeId)!.peers).toEqual([expect.objectContaining({ name: "eve Test", shared: true, email: "eve@summary.example" })]);
    expect(batch.get(eve.attendeeId)!.peers).toEqual([expect.objectContaining({ name: "dee Test", shared: false })]);
    expect(await loadConnectionSummaries(h.db, ev.id, [])).toEqual(new Map());
  });

  it("a claimed batch's follow-up facts (feedback given, already registered, summaries) are each what the row alone reads", async () => {
    const ev = await makeEvent(h.db, { start: "2026-12-19 09:00", end: "2026-12-19 17:00" });
    const next = await makeEvent(h.db, { start: "2027-01-19 09:00", end: "2027-01-19 17:00" });
    const [gave, silent] = await Promise.all(["gave", "silent"].map((n) => registered(ev.slug, `${n}@facts.example`)));
    await h.db.insert(eventFeedback).values({ eventId: ev.id, attendeeId: gave.attendeeId, score: 9, source: "sms" });
    // Gave is already registered for the next event; Silent is not.
    await registered(next.slug, "gave@facts.example");
    const [template] = await h.db.select().from(eventMessages).where(eq(eventMessages.attendeeId, gave.attendeeId)).limit(1);
    const row = (id: string, type: Message["type"], who: typeof gave, eventId: string): Message => ({ ...template, id, type, eventId, attendeeId: who.attendeeId, contractorId: who.contractorId });
    const rows = [
      row(randomUUID(), "feedback_request", gave, ev.id),
      row(randomUUID(), "feedback_request", silent, ev.id),
      row(randomUUID(), "event_invitation", gave, next.id),
      row(randomUUID(), "event_invitation", silent, next.id),
      row(randomUUID(), "connection_summary", silent, ev.id),
      row(randomUUID(), "post_event_thank_you", gave, ev.id),
    ];
    const batch = await loadBatchContexts(h.db, rows);
    const facts = rows.map((r) => batch.get(r.id)?.followup);
    expect(facts).toEqual([
      { feedbackGiven: true },
      { feedbackGiven: false },
      { registered: true },
      { registered: false },
      { summary: { sessions: [], sponsors: [], peers: [] } },
      {},
    ]);
    for (const r of rows) expect((await loadSendContext(h.db, r))?.followup).toEqual(batch.get(r.id)?.followup);
  });
});
