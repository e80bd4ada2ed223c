import { randomBytes } from "node:crypto";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { eventAgendaItems, events, type Event } from "@/db/schema";
import { travelTo } from "@/lib/clock";
import { runPool } from "@/lib/pool";
import { registerAttendee } from "@/lib/registration/register";
import type { RegistrationInput } from "@/lib/registration/schema";

/** The benchmarks' event: a one-day summit with a small agenda (tests/factories.ts' shape). */
export const BENCH_ZONE = "America/Chicago";
export const BENCH_EVENT_START = "2027-03-10 09:00";
export const BENCH_EVENT_END = "2027-03-10 17:00";

/** "2027-03-10 09:00" in the bench zone → Date. */
export function local(s: string, zone = BENCH_ZONE): Date {
  const dt = DateTime.fromFormat(s, "yyyy-MM-dd HH:mm", { zone });
  if (!dt.isValid) throw new Error(`bad local time ${s}`);
  return dt.toJSDate();
}

export async function createBenchEvent(db: Db): Promise<Event> {
  const [event] = await db
    .insert(events)
    .values({
      name: "Bench Summit",
      slug: `bench-summit-${randomBytes(3).toString("hex")}`,
      timezone: BENCH_ZONE,
      venue: "Hilton Downtown",
      address: "500 E 4th St, Austin, TX",
      startsAt: local(BENCH_EVENT_START),
      endsAt: local(BENCH_EVENT_END),
      status: "published",
      organizerName: "Summit Team",
      organizerEmail: "team@summit.example",
    })
    .returning();
  const agenda = [
    ["09:00", "09:30", "Welcome"],
    ["09:30", "10:30", "Pricing for margin"],
    ["10:45", "11:45", "Hiring crews that stay"],
    ["12:00", "13:00", "Lunch"],
    ["13:00", "14:00", "Estimating software panel"],
    ["14:15", "15:15", "Cash flow in the off-season"],
  ] as const;
  await db.insert(eventAgendaItems).values(
    agenda.map(([start, end, title], i) => ({
      eventId: event.id,
      key: `item-${i}`,
      type: title === "Lunch" ? ("lunch" as const) : ("session" as const),
      title,
      startsAt: local(`2027-03-10 ${start}`),
      endsAt: local(`2027-03-10 ${end}`),
      topics: [],
    })),
  );
  return event;
}

/**
 * The i-th person of a benchmark: phone + SMS consent and an incomplete profile
 * (no revenue tier, team size, focus areas), so registering plans every message.
 */
export function benchRegistration(eventSlug: string, i: number): RegistrationInput {
  return {
    eventSlug,
    firstName: "Pat",
    lastName: `Bench${i}`,
    email: `bench-${i}@example.com`,
    // 555-0100…0199: the fictional range, valid for libphonenumber.
    phone: `+1512555${String(100 + (i % 100)).padStart(4, "0")}`,
    smsConsent: true,
    companyName: "Acme Roofing",
  };
}

/**
 * Registers `people` bench people for the event at a fixed moment three weeks before it (setup, not
 * timed; 8 at a time), each planning every message; throws on the first refusal.
 */
export async function registerBenchPeople(log: (m: string) => void, db: Db, event: Event, people: number): Promise<void> {
  travelTo(local("2027-03-01 12:00"));
  log(`registering ${people.toLocaleString("en-US")} attendees (setup, not timed)`);
  await runPool(Array.from({ length: people }, (_, i) => i), 8, async (i) => {
    const r = await registerAttendee(db, benchRegistration(event.slug, i));
    if (!r.ok) throw new Error(`registration ${i} failed: ${r.error.message}`);
  });
}
