import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { contractors, eventAgendaItems, events, type AgendaItemType, type NewContractor } from "@/db/schema";

let seq = 0;

/** "2026-12-10 09:00" in `zone` → Date. */
export function local(s: string, zone: string): Date {
  const dt = DateTime.fromFormat(s, "yyyy-MM-dd HH:mm", { zone });
  if (!dt.isValid) throw new Error(`bad local time ${s}`);
  return dt.toJSDate();
}

export type EventFactoryInput = {
  timezone?: string;
  /** Local "yyyy-MM-dd HH:mm" */
  start?: string;
  end?: string;
  status?: "draft" | "published" | "live" | "completed" | "cancelled";
  agenda?: Array<{ type?: AgendaItemType; title?: string; start: string; end: string; topics?: string[] }>;
};

export async function makeEvent(db: Db, input: EventFactoryInput = {}) {
  const zone = input.timezone ?? "America/Chicago";
  const n = ++seq;
  const [event] = await db
    .insert(events)
    .values({
      name: `Test Summit ${n}`,
      slug: `test-summit-${n}-${Math.random().toString(36).slice(2, 7)}`,
      timezone: zone,
      venue: "Hilton Downtown",
      address: "500 E 4th St, Austin, TX",
      startsAt: local(input.start ?? "2026-12-10 09:00", zone),
      endsAt: local(input.end ?? "2026-12-10 17:00", zone),
      status: input.status ?? "published",
      organizerName: "Summit Team",
      organizerEmail: "team@summit.example",
    })
    .returning();
  const agenda = input.agenda ?? [];
  if (agenda.length) {
    await db.insert(eventAgendaItems).values(
      agenda.map((a, i) => ({
        eventId: event.id,
        key: `item-${i}`,
        type: a.type ?? ("session" as const),
        title: a.title ?? `Session ${i + 1}`,
        startsAt: local(a.start, zone),
        endsAt: local(a.end, zone),
        topics: a.topics ?? [],
      })),
    );
  }
  return event;
}

export async function makeContractor(db: Db, overrides: Partial<NewContractor> = {}) {
  const n = ++seq;
  const [row] = await db
    .insert(contractors)
    .values({ email: `person${n}@example.com`, firstName: "Pat", lastName: `Doe${n}`, ...overrides })
    .returning();
  return row;
}

export const completeProfile = {
  phone: "+15125550142",
  companyName: "Acme Roofing",
  revenueTier: "1m_5m",
  teamSize: 12,
  focusAreas: ["pricing", "hiring"],
} satisfies Partial<NewContractor>;
