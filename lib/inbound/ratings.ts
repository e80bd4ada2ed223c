import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { aiLearningEvents, eventAgendaItems, eventSpeakers, eventSponsors, ratings, recommendations } from "@/db/schema";
import { submitFeedback } from "@/lib/followup/feedback";
import { recordOutcome } from "./engagement";
import type { Handled } from "./peers";
import type { Prompt } from "./prompts";
import type { Sender } from "./sender";

type Known = Sender & { attendee: NonNullable<Sender["attendee"]>; event: NonNullable<Sender["event"]> };

/**
 * The imported PCR score counts as this many ratings (docs/decisions/0142): one early
 * 1-star reply must not sink a speaker with a good record, and many replies win.
 */
export const PCR_PRIOR_WEIGHT = 5;

type Facts = Record<string, unknown>;

/** The talks of a bundled rating request (two or more in one text), or null for a single one. */
export function bundleOf(prompt: Prompt | undefined): Facts[] | null {
  if (!prompt || prompt.expecting !== "rating") return null;
  const b = (prompt.message.personalization as { bundle?: unknown }).bundle;
  return Array.isArray(b) && b.length > 1 ? (b as Facts[]) : null;
}

const letter = (i: number) => String.fromCharCode(65 + i);

/**
 * A 1–5 answer to the latest open rating request (SPEC §6), from someone who was there.
 * For a bundled request, `member` says which talk ("A4 B5"); a bare score to a bundle
 * is ambiguous and is asked back rather than guessed.
 */
export async function recordRating(
  db: Db,
  s: Known,
  prompt: Prompt,
  rating: { score: number; comment?: string; member?: number },
  at: Date,
): Promise<Handled> {
  const { score, comment } = rating;
  if (!s.attendee.checkInTime) {
    return { handledAs: "rating_refused", reply: "Thanks! Ratings are open to attendees who checked in, so we couldn't record this one.", outbox: [] };
  }
  if (prompt.message.type === "feedback_request") {
    // The post-event feedback, answered by SMS instead of the form (lib/followup): once per registration.
    const who = { eventId: s.event.id, attendeeId: s.attendee.id, contractorId: s.contractor.id };
    const saved = await submitFeedback(db, who, { score, comment: comment ?? null, source: "sms" }, at);
    if (!saved.ok) return { handledAs: "feedback_repeat", reply: "Thanks! We already have your feedback for this event.", outbox: [] };
    return { handledAs: "feedback", reply: `Thanks for your feedback on ${s.event.name}: ${score}/5!`, outbox: [] };
  }
  const bundle = bundleOf(prompt);
  if (bundle && rating.member === undefined) {
    const names = bundle.map((d, i) => `${letter(i)} = ${String(d.speakerName || d.title || "a session")}`).join(", ");
    const example = bundle.map((_, i) => `${letter(i)}${i === 0 ? score : "4"}`).join(" ");
    return { handledAs: "rating_ambiguous", reply: `Thanks! Which talk was that for? Reply like "${example}" (${names}).`, outbox: [] };
  }
  if (!bundle && (rating.member ?? 0) > 0) {
    return { handledAs: "rating_missing", reply: "Thanks! That request was for one talk only.", outbox: [] };
  }
  const p: Facts = bundle ? (bundle[rating.member!] ?? {}) : prompt.message.personalization;
  if (bundle && !bundle[rating.member!]) {
    return { handledAs: "rating_missing", reply: `Thanks! There was no talk ${letter(rating.member!)} in that text.`, outbox: [] };
  }
  if (prompt.message.type === "event_pcr_request") {
    await db.insert(ratings).values({ eventId: s.event.id, attendeeId: s.attendee.id, subject: "event", subjectId: s.event.id, score, comment: comment ?? null, source: "sms" });
    await logRating(db, s, { kind: null, targetId: s.event.id, score, comment, at });
    return { handledAs: "rating", reply: `Thanks for rating ${s.event.name} ${score}/5!`, outbox: [] };
  }
  const agendaItemId = String(p.agendaItemId ?? "");
  const [item] = await db.select().from(eventAgendaItems).where(eq(eventAgendaItems.id, agendaItemId));
  if (!item) return { handledAs: "rating_missing", reply: "Thanks! We couldn't find that session any more.", outbox: [] };
  // A session is rated by people it was recommended to (who got this request) or who were scanned in.
  const [rec] = await db
    .select({ id: recommendations.id })
    .from(recommendations)
    .where(and(eq(recommendations.attendeeId, s.attendee.id), eq(recommendations.kind, "speaker"), eq(recommendations.targetId, item.id)));
  const attended = await attendedSession(db, s.attendee.id, item.id);
  if (!rec && !attended) {
    return { handledAs: "rating_refused", reply: "Thanks! We can only record ratings for sessions on your plan or that you were scanned into.", outbox: [] };
  }
  const subject = item.speakerId ? ("speaker" as const) : ("session" as const);
  const subjectId = item.speakerId ?? item.id;
  await db.insert(ratings).values({ eventId: s.event.id, attendeeId: s.attendee.id, subject, subjectId, score, comment: comment ?? null, source: "sms" });
  if (item.speakerId) await updatePcrScore(db, "speaker", item.speakerId, score);
  await logRating(db, s, { kind: "speaker", targetId: item.id, score, comment, at, speakerId: item.speakerId });
  const what = typeof p.speakerName === "string" && p.speakerName ? `${p.speakerName}'s session` : `"${item.title}"`;
  return { handledAs: "rating", reply: `Thanks! Your ${score}/5 for ${what} is in.`, outbox: [] };
}

/**
 * PCR score = a running Bayesian average: the current score moves toward each new rating
 * by 1/(prior weight + ratings so far). Without an imported score the first rating sets it.
 */
export async function updatePcrScore(db: Db, subject: "speaker" | "sponsor", id: string, score: number): Promise<void> {
  const table = subject === "speaker" ? eventSpeakers : eventSponsors;
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ratings)
    .where(and(eq(ratings.subject, subject), eq(ratings.subjectId, id)));
  const [current] = await db.select({ pcr: table.pcrScore }).from(table).where(eq(table.id, id));
  if (!current) return;
  const next = current.pcr === null ? score : current.pcr + (score - current.pcr) / (PCR_PRIOR_WEIGHT + n);
  await db
    .update(table)
    .set({ pcrScore: Math.round(next * 100) / 100 })
    .where(eq(table.id, id));
}

/** Scanned into a session: the check-in desk records it as a learning event (lib/checkin owns the scan). */
async function attendedSession(db: Db, attendeeId: string, agendaItemId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(aiLearningEvents)
    .where(
      and(
        sql`${aiLearningEvents.context}->>'attendeeId' = ${attendeeId}`,
        sql`${aiLearningEvents.context}->>'targetId' = ${agendaItemId}`,
        inArray(aiLearningEvents.outcome, ["attended", "scanned_in"]),
      ),
    );
  return (row?.n ?? 0) > 0;
}

async function logRating(
  db: Db,
  s: Known,
  r: { kind: "speaker" | null; targetId: string; score: number; comment?: string; at: Date; speakerId?: string | null },
): Promise<void> {
  await recordOutcome(db, {
    eventId: s.event.id, contractorId: s.contractor.id, attendeeId: s.attendee.id, kind: r.kind ?? "speaker", targetId: r.targetId,
    outcome: "rated", successScore: r.score / 5, at: r.at, context: { score: r.score, comment: r.comment ?? null, speakerId: r.speakerId ?? null, subject: r.kind ?? "event" },
  });
}

