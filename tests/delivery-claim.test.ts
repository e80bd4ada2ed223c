import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { freeze, now, resetClock } from "@/lib/clock";
import { claimDueMessages } from "@/lib/messaging/deliver";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
  // Noon in the event's zone: at night the confirmation SMS would wait out the quiet hours and not be due.
  freeze(local("2027-06-01 12:00", "America/Chicago"));
});
afterAll(async () => {
  resetClock();
  await h.close();
});

describe("claimDueMessages", () => {
  it("claims at most `limit` rows, and a second claim takes the next ones (an IN-subquery with LIMIT once took them all)", async () => {
    const event = await makeEvent(h.db, { start: "2027-06-10 09:00", end: "2027-06-10 17:00" });
    for (let i = 0; i < 3; i++) {
      const res = await registerAttendee(h.db, {
        eventSlug: event.slug, firstName: "S", lastName: `L${i}`, email: `claim${i}@example.com`, phone: `+1 512 555 01${60 + i}`, smsConsent: true,
      });
      if (!res.ok) throw new Error(res.error.message);
    }
    const at = new Date(now().getTime() + 1_000);
    const first = await claimDueMessages(h.db, 1, at, { channel: "sms" });
    const next = await claimDueMessages(h.db, 5, at, { channel: "sms" });
    expect(first).toHaveLength(1);
    expect(next).toHaveLength(2);
    expect(next.map((r) => r.id)).not.toContain(first[0].id);
    expect([...first, ...next].every((r) => r.status === "sending" && r.channel === "sms")).toBe(true);
  });
});
