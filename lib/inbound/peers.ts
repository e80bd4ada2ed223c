import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, peerMatches, type PeerMatch } from "@/db/schema";
import { savePlannedMessages, type SavedMessage } from "@/lib/messaging/store";
import { recordOutcome } from "./engagement";
import type { Prompt } from "./prompts";
import { queueReply } from "./replies";
import type { Sender } from "./sender";

/** SPEC §3: the "did you meet" check goes 20 min after the YES. */
export const ATTENDANCE_CHECK_DELAY_MS = 20 * 60_000;

export type Handled = { handledAs: string; reply: string; outbox: SavedMessage[] };

type Known = Sender & { attendee: NonNullable<Sender["attendee"]>; event: NonNullable<Sender["event"]> };

async function findMatch(db: Db, a: string, b: string): Promise<PeerMatch | undefined> {
  const [m] = await db
    .select()
    .from(peerMatches)
    .where(
      or(
        and(eq(peerMatches.attendeeAId, a), eq(peerMatches.attendeeBId, b)),
        and(eq(peerMatches.attendeeAId, b), eq(peerMatches.attendeeBId, a)),
      ),
    );
  return m;
}

async function peerPerson(db: Db, attendeeId: string) {
  const [row] = await db
    .select({ attendeeId: eventAttendees.id, contractorId: contractors.id, firstName: contractors.firstName, lastName: contractors.lastName, companyName: contractors.companyName, smsOptIn: contractors.smsOptIn, smsOptedOutAt: contractors.smsOptedOutAt })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .where(eq(eventAttendees.id, attendeeId));
  return row;
}

/** YES / NO to "Connect with Dana… Reply YES to meet". */
export async function answerIntroduction(db: Db, s: Known, prompt: Prompt, yes: boolean, at: Date): Promise<Handled> {
  const peerId = String(prompt.message.personalization.peerAttendeeId ?? "");
  const [match, peer] = await Promise.all([findMatch(db, s.attendee.id, peerId), peerPerson(db, peerId)]);
  if (!match || !peer) return { handledAs: "intro_missing", reply: "Thanks! That introduction is no longer open.", outbox: [] };
  const peerName = peer.firstName ?? "your match";
  const base = { eventId: s.event.id, contractorId: s.contractor.id, attendeeId: s.attendee.id, kind: "peer" as const, targetId: peerId, at };

  if (!yes) {
    await db.update(peerMatches).set({ status: "declined", updatedAt: at }).where(and(eq(peerMatches.id, match.id), inArray(peerMatches.status, ["suggested", "introduced", "accepted"])));
    await recordOutcome(db, { ...base, outcome: "declined", successScore: 0, context: { peerMatchId: match.id } });
    return { handledAs: "intro_declined", reply: `No problem, we won't connect you with ${peerName}.`, outbox: [] };
  }

  await db
    .update(peerMatches)
    .set({ status: sql`case when ${peerMatches.status} = 'met' then 'met'::peer_match_status else 'accepted'::peer_match_status end`, updatedAt: at })
    .where(eq(peerMatches.id, match.id));
  await recordOutcome(db, { ...base, outcome: "accepted", successScore: 0.5, context: { peerMatchId: match.id } });

  const owner = { eventId: s.event.id, attendeeId: s.attendee.id, contractorId: s.contractor.id };
  const check = await savePlannedMessages(db, owner, [
    {
      type: "peer_match_attendance",
      channel: "sms",
      dedupeKey: peerId,
      scheduledFor: new Date(at.getTime() + ATTENDANCE_CHECK_DELAY_MS),
      personalization: { peerAttendeeId: peerId, peerFirstName: peer.firstName, peerMatchId: match.id },
    },
  ]);
  // Tell the other person too: someone wants to meet them.
  const me = [s.contractor.firstName, s.contractor.companyName ? `from ${s.contractor.companyName}` : null].filter(Boolean).join(" ") || "Your match";
  // Only someone who agreed to texts hears it: this is news, not an answer to their text.
  const notice =
    peer.smsOptIn && !peer.smsOptedOutAt
      ? [
          await queueReply(
            db,
            { eventId: s.event.id, attendeeId: peer.attendeeId, contractorId: peer.contractorId },
            `${me} said yes to meeting you! Look out for each other at lunch. Reply YES if you'd like to meet too.`,
            at,
            { author: "system" },
          ),
        ]
      : [];
  return {
    handledAs: "intro_accepted",
    reply: `Great, we've let ${peerName} know. Look out for each other at lunch; we'll check in with you in 20 minutes.`,
    outbox: [...check, ...notice],
  };
}

/** YES / NO to "Did you get to meet Dana?". */
export async function answerAttendance(db: Db, s: Known, prompt: Prompt, yes: boolean, at: Date): Promise<Handled> {
  const peerId = String(prompt.message.personalization.peerAttendeeId ?? "");
  const match = await findMatch(db, s.attendee.id, peerId);
  const base = { eventId: s.event.id, contractorId: s.contractor.id, attendeeId: s.attendee.id, kind: "peer" as const, targetId: peerId, at };
  if (match && yes) await db.update(peerMatches).set({ status: "met", updatedAt: at }).where(eq(peerMatches.id, match.id));
  await recordOutcome(db, { ...base, outcome: yes ? "met" : "not_met", successScore: yes ? 1 : 0.25, context: { peerMatchId: match?.id ?? null } });
  return yes
    ? { handledAs: "peer_met", reply: "Glad you connected! Thanks for letting us know.", outbox: [] }
    : { handledAs: "peer_not_met", reply: "Thanks for letting us know. There's still time: your plan lists everyone we picked for you.", outbox: [] };
}
