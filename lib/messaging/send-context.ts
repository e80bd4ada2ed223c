import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, eventSponsors, events, type Message } from "@/db/schema";
import { getAgenda } from "@/lib/events/queries";

/** Fresh data for one message at the moment of sending. */
export async function loadSendContext(db: Db, m: Pick<Message, "eventId" | "attendeeId" | "contractorId" | "personalization">) {
  const [contractor] = await db.select().from(contractors).where(eq(contractors.id, m.contractorId));
  if (!contractor || !m.eventId) return null;
  const [event] = await db.select().from(events).where(eq(events.id, m.eventId));
  if (!event) return null;
  const attendee = m.attendeeId
    ? ((await db.select().from(eventAttendees).where(eq(eventAttendees.id, m.attendeeId)))[0] ?? null)
    : null;
  const agenda = await getAgenda(db, event.id);
  const sponsorId = typeof m.personalization?.sponsorId === "string" ? m.personalization.sponsorId : null;
  const sponsor = sponsorId ? ((await db.select().from(eventSponsors).where(eq(eventSponsors.id, sponsorId)))[0] ?? null) : null;
  return { contractor, event, attendee, agenda, sponsor };
}

export type SendContext = NonNullable<Awaited<ReturnType<typeof loadSendContext>>>;
