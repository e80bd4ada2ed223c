import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventAgendaItems, eventMessages, inboundMessages, peerMatches, type Message, type MessageType } from "@/db/schema";
import type { Expecting } from "./intents";

/**
 * What the attendee was asked and has not answered yet: the SMS that invite a reply
 * (an introduction, the "did you meet" check, a rating request, the batch check, a
 * session alert). A prompt is answered once: the inbound row that answered it points
 * at it. The most recent open prompt decides what a bare "5" or "yes" means.
 */
const PROMPT_TYPES = [
  "peer_introduction",
  "peer_match_attendance",
  "speaker_pcr_request",
  "event_pcr_request",
  "sponsor_batch_check",
  "speaker_alert",
  "feedback_request",
] as const satisfies readonly MessageType[];

/** A rating request or check older than this is closed: the moment has passed. */
const OPEN_FOR_MS = 24 * 60 * 60_000;
/** "here" counts until a little after the session ends. */
const ALERT_GRACE_MS = 15 * 60_000;

export type Prompt = { message: Message; expecting: Exclude<Expecting, null> };

const EXPECTS: Record<(typeof PROMPT_TYPES)[number], Exclude<Expecting, null>> = {
  peer_introduction: "intro",
  peer_match_attendance: "attendance",
  speaker_pcr_request: "rating",
  event_pcr_request: "rating",
  sponsor_batch_check: "booths",
  speaker_alert: "alert",
  feedback_request: "rating",
};

export async function openPrompts(db: Db, attendeeId: string, at: Date): Promise<Prompt[]> {
  const sent = await db
    .select()
    .from(eventMessages)
    .where(
      and(
        eq(eventMessages.attendeeId, attendeeId),
        eq(eventMessages.channel, "sms"),
        eq(eventMessages.status, "sent"),
        inArray(eventMessages.type, [...PROMPT_TYPES]),
      ),
    )
    .orderBy(desc(eventMessages.actualSendTime))
    .limit(40);
  if (sent.length === 0) return [];
  // One text can answer two prompts ("yes, and 5"): each answered intent carries its promptId.
  const answered = await db
    .select({ id: sql<string>`jsonb_array_elements(${inboundMessages.intents})->>'promptId'` })
    .from(inboundMessages)
    .where(eq(inboundMessages.attendeeId, attendeeId));
  const done = new Set(answered.map((a) => a.id).filter(Boolean));

  const introPeers = sent.filter((m) => m.type === "peer_introduction").map((m) => String(m.personalization.peerAttendeeId ?? ""));
  const matches = introPeers.length
    ? await db
        .select()
        .from(peerMatches)
        .where(and(inArray(peerMatches.status, ["introduced", "accepted"]), or(eq(peerMatches.attendeeAId, attendeeId), eq(peerMatches.attendeeBId, attendeeId))))
    : [];
  const alertItems = sent.filter((m) => m.type === "speaker_alert").map((m) => String(m.personalization.agendaItemId ?? ""));
  const items = alertItems.some(Boolean)
    ? await db.select({ id: eventAgendaItems.id, endsAt: eventAgendaItems.endsAt }).from(eventAgendaItems).where(inArray(eventAgendaItems.id, alertItems.filter(isUuid)))
    : [];
  const endById = new Map(items.map((i) => [i.id, i.endsAt.getTime()]));

  const open: Prompt[] = [];
  for (const m of sent) {
    if (done.has(m.id)) continue;
    const sentAt = (m.actualSendTime ?? m.scheduledFor).getTime();
    const type = m.type as (typeof PROMPT_TYPES)[number];
    if (type === "peer_introduction") {
      const peer = String(m.personalization.peerAttendeeId ?? "");
      const match = matches.find((x) => pairHas(x, attendeeId, peer));
      // Open while the pair is introduced or accepted by the other side (this person's answer is unrecorded).
      if (!match) continue;
    } else if (type === "speaker_alert") {
      const end = endById.get(String(m.personalization.agendaItemId ?? ""));
      if (end === undefined || at.getTime() > end + ALERT_GRACE_MS) continue;
    } else if (at.getTime() - sentAt > OPEN_FOR_MS) {
      continue;
    }
    open.push({ message: m, expecting: EXPECTS[type] });
  }
  return open;
}

export function latestOpen(prompts: Prompt[], kinds: Array<Prompt["expecting"]>): Prompt | undefined {
  return prompts.find((p) => kinds.includes(p.expecting));
}

function pairHas(m: { attendeeAId: string; attendeeBId: string }, a: string, b: string): boolean {
  return (m.attendeeAId === a && m.attendeeBId === b) || (m.attendeeAId === b && m.attendeeBId === a);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(s: string): boolean {
  return UUID.test(s);
}
