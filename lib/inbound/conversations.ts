import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  aiConversationMemory, aiLearningEvents, contractors, eventAttendees, eventMessages, eventSpeakers, inboundMessages, peerMatches, ratings,
} from "@/db/schema";
import { handleInboundSms, type InboundResult } from "./handle";
import { dispatchReplies, queueReply } from "./replies";
import { senderForAttendee } from "./sender";

/**
 * The console's side of two-way SMS: one attendee's conversation (what they texted,
 * every SMS we sent or planned them, their matches and ratings), the inbox of questions
 * handed to staff, a staff reply (an outbox row like any other), and the dev simulator.
 */
export async function getConversation(db: Db, eventId: string, attendeeId: string) {
  const who = await senderForAttendee(db, attendeeId);
  if (!who?.attendee || who.event?.id !== eventId) return null;
  const [inbound, outbound, matches, given] = await Promise.all([
    db.select().from(inboundMessages).where(eq(inboundMessages.attendeeId, attendeeId)).orderBy(asc(inboundMessages.receivedAt)).limit(500),
    db
      .select()
      .from(eventMessages)
      .where(and(eq(eventMessages.attendeeId, attendeeId), eq(eventMessages.channel, "sms")))
      .orderBy(asc(sql`coalesce(${eventMessages.actualSendTime}, ${eventMessages.scheduledFor})`))
      .limit(500),
    db.select().from(peerMatches).where(or(eq(peerMatches.attendeeAId, attendeeId), eq(peerMatches.attendeeBId, attendeeId))),
    db.select().from(ratings).where(eq(ratings.attendeeId, attendeeId)).orderBy(desc(ratings.createdAt)),
  ]);
  const peerIds = matches.map((m) => (m.attendeeAId === attendeeId ? m.attendeeBId : m.attendeeAId));
  const speakerIds = given.filter((r) => r.subject === "speaker" && r.subjectId).map((r) => r.subjectId!);
  const [peers, speakers] = await Promise.all([
    peerIds.length
      ? db
          .select({ id: eventAttendees.id, firstName: contractors.firstName, lastName: contractors.lastName, company: contractors.companyName })
          .from(eventAttendees)
          .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
          .where(inArray(eventAttendees.id, peerIds))
      : [],
    speakerIds.length ? db.select().from(eventSpeakers).where(inArray(eventSpeakers.id, speakerIds)) : [],
  ]);
  const timeline = [
    ...inbound.map((m) => ({ kind: "in" as const, id: m.id, at: m.receivedAt, seq: m.createdAt.getTime(), text: m.body, handledAs: m.handledAs, needsStaff: m.needsStaff && !m.resolvedAt })),
    ...outbound.map((m) => ({
      kind: "out" as const, id: m.id, at: m.actualSendTime ?? m.scheduledFor, seq: m.createdAt.getTime(), type: m.type, status: m.status, statusReason: m.statusReason,
      text: m.renderedBody ?? (typeof m.personalization.body === "string" ? m.personalization.body : null),
      author: typeof m.personalization.author === "string" ? m.personalization.author : null,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
  return {
    event: who.event,
    attendee: who.attendee,
    contractor: who.contractor,
    timeline,
    matches: matches.map((m) => {
      const peerId = m.attendeeAId === attendeeId ? m.attendeeBId : m.attendeeAId;
      const p = peers.find((x) => x.id === peerId);
      return { id: m.id, status: m.status, peerName: p ? [p.firstName, p.lastName].filter(Boolean).join(" ") : "—", peerCompany: p?.company ?? null };
    }),
    ratings: given.map((r) => {
      const s = speakers.find((x) => x.id === r.subjectId);
      return { id: r.id, subject: r.subject, name: s?.name ?? (r.subject === "event" ? who.event!.name : r.subject), score: r.score, comment: r.comment, pcrScore: s?.pcrScore ?? null, at: r.createdAt };
    }),
  };
}

export type Conversation = NonNullable<Awaited<ReturnType<typeof getConversation>>>;

/** Questions the concierge handed to staff, oldest first, and everyone who has texted. */
export async function getInbox(db: Db, eventId: string) {
  const people = db
    .select({ attendeeId: eventAttendees.id, firstName: contractors.firstName, lastName: contractors.lastName, email: contractors.email })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .where(and(eq(eventAttendees.eventId, eventId), isNull(eventAttendees.cancelledAt)))
    .orderBy(asc(contractors.lastName), asc(contractors.firstName));
  const open = db
    .select({ id: inboundMessages.id, attendeeId: inboundMessages.attendeeId, body: inboundMessages.body, receivedAt: inboundMessages.receivedAt })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.eventId, eventId), eq(inboundMessages.needsStaff, true), isNull(inboundMessages.resolvedAt)))
    .orderBy(asc(inboundMessages.receivedAt))
    .limit(500);
  const counts = db
    .select({ attendeeId: inboundMessages.attendeeId, n: sql<number>`count(*)::int`, last: sql<Date>`max(${inboundMessages.receivedAt})` })
    .from(inboundMessages)
    .where(eq(inboundMessages.eventId, eventId))
    .groupBy(inboundMessages.attendeeId);
  const [all, handoffs, texted] = await Promise.all([people, open, counts]);
  const name = (id: string | null) => {
    const p = all.find((x) => x.attendeeId === id);
    return p ? [p.firstName, p.lastName].filter(Boolean).join(" ") || p.email : "Unknown";
  };
  return {
    handoffs: handoffs.map((h) => ({ ...h, name: name(h.attendeeId) })),
    attendees: all.map((p) => ({
      attendeeId: p.attendeeId, name: [p.firstName, p.lastName].filter(Boolean).join(" ") || p.email,
      texts: texted.find((t) => t.attendeeId === p.attendeeId)?.n ?? 0,
    })),
  };
}

/** "Reply as staff": an outbox row sent now; the person's open handoffs are resolved by it. */
export async function replyAsStaff(db: Db, input: { eventId: string; attendeeId: string; body: string; userId: string; at: Date }) {
  const who = await senderForAttendee(db, input.attendeeId);
  if (!who?.attendee || who.event?.id !== input.eventId) return { ok: false as const, message: "No such attendee." };
  // A reply answers someone who texted us, or goes to someone who agreed to texts; never a cold text.
  const [texted] = await db.select({ id: inboundMessages.id }).from(inboundMessages).where(eq(inboundMessages.contractorId, who.contractor.id)).limit(1);
  if (!texted && !who.contractor.smsOptIn) return { ok: false as const, message: "This attendee has not agreed to texts and has not texted us." };
  const owner = { eventId: input.eventId, attendeeId: input.attendeeId, contractorId: who.contractor.id };
  const row = await queueReply(db, owner, input.body, input.at, { author: "staff", staffUserId: input.userId });
  await db
    .update(inboundMessages)
    .set({ resolvedAt: input.at, resolvedBy: input.userId })
    .where(and(eq(inboundMessages.attendeeId, input.attendeeId), eq(inboundMessages.needsStaff, true), isNull(inboundMessages.resolvedAt)));
  await db.insert(aiConversationMemory).values({ contractorId: who.contractor.id, eventId: input.eventId, role: "staff", channel: "sms", content: row.body, createdAt: input.at });
  await db.insert(aiLearningEvents).values({
    eventType: "sms_exchange", contractorId: who.contractor.id, eventId: input.eventId, action: "staff_reply", outcome: "answered",
    context: { attendeeId: input.attendeeId, reply: row.body, staffUserId: input.userId },
  });
  await dispatchReplies([row]);
  return { ok: true as const, row };
}

/** Development only (the caller checks devToolsEnabled): the same pipeline, no signature, a synthetic sid. */
export async function simulateInbound(db: Db, eventId: string, attendeeId: string, body: string, at: Date): Promise<InboundResult | null> {
  const who = await senderForAttendee(db, attendeeId);
  if (!who?.contractor.phone || who.event?.id !== eventId) return null;
  return handleInboundSms(db, { sid: `sim-${randomUUID()}`, from: who.contractor.phone, body }, { at, senderOverride: who });
}
