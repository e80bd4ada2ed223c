import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, eventSponsors, events, type AgendaItem, type Event, type Message } from "@/db/schema";
import { getAgenda } from "@/lib/events/queries";

/**
 * The event and its agenda are the same for every row of a claimed batch: the local
 * driver passes one of these per batch so they are read once, not once per message.
 */
export type EventCache = Map<string, Promise<{ event: Event | undefined; agenda: AgendaItem[] }>>;

function loadEvent(db: Db, eventId: string, cache?: EventCache) {
  const hit = cache?.get(eventId);
  if (hit) return hit;
  const loading = (async () => {
    const [event] = await db.select().from(events).where(eq(events.id, eventId));
    return { event, agenda: event ? await getAgenda(db, eventId) : [] };
  })();
  cache?.set(eventId, loading);
  return loading;
}

/** Fresh data for one message at the moment of sending. */
export async function loadSendContext(
  db: Db,
  m: Pick<Message, "eventId" | "attendeeId" | "contractorId" | "personalization">,
  cache?: EventCache,
) {
  if (!m.eventId) return null;
  const [[contractor], loaded, attendee] = await Promise.all([
    db.select().from(contractors).where(eq(contractors.id, m.contractorId)),
    loadEvent(db, m.eventId, cache),
    m.attendeeId
      ? db.select().from(eventAttendees).where(eq(eventAttendees.id, m.attendeeId)).then((r) => r[0] ?? null)
      : Promise.resolve(null),
  ]);
  const { event, agenda } = loaded;
  if (!contractor || !event) return null;
  const sponsorId = typeof m.personalization?.sponsorId === "string" ? m.personalization.sponsorId : null;
  const sponsor = sponsorId ? ((await db.select().from(eventSponsors).where(eq(eventSponsors.id, sponsorId)))[0] ?? null) : null;
  return { contractor, event, attendee, agenda, sponsor };
}

export type SendContext = NonNullable<Awaited<ReturnType<typeof loadSendContext>>>;
