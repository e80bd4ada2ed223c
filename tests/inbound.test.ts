import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { aiConversationMemory, aiLearningEvents, contractors, eventMessages, eventSpeakers, inboundMessages, peerMatches, ratings } from "@/db/schema";
import { freeze, resetClock } from "@/lib/clock";
import { handleInboundSms } from "@/lib/inbound/handle";
import { ATTENDANCE_CHECK_DELAY_MS } from "@/lib/inbound/peers";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";
import { introducedPair, makeSponsor, makeTexter, ratedSession, sentSms } from "./inbound-support";

/** The inbound pipeline on a real database: what each reply does to the data, and what it answers. */
const zone = "America/Chicago";
const AT = local("2026-12-10 12:40", zone);
let h: DbHandle;
let sid = 0;
const text = (from: string, body: string) => handleInboundSms(h.db, { sid: `SM${(++sid).toString(16).padStart(32, "0")}`, from, body }, { at: AT, model: null });
const replyOf = async (r: Awaited<ReturnType<typeof text>>) => {
  if (r.duplicate || !r.replyMessageId) return null;
  const [m] = await h.db.select().from(eventMessages).where(eq(eventMessages.id, r.replyMessageId));
  return m;
};

beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  resetClock();
  await h.close();
});
beforeEach(() => freeze(AT));

const event = () =>
  makeEvent(h.db, {
    start: "2026-12-10 09:00",
    end: "2026-12-10 17:00",
    agenda: [
      { type: "lunch", title: "Lunch", start: "2026-12-10 12:00", end: "2026-12-10 13:00" },
      { type: "session", title: "Hiring Crews", start: "2026-12-10 13:00", end: "2026-12-10 14:00" },
    ],
  });

describe("YES / NO to an introduction", () => {
  it("YES accepts the match, tells both people and plans the 20-minute check", async () => {
    const e = await event();
    const { a, b, match } = await introducedPair(h.db, e, new Date(AT.getTime() - 30 * 60_000));

    const r = await text(a.phone, "Yes please!");

    expect(r).toMatchObject({ duplicate: false, handledAs: "intro_accepted" });
    const [m] = await h.db.select().from(peerMatches).where(eq(peerMatches.id, match.id));
    expect(m.status).toBe("accepted");
    const aRows = await h.db.select().from(eventMessages).where(eq(eventMessages.attendeeId, a.attendee.id));
    const check = aRows.find((x) => x.type === "peer_match_attendance")!;
    expect(check.scheduledFor.getTime()).toBe(AT.getTime() + ATTENDANCE_CHECK_DELAY_MS);
    expect(check.personalization).toMatchObject({ peerAttendeeId: b.attendee.id, peerFirstName: "Dana" });
    expect((await replyOf(r))?.personalization.body).toMatch(/let Dana know/);
    const bReplies = await h.db.select().from(eventMessages).where(and(eq(eventMessages.attendeeId, b.attendee.id), eq(eventMessages.type, "sms_reply")));
    expect(bReplies.map((x) => x.personalization.body)).toEqual([expect.stringMatching(/^Ana from Acme Roofing said yes/)]);

    // The check's answer marks the pair met.
    await h.db.update(eventMessages).set({ status: "sent", actualSendTime: AT }).where(eq(eventMessages.id, check.id));
    const met = await text(a.phone, "yes we met");
    expect(met).toMatchObject({ handledAs: "peer_met" });
    expect((await h.db.select().from(peerMatches).where(eq(peerMatches.id, match.id)))[0].status).toBe("met");
  });

  it("NO declines; a second YES to the same intro finds nothing open", async () => {
    const e = await event();
    const { a, match } = await introducedPair(h.db, e, AT);
    expect(await text(a.phone, "no thanks")).toMatchObject({ handledAs: "intro_declined" });
    expect((await h.db.select().from(peerMatches).where(eq(peerMatches.id, match.id)))[0].status).toBe("declined");
    const again = await text(a.phone, "yes");
    expect(again).toMatchObject({ handledAs: "yes_without_prompt" });
  });

  it("'yes' with no open introduction is answered politely and changes nothing", async () => {
    const e = await event();
    const t = await makeTexter(h.db, e);
    const r = await text(t.phone, "YES");
    expect(r).toMatchObject({ handledAs: "yes_without_prompt" });
    expect((await replyOf(r))?.personalization.body).toMatch(/no introduction waiting/);
  });
});

describe("ratings", () => {
  it("'I'd give it a 4' rates the latest session and moves the speaker's PCR score", async () => {
    const e = await event();
    const t = await makeTexter(h.db, e);
    const { speaker } = await ratedSession(h.db, e, t, AT, 4);
    const r = await text(t.phone, "I'd give it a 4");
    expect(r).toMatchObject({ handledAs: "rating" });
    const [row] = await h.db.select().from(ratings).where(eq(ratings.attendeeId, t.attendee.id));
    expect(row).toMatchObject({ subject: "speaker", subjectId: speaker.id, score: 4, source: "sms", comment: null });

    const other = await makeTexter(h.db, e);
    const second = await ratedSession(h.db, e, other, AT, null);
    await text(other.phone, "1 - too much of a sales pitch");
    const [s2] = await h.db.select().from(eventSpeakers).where(eq(eventSpeakers.id, second.speaker.id));
    expect(s2.pcrScore).toBe(1);
    const [c] = await h.db.select().from(ratings).where(eq(ratings.attendeeId, other.attendee.id));
    expect(c.comment).toBe("too much of a sales pitch");
  });

  it("a 5 against an imported 4.0 moves it by 1/(prior + n), not to 5", async () => {
    const e = await event();
    const t = await makeTexter(h.db, e);
    const { speaker } = await ratedSession(h.db, e, t, AT, 4);
    await text(t.phone, "5/5");
    const [s] = await h.db.select().from(eventSpeakers).where(eq(eventSpeakers.id, speaker.id));
    expect(s.pcrScore).toBeCloseTo(4 + 1 / 6, 2);
  });

  it("refuses a rating from someone who never checked in, and answers one with no open request", async () => {
    const e = await event();
    const absent = await makeTexter(h.db, e, { checkedIn: false });
    await ratedSession(h.db, e, absent, AT);
    expect(await text(absent.phone, "5")).toMatchObject({ handledAs: "rating_refused" });
    expect(await h.db.select().from(ratings).where(eq(ratings.attendeeId, absent.attendee.id))).toHaveLength(0);

    const t = await makeTexter(h.db, e);
    const r = await text(t.phone, "5 stars");
    expect(r).toMatchObject({ handledAs: "rating_without_request" });
    expect((await replyOf(r))?.personalization.body).toMatch(/Thanks for the rating/);
  });
});

describe("a bundled rating request (two talks in one text)", () => {
  async function bundled() {
    const e = await event();
    const t = await makeTexter(h.db, e);
    const one = await ratedSession(h.db, e, t, new Date(AT.getTime() - 70 * 60_000), null);
    const two = await ratedSession(h.db, e, t, AT, null, 2);
    // The SMS budget's bundle row: the members' facts in order (lib/orchestration/budget-store.ts).
    await sentSms(h.db, t, "speaker_pcr_request", { ...two.request.personalization, members: [one.request.id, two.request.id], bundle: [one.request.personalization, two.request.personalization] }, AT, "bundle");
    return { t, one, two };
  }

  it("'A4 B5' rates each talk on its own speaker", async () => {
    const { t, one, two } = await bundled();
    const r = await text(t.phone, "A4 B5");
    expect(r).toMatchObject({ handledAs: "rating+rating" });
    const rows = await h.db.select().from(ratings).where(eq(ratings.attendeeId, t.attendee.id));
    expect(rows.map((x) => [x.subjectId, x.score]).sort()).toEqual([[one.speaker.id, 4], [two.speaker.id, 5]].sort());
  });

  it("'b 2, a 5 - second one ran long' and '3 and 4' map to the right talks, the comment to the last", async () => {
    const first = await bundled();
    await text(first.t.phone, "b 2, a 5 - second one ran long");
    const rows = await h.db.select().from(ratings).where(eq(ratings.attendeeId, first.t.attendee.id));
    const bySpeaker = Object.fromEntries(rows.map((x) => [x.subjectId, x]));
    expect(bySpeaker[first.one.speaker.id]).toMatchObject({ score: 5, comment: "second one ran long" });
    expect(bySpeaker[first.two.speaker.id]).toMatchObject({ score: 2, comment: null });

    const second = await bundled();
    await text(second.t.phone, "3 and 4");
    const rows2 = await h.db.select().from(ratings).where(eq(ratings.attendeeId, second.t.attendee.id));
    expect(Object.fromEntries(rows2.map((x) => [x.subjectId, x.score]))).toEqual({ [second.one.speaker.id]: 3, [second.two.speaker.id]: 4 });
  });

  it("a bare '5' to a bundle is asked back, not guessed; a 'C3' for a two-talk bundle is not recorded", async () => {
    const { t } = await bundled();
    const r = await text(t.phone, "5");
    expect(r).toMatchObject({ handledAs: "rating_ambiguous" });
    expect((await replyOf(r))?.personalization.body).toMatch(/Which talk was that for\? Reply like "A5 B4" \(A = Maria Lopez, B = Maria Lopez\)/);
    const c = await text(t.phone, "C3");
    expect(c).toMatchObject({ handledAs: "rating_missing" });
    expect((await replyOf(c))?.personalization.body).toBe("Thanks! There was no talk C in that text.");
    expect(await h.db.select().from(ratings).where(eq(ratings.attendeeId, t.attendee.id))).toHaveLength(0);
    // The request stayed open: the answer to the question back is recorded.
    expect(await text(t.phone, "A5 B4")).toMatchObject({ handledAs: "rating+rating" });
    expect(await h.db.select().from(ratings).where(eq(ratings.attendeeId, t.attendee.id))).toHaveLength(2);
  });
});

describe("booths, here, and the concierge without a model", () => {
  it("booth numbers after the batch check record visits", async () => {
    const e = await event();
    const t = await makeTexter(h.db, e);
    const acme = await makeSponsor(h.db, e, "Acme Supply", "105");
    await makeSponsor(h.db, e, "Bolt Finance", "102");
    await sentSms(h.db, t, "sponsor_batch_check", {}, AT);
    const r = await text(t.phone, "105 and 7");
    expect(r).toMatchObject({ handledAs: "booths" });
    expect((await replyOf(r))?.personalization.body).toBe("Thanks! Noted your visits: Acme Supply (105). We couldn't find booth 7.");
    const visits = await h.db.select().from(aiLearningEvents).where(and(eq(aiLearningEvents.contractorId, t.contractor.id), eq(aiLearningEvents.outcome, "visited")));
    expect(visits.map((v) => v.context.targetId)).toEqual([acme.id]);
  });

  it("'in the room' after a speaker alert marks the session attended", async () => {
    const e = await event();
    const t = await makeTexter(h.db, e);
    const { item } = await ratedSession(h.db, e, t, new Date(AT.getTime() + 60 * 60_000));
    await sentSms(h.db, t, "speaker_alert", { agendaItemId: item.id, title: item.title }, AT);
    // The rating request above was sent "later" in the fixture; the alert is the latest open prompt for "here".
    await h.db.update(eventMessages).set({ status: "cancelled" }).where(and(eq(eventMessages.attendeeId, t.attendee.id), eq(eventMessages.type, "speaker_pcr_request")));
    expect(await text(t.phone, "in the room")).toMatchObject({ handledAs: "attended" });
  });

  it("answers 'where is booth 105?' from the data and hands an unknown question to staff", async () => {
    const e = await event();
    const t = await makeTexter(h.db, e);
    await makeSponsor(h.db, e, "Acme Supply", "105");
    const r = await text(t.phone, "where is booth 105?");
    expect(r).toMatchObject({ handledAs: "concierge_template" });
    expect((await replyOf(r))?.personalization.body).toBe("Booth 105 is Acme Supply. Ask about: Free estimate.");

    const lunch = await text(t.phone, "when is lunch?");
    expect((await replyOf(lunch))?.personalization.body).toBe("Lunch is 12:00 PM CST to 1:00 PM CST.");

    const odd = await text(t.phone, "can my wife come to the dinner?");
    expect(odd).toMatchObject({ handledAs: "handoff" });
    const [row] = await h.db.select().from(inboundMessages).where(eq(inboundMessages.id, odd.duplicate ? "" : odd.inboundId));
    expect(row.needsStaff).toBe(true);
    const memory = await h.db.select().from(aiConversationMemory).where(eq(aiConversationMemory.contractorId, t.contractor.id));
    expect(memory.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant", "user", "assistant"]);
  });
});

describe("opt-out, opt-in, help", () => {
  it("STOP opts the number out and skips its pending SMS; START opts back in; HELP names the organizer", async () => {
    const e = await event();
    const t = await makeTexter(h.db, e);
    await h.db.insert(eventMessages).values({
      eventId: e.id, attendeeId: t.attendee.id, contractorId: t.contractor.id, type: "speaker_alert", channel: "sms", dedupeKey: "x", scheduledFor: AT,
    });
    const r = await text(t.phone, "please stop texting me");
    expect(r).toMatchObject({ handledAs: "opt_out", reply: null });
    const [c] = await h.db.select().from(contractors).where(eq(contractors.id, t.contractor.id));
    expect(c.smsOptedOutAt).not.toBeNull();
    const pending = await h.db.select().from(eventMessages).where(eq(eventMessages.attendeeId, t.attendee.id));
    expect(pending.map((m) => [m.status, m.statusReason])).toEqual([["skipped", "opted out of SMS"]]);

    expect(await text(t.phone, "stop by booth 12?")).toMatchObject({ handledAs: "concierge_template" });
    expect(await text(t.phone, "START")).toMatchObject({ handledAs: "opt_in" });
    expect((await h.db.select().from(contractors).where(eq(contractors.id, t.contractor.id)))[0].smsOptedOutAt).toBeNull();
    const help = await text(t.phone, "HELP");
    expect(help).toMatchObject({ handledAs: "help", reply: "Summit Team: team@summit.example. Text a question any time. Reply STOP to opt out." });
  });

  it("processes a MessageSid once", async () => {
    const e = await event();
    const t = await makeTexter(h.db, e);
    const sms = { sid: "SM" + "f".repeat(32), from: t.phone, body: "what's next?" };
    const first = await handleInboundSms(h.db, sms, { at: AT, model: null });
    const second = await handleInboundSms(h.db, sms, { at: AT, model: null });
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ duplicate: true });
    const replies = await h.db.select().from(eventMessages).where(and(eq(eventMessages.attendeeId, t.attendee.id), eq(eventMessages.type, "sms_reply")));
    expect(replies).toHaveLength(1);
  });

  it("an unknown number is stored and not answered", async () => {
    const r = await text("+15125559999", "hello?");
    expect(r).toMatchObject({ handledAs: "unknown_sender", reply: null });
  });
});

describe("who is texting", () => {
  it("several contractors on one phone: the one registered for the most recent event", async () => {
    const older = await makeEvent(h.db, { start: "2026-11-01 09:00", end: "2026-11-01 17:00" });
    const newer = await event();
    const a = await makeTexter(h.db, older);
    const b = await makeTexter(h.db, newer);
    await h.db.update(contractors).set({ phone: a.phone }).where(eq(contractors.id, b.contractor.id));
    // A third person on the number with no registration at all never wins.
    await h.db.insert(contractors).values({ email: `nobody-${a.phone}@example.com`, phone: a.phone });
    const r = await text(a.phone, "what's next?");
    const [row] = await h.db.select().from(inboundMessages).where(eq(inboundMessages.id, r.duplicate ? "" : r.inboundId));
    expect(row.attendeeId).toBe(b.attendee.id);
  });
});
