import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { aiLearningEvents, eventAgendaItems, eventAttendees, eventFeedback, eventMessages, eventSpeakers, eventSponsors, ratings } from "@/db/schema";

/** One row of the console's ratings page: how many were asked, how many answered, the average. */
export type RatingRow = { id: string; name: string; detail: string | null; asked: number; ratings: number; average: number | null; responseRate: number | null };
export type FeedbackReport = {
  sessions: RatingRow[];
  speakers: RatingRow[];
  sponsors: RatingRow[];
  event: RatingRow;
  feedback: RatingRow & { comments: Array<{ score: number; comment: string; at: Date }> };
};

const RATED_TYPES = ["session", "keynote", "panel"] as const;

function row(id: string, name: string, detail: string | null, asked: number, scores: number[]): RatingRow {
  const n = scores.length;
  return {
    id,
    name,
    detail,
    asked,
    ratings: n,
    average: n ? Math.round((scores.reduce((a, b) => a + b, 0) / n) * 10) / 10 : null,
    responseRate: asked ? Math.min(1, n / asked) : null,
  };
}

/**
 * Issue 11: ratings and feedback per session, speaker, sponsor and the event, with
 * response rates. "Asked" is what was actually sent: the rating requests (per session,
 * so per speaker), the event rating requests, the feedback requests (per person); for a
 * sponsor, the attendees who said they visited its booth.
 */
export async function loadFeedbackReport(db: Db, eventId: string): Promise<FeedbackReport> {
  const [items, speakers, sponsors, allRatings, sentRequests, visits, feedback, checkedIn] = await Promise.all([
    db
      .select()
      .from(eventAgendaItems)
      .where(and(eq(eventAgendaItems.eventId, eventId), inArray(eventAgendaItems.type, [...RATED_TYPES]), isNull(eventAgendaItems.cancelledAt))),
    db.select().from(eventSpeakers).where(eq(eventSpeakers.eventId, eventId)),
    db.select().from(eventSponsors).where(eq(eventSponsors.eventId, eventId)),
    db.select().from(ratings).where(eq(ratings.eventId, eventId)),
    db
      .select({ type: eventMessages.type, attendeeId: eventMessages.attendeeId, itemId: sql<string | null>`${eventMessages.personalization}->>'agendaItemId'` })
      .from(eventMessages)
      .where(
        and(
          eq(eventMessages.eventId, eventId),
          eq(eventMessages.status, "sent"),
          inArray(eventMessages.type, ["speaker_pcr_request", "event_pcr_request", "feedback_request"]),
        ),
      ),
    db
      .select({ sponsorId: sql<string>`${aiLearningEvents.context}->>'targetId'`, attendeeId: sql<string>`${aiLearningEvents.context}->>'attendeeId'` })
      .from(aiLearningEvents)
      .where(and(eq(aiLearningEvents.eventId, eventId), eq(aiLearningEvents.outcome, "visited"))),
    db.select().from(eventFeedback).where(eq(eventFeedback.eventId, eventId)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(eventAttendees)
      .where(and(eq(eventAttendees.eventId, eventId), isNotNull(eventAttendees.checkInTime), isNull(eventAttendees.cancelledAt))),
  ]);
  const scoresOf = (subject: string, id: string | null) => allRatings.filter((r) => r.subject === subject && r.subjectId === id).map((r) => r.score);
  const askedFor = (itemId: string) => new Set(sentRequests.filter((m) => m.type === "speaker_pcr_request" && m.itemId === itemId).map((m) => m.attendeeId)).size;
  const itemsBySpeaker = new Map<string, string[]>();
  for (const i of items) if (i.speakerId) itemsBySpeaker.set(i.speakerId, [...(itemsBySpeaker.get(i.speakerId) ?? []), i.id]);
  const speakerName = new Map(speakers.map((s) => [s.id, s.name]));

  const sessionRows = items
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((i) => {
      // An SMS rating of a speaker's session is stored on the speaker: it is this session's when the speaker has only this one.
      const own = scoresOf("session", i.id);
      const viaSpeaker = i.speakerId && itemsBySpeaker.get(i.speakerId)?.length === 1 ? scoresOf("speaker", i.speakerId) : [];
      return row(i.id, i.title, i.speakerId ? (speakerName.get(i.speakerId) ?? null) : null, askedFor(i.id), [...own, ...viaSpeaker]);
    });
  const speakerRows = speakers.map((s) =>
    row(s.id, s.name, s.company, (itemsBySpeaker.get(s.id) ?? []).reduce((n, id) => n + askedFor(id), 0), scoresOf("speaker", s.id)),
  );
  const sponsorRows = sponsors
    .filter((s) => !s.removedAt)
    .map((s) =>
      row(s.id, s.name, s.boothNumber ? `Booth ${s.boothNumber}` : null, new Set(visits.filter((v) => v.sponsorId === s.id).map((v) => v.attendeeId)).size, scoresOf("sponsor", s.id)),
    );
  const eventAsked = new Set(sentRequests.filter((m) => m.type === "event_pcr_request").map((m) => m.attendeeId)).size;
  const feedbackAsked = new Set(sentRequests.filter((m) => m.type === "feedback_request").map((m) => m.attendeeId)).size;
  const fb = row("feedback", "Post-event feedback", `${checkedIn[0]?.n ?? 0} checked in`, feedbackAsked, feedback.map((f) => f.score));
  return {
    sessions: sessionRows,
    speakers: speakerRows,
    sponsors: sponsorRows,
    event: row(eventId, "Event rating (SMS after the event)", null, eventAsked, allRatings.filter((r) => r.subject === "event").map((r) => r.score)),
    feedback: {
      ...fb,
      comments: feedback
        .filter((f) => f.comment)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .map((f) => ({ score: f.score, comment: f.comment!, at: f.createdAt })),
    },
  };
}
