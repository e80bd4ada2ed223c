import type { Db } from "@/db/client";
import { eventAgendaItems, eventSpeakers, eventSponsors } from "@/db/schema";
import { generateAgenda, generateSponsors } from "@/lib/matching/synthetic";

/**
 * A conference day's program for an event (lib/matching/synthetic.ts, seeded): `sessions`
 * sessions from 09:00 to 17:00 local with their speakers, a coffee break, lunch 12:00–13:00,
 * an afternoon break, and `sponsors` sponsors with booths. `day` is local midnight.
 */
export async function addConferenceProgram(db: Db, eventId: string, day: Date, sessions = 60, sponsors = 40) {
  const agenda = generateAgenda(day, sessions);
  const speakerIds = new Map<string, string>();
  for (const s of agenda.filter((a) => a.speaker)) {
    const [row] = await db.insert(eventSpeakers).values({ eventId, key: s.speaker!.id, name: s.speaker!.name, focusAreas: s.speaker!.focusAreas, pcrScore: s.speaker!.pcrScore }).returning();
    speakerIds.set(s.id, row.id);
  }
  await db.insert(eventAgendaItems).values(agenda.map((a) => ({ eventId, key: a.id, type: a.type, title: a.title, room: a.room, startsAt: a.startsAt, endsAt: a.endsAt, topics: a.topics, speakerId: speakerIds.get(a.id) ?? null })));
  await db.insert(eventSponsors).values(generateSponsors(sponsors).map((s) => ({ eventId, key: s.id, name: s.name, boothNumber: s.boothNumber, offerings: s.offerings, focusAreas: s.focusAreas, targetRevenueTiers: s.targetRevenueTiers, specialOffer: s.specialOffer, talkingPoints: s.talkingPoints, pcrScore: s.pcrScore })));
  return agenda;
}
