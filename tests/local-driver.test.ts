import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventMessages } from "@/db/schema";
import { createDevEmailChannel, createDevSmsChannel } from "@/lib/channels/dev-outbox";
import { resetClock, now } from "@/lib/clock";
import { readHeartbeat } from "@/lib/jobs/heartbeat";
import { startLocalDriver } from "@/lib/jobs/local-driver";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "./db";
import { waitFor } from "./wait";
import { makeEvent } from "./factories";

let h: DbHandle;
beforeAll(async () => {
  resetClock();
  h = await createTestDb();
});
afterAll(async () => h.close());

describe("local driver (real time)", () => {
  it("delivers a row within 5 s of its time through the dev outbox, and beats", async () => {
    const event = await makeEvent(h.db, { start: "2027-02-10 09:00", end: "2027-02-10 17:00" });
    const res = await registerAttendee(h.db, {
      eventSlug: event.slug, firstName: "Kim", lastName: "Ng", email: "kim@example.com", phone: "+15125550190", smsConsent: true,
    });
    if (!res.ok) throw new Error(res.error.message);
    const due = new Date(now().getTime() + 1_500);
    const [target] = await h.db
      .update(eventMessages)
      .set({ scheduledFor: due })
      .where(eq(eventMessages.id, res.messageIds.find(Boolean)!))
      .returning();
    // Only the confirmations (due already) and the target are due in this window.
    const driver = startLocalDriver({
      db: h.db,
      channels: { email: createDevEmailChannel(), sms: createDevSmsChannel() },
      mode: "all",
    });
    const sent = await waitFor(
      async () => (await h.db.select().from(eventMessages).where(eq(eventMessages.id, target.id)))[0],
      (m) => m.status === "sent",
      8_000,
    );
    await driver.stop();
    expect(sent.status).toBe("sent");
    expect(sent.provider).toBe("dev-outbox");
    const lateness = sent.actualSendTime!.getTime() - due.getTime();
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(5_000);
    expect(sent.renderedBody).toContain("Kim");
    const beat = await readHeartbeat(h.db);
    expect(beat?.mode).toBe("all");
    expect(beat!.delivered).toBeGreaterThanOrEqual(1);
  });
});
