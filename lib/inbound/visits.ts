import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventSponsors } from "@/db/schema";
import { recordOutcome } from "./engagement";
import type { Handled } from "./peers";
import type { Prompt } from "./prompts";
import type { Sender } from "./sender";

type Known = Sender & { attendee: NonNullable<Sender["attendee"]>; event: NonNullable<Sender["event"]> };

/** "Which booths did you visit?" → one visit per sponsor named by booth (SPEC §6, §9). */
export async function recordBoothVisits(db: Db, s: Known, _prompt: Prompt, booths: string[], at: Date): Promise<Handled> {
  if (booths.length === 0) return { handledAs: "booths_none", reply: "Thanks for letting us know!", outbox: [] };
  const sponsors = await db
    .select()
    .from(eventSponsors)
    .where(and(eq(eventSponsors.eventId, s.event.id), isNull(eventSponsors.removedAt)));
  const byBooth = new Map(sponsors.filter((x) => x.boothNumber).map((x) => [x.boothNumber!.toUpperCase(), x]));
  const found = booths.map((b) => byBooth.get(b.toUpperCase())).filter((x): x is NonNullable<typeof x> => Boolean(x));
  const unknown = booths.filter((b) => !byBooth.has(b.toUpperCase()));
  for (const sp of found) {
    await recordOutcome(db, {
      eventId: s.event.id, contractorId: s.contractor.id, attendeeId: s.attendee.id, kind: "sponsor", targetId: sp.id,
      outcome: "visited", successScore: 1, at, context: { boothNumber: sp.boothNumber },
    });
  }
  const names = found.map((x) => `${x.name} (${x.boothNumber})`).join(", ");
  const miss = unknown.length ? ` We couldn't find booth ${unknown.join(", ")}.` : "";
  return { handledAs: "booths", reply: found.length ? `Thanks! Noted your visits: ${names}.${miss}` : `Thanks!${miss}`, outbox: [] };
}

/** "here" / "in the room" after a speaker alert: the session is attended. */
export async function recordAttended(db: Db, s: Known, prompt: Prompt, at: Date): Promise<Handled> {
  const agendaItemId = String(prompt.message.personalization.agendaItemId ?? "");
  await recordOutcome(db, {
    eventId: s.event.id, contractorId: s.contractor.id, attendeeId: s.attendee.id, kind: "speaker", targetId: agendaItemId,
    outcome: "attended", successScore: 1, at, context: { via: "sms_here" },
  });
  const title = prompt.message.personalization.title;
  return { handledAs: "attended", reply: typeof title === "string" ? `Enjoy "${title}"!` : "Enjoy the session!", outbox: [] };
}
