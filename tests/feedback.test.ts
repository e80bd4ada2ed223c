import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventFeedback, ratings } from "@/db/schema";
import { resetClock } from "@/lib/clock";
import { loadFeedbackPage, submitFeedbackByToken } from "@/lib/followup/feedback";
import { loadFeedbackReport } from "@/lib/followup/report";
import { handleInboundSms } from "@/lib/inbound/handle";
import { decideAtSend } from "@/lib/messaging/skip-rules";
import { loadSendContext } from "@/lib/messaging/send-context";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";
import { makeTexter, sentSms } from "./inbound-support";

const zone = "America/Chicago";
const AFTER = local("2026-12-12 10:05", zone);
let h: DbHandle;
let sid = 0;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  resetClock();
  await h.close();
});

const event = () => makeEvent(h.db, { start: "2026-12-10 09:00", end: "2026-12-10 17:00" });

describe("the feedback form (lib/followup/feedback)", () => {
  it("opens after the end to who checked in, takes one answer, and refuses a second with a message", async () => {
    const e = await event();
    const t = await makeTexter(h.db, e);
    const before = await loadFeedbackPage(h.db, e.slug, t.attendee.accessToken, local("2026-12-10 16:00", zone));
    expect(before?.state).toBe("not_over");
    expect((await loadFeedbackPage(h.db, e.slug, t.attendee.accessToken, AFTER))?.state).toBe("open");
    expect(await loadFeedbackPage(h.db, "another-event", t.attendee.accessToken, AFTER)).toBeNull();

    expect(await submitFeedbackByToken(h.db, e.slug, t.attendee.accessToken, { score: 4, comment: "Great lunch" }, AFTER)).toEqual({ ok: true });
    const again = await submitFeedbackByToken(h.db, e.slug, t.attendee.accessToken, { score: 1, comment: null }, AFTER);
    expect(again).toEqual({ ok: false, code: "already_given", message: "You have already sent your feedback for this event. Thank you!" });
    const rows = await h.db.select().from(eventFeedback).where(eq(eventFeedback.attendeeId, t.attendee.id));
    expect(rows.map((r) => [r.score, r.comment, r.source])).toEqual([[4, "Great lunch", "web"]]);
    expect((await loadFeedbackPage(h.db, e.slug, t.attendee.accessToken, AFTER))?.state).toBe("given");
  });

  it("is closed to a no-show", async () => {
    const e = await event();
    const t = await makeTexter(h.db, e, { checkedIn: false });
    expect((await loadFeedbackPage(h.db, e.slug, t.attendee.accessToken, AFTER))?.state).toBe("not_attended");
    expect(await submitFeedbackByToken(h.db, e.slug, t.attendee.accessToken, { score: 5, comment: null }, AFTER)).toMatchObject({ ok: false, code: "not_attended" });
  });

  it("answers by SMS: a 1–5 reply to the feedback request is the feedback, once; then the request is skipped at send", async () => {
    const e = await event();
    const t = await makeTexter(h.db, e);
    const request = await sentSms(h.db, t, "feedback_request", {}, local("2026-12-12 10:00", zone));
    const text = (body: string) => handleInboundSms(h.db, { sid: `SM${(++sid).toString(16).padStart(32, "f")}`, from: t.phone, body }, { at: AFTER, model: null });
    expect(await text("I'd give it a 5, loved the panel")).toMatchObject({ handledAs: "feedback" });
    const rows = await h.db.select().from(eventFeedback).where(eq(eventFeedback.attendeeId, t.attendee.id));
    expect(rows.map((r) => [r.score, r.source])).toEqual([[5, "sms"]]);
    expect(await h.db.select().from(ratings).where(eq(ratings.attendeeId, t.attendee.id))).toEqual([]);
    // The same request's email twin, not sent yet, is now skipped: feedback given.
    const ctx = await loadSendContext(h.db, { ...request, type: "feedback_request" });
    expect(decideAtSend({ type: "feedback_request", channel: "email", scheduledFor: request.scheduledFor }, ctx!, AFTER)).toEqual({ action: "skip", reason: "feedback given" });
  });
});

describe("the ratings console report", () => {
  it("averages per subject and divides by what was asked", async () => {
    const e = await event();
    const [a, b, c] = [await makeTexter(h.db, e), await makeTexter(h.db, e), await makeTexter(h.db, e)];
    for (const t of [a, b, c]) await sentSms(h.db, t, "event_pcr_request", {}, local("2026-12-10 18:00", zone));
    for (const [t, score] of [[a, 5], [b, 3]] as const) {
      await h.db.insert(ratings).values({ eventId: e.id, attendeeId: t.attendee.id, subject: "event", subjectId: e.id, score, source: "sms" });
    }
    await submitFeedbackByToken(h.db, e.slug, a.attendee.accessToken, { score: 4, comment: "More coffee" }, AFTER);
    const report = await loadFeedbackReport(h.db, e.id);
    expect(report.event).toMatchObject({ asked: 3, ratings: 2, average: 4 });
    expect(report.event.responseRate).toBeCloseTo(2 / 3);
    expect(report.feedback).toMatchObject({ ratings: 1, average: 4, detail: "3 checked in" });
    expect(report.feedback.comments.map((x) => x.comment)).toEqual(["More coffee"]);
  });
});
