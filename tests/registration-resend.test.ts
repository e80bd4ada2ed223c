import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventMessages } from "@/db/schema";
import { advance, freeze, resetClock } from "@/lib/clock";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";

const zone = "America/New_York";
let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  resetClock();
  await h.close();
});
beforeEach(() => freeze(local("2026-11-30 14:00", zone)));

const form = (eventSlug: string, email: string) => ({
  eventSlug,
  firstName: "Dana",
  lastName: "Reyes",
  email,
  phone: "(512) 555-0142",
  smsConsent: true,
});

async function confirmations(attendeeId: string) {
  const rows = await h.db
    .select({ channel: eventMessages.channel, key: eventMessages.dedupeKey })
    .from(eventMessages)
    .where(and(eq(eventMessages.attendeeId, attendeeId), eq(eventMessages.type, "registration_confirmation")));
  return rows.map((r) => `${r.channel}/${r.key}`).sort();
}

describe("re-registration re-sends the confirmation at most once per 10 minutes", () => {
  it("50 repeats in a row put one re-sent email and one SMS in the outbox; 10 minutes later, one more", async () => {
    const event = await makeEvent(h.db, { timezone: zone, start: "2026-12-10 09:00" });
    const first = await registerAttendee(h.db, form(event.slug, "bomb@example.com"));
    if (!first.ok) throw new Error(first.error.message);
    for (let i = 0; i < 50; i++) {
      const again = await registerAttendee(h.db, form(event.slug, i % 2 ? "BOMB@example.com" : "bomb@example.com"));
      expect(again).toMatchObject({ ok: true, created: false, attendeeId: first.attendeeId });
      advance(10 * 1000); // 50 × 10 s = 8 min 20 s, all inside the window
    }
    expect(await confirmations(first.attendeeId)).toEqual(["email/r1", "email/r2", "sms/r1", "sms/r2"]);

    advance(60 * 1000); // 9 min 20 s after the re-send: still throttled
    await registerAttendee(h.db, form(event.slug, "bomb@example.com"));
    expect(await confirmations(first.attendeeId)).toHaveLength(4);

    advance(40 * 1000); // exactly 10 min after the re-send
    await registerAttendee(h.db, form(event.slug, "bomb@example.com"));
    expect(await confirmations(first.attendeeId)).toEqual(["email/r1", "email/r2", "email/r3", "sms/r1", "sms/r2", "sms/r3"]);
  });

  it("50 parallel repeats still give one re-send", async () => {
    const event = await makeEvent(h.db, { timezone: zone, start: "2026-12-10 09:00" });
    const first = await registerAttendee(h.db, form(event.slug, "parallel@example.com"));
    if (!first.ok) throw new Error(first.error.message);
    const results = await Promise.all(Array.from({ length: 50 }, () => registerAttendee(h.db, form(event.slug, "parallel@example.com"))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await confirmations(first.attendeeId)).toEqual(["email/r1", "email/r2", "sms/r1", "sms/r2"]);
  });
});
