import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { aiLearningEvents, contractors, eventFeedback, type Attendee, type Contractor, type Event } from "@/db/schema";
import { getAttendeeByToken } from "@/lib/registration/profile";
import { eventEnd } from "@/lib/scheduling/event-times";
import { toEventTimes } from "@/lib/events/queries";

export type FeedbackState = "open" | "given" | "not_attended" | "not_over";

export type FeedbackPage = {
  state: FeedbackState;
  event: Event;
  attendee: Attendee;
  contractor: Contractor;
  given: { score: number; comment: string | null; at: Date } | null;
};

/**
 * The feedback form behind the attendee's token (SPEC §3 feedback_request): open once the
 * event is over, to people who checked in, until they have answered (by web or SMS).
 * null for a wrong token or slug, like every token page.
 */
export async function loadFeedbackPage(db: Db, slug: string, token: string, now: Date): Promise<FeedbackPage | null> {
  const found = await getAttendeeByToken(db, token);
  if (!found || found.event.slug !== slug) return null;
  const [given] = await db.select().from(eventFeedback).where(eq(eventFeedback.attendeeId, found.attendee.id));
  const over = found.event.status === "completed" || eventEnd(toEventTimes(found.event, found.agenda)).getTime() <= now.getTime();
  const state: FeedbackState = given ? "given" : !found.attendee.checkInTime ? "not_attended" : !over ? "not_over" : "open";
  return {
    state,
    event: found.event,
    attendee: found.attendee,
    contractor: found.contractor,
    given: given ? { score: given.score, comment: given.comment, at: given.createdAt } : null,
  };
}

export type FeedbackResult = { ok: true } | { ok: false; code: "already_given" | "not_attended" | "not_over"; message: string };

/**
 * Records the one answer of a registration. The unique key on the attendee is the claim:
 * a second submission (a double click, another tab, an SMS after the form) changes nothing.
 */
export async function submitFeedback(
  db: Db,
  who: { eventId: string; attendeeId: string; contractorId: string },
  answer: { score: number; comment: string | null; source: "web" | "sms" },
  now: Date,
): Promise<FeedbackResult> {
  const [row] = await db
    .insert(eventFeedback)
    .values({ eventId: who.eventId, attendeeId: who.attendeeId, score: answer.score, comment: answer.comment, source: answer.source, createdAt: now })
    .onConflictDoNothing({ target: eventFeedback.attendeeId })
    .returning({ id: eventFeedback.id });
  if (!row) return { ok: false, code: "already_given", message: "You have already sent your feedback for this event. Thank you!" };
  await db.update(contractors).set({ lastInteractionAt: now }).where(eq(contractors.id, who.contractorId));
  // An engagement signal like every reply (SPEC §5.5); the closed loop reads ai_learning_events.
  await db.insert(aiLearningEvents).values({
    eventType: "feedback_given",
    contractorId: who.contractorId,
    eventId: who.eventId,
    action: "feedback",
    outcome: "rated",
    successScore: answer.score / 5,
    context: { attendeeId: who.attendeeId, score: answer.score, source: answer.source },
  });
  return { ok: true };
}

/** The web form's submission: checks the token's state first, so the answer says why it was refused. */
export async function submitFeedbackByToken(
  db: Db,
  slug: string,
  token: string,
  answer: { score: number; comment: string | null },
  now: Date,
): Promise<FeedbackResult | null> {
  const page = await loadFeedbackPage(db, slug, token, now);
  if (!page) return null;
  if (page.state === "given") return { ok: false, code: "already_given", message: "You have already sent your feedback for this event. Thank you!" };
  if (page.state === "not_attended") return { ok: false, code: "not_attended", message: "Feedback is open to attendees who checked in." };
  if (page.state === "not_over") return { ok: false, code: "not_over", message: "Feedback opens when the event is over." };
  return submitFeedback(db, { eventId: page.event.id, attendeeId: page.attendee.id, contractorId: page.contractor.id }, { ...answer, source: "web" }, now);
}

