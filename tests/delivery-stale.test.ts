import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventAttendees, eventMessages } from "@/db/schema";
import { freeze, now, resetClock } from "@/lib/clock";
import { startLocalDriver } from "@/lib/jobs/local-driver";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";
import { recordingChannels } from "./support/recording-channels";

/** SPEC §4.1 at claim: after downtime a row past its useful time ends `stale`, a series collapses to its newest. */
const zone = "America/Chicago";
let h: DbHandle;
beforeAll(async () => (h = await createTestDb()));
afterAll(async () => {
  resetClock();
  await h.close();
});
beforeEach(() => freeze(local("2026-11-20 09:00", zone)));

async function registered(email: string) {
  const event = await makeEvent(h.db, { timezone: zone, start: "2026-12-10 09:00", end: "2026-12-10 17:00" });
  const res = await registerAttendee(h.db, { eventSlug: event.slug, firstName: "Lou", lastName: "Reed", email, smsConsent: false });
  if (!res.ok) throw new Error(res.error.message);
  const rows = await h.db.select().from(eventMessages).where(eq(eventMessages.attendeeId, res.attendeeId));
  return { attendeeId: res.attendeeId, rows };
}

async function statuses(attendeeId: string) {
  const rows = await h.db.select().from(eventMessages).where(eq(eventMessages.attendeeId, attendeeId));
  return rows.sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime());
}

describe("stale and superseded at claim", () => {
  it("after six days of downtime sends one profile reminder, the newest; the rest end superseded or stale", async () => {
    const { attendeeId, rows } = await registered("downtime@example.com");
    await h.db.update(eventMessages).set({ status: "cancelled" }).where(eq(eventMessages.type, "registration_confirmation"));
    const reminders = rows.filter((r) => r.type === "profile_completion_reminder").sort((a, b) => +a.scheduledFor - +b.scheduledFor);
    expect(reminders.length).toBeGreaterThanOrEqual(4);
    // The driver was down: wake 1 h after the fourth reminder was due.
    freeze(new Date(reminders[3].scheduledFor.getTime() + 3_600_000));
    const rec = recordingChannels();
    const d = startLocalDriver({ db: h.db, channels: rec.channels, mode: "all", intervalMs: 3_600_000 });
    await d.tick();
    await d.stop();
    const after = (await statuses(attendeeId)).filter((r) => r.type === "profile_completion_reminder");
    const byId = new Map(after.map((r) => [r.id, r]));
    expect(rec.emails.filter((e) => reminders.some((r) => r.id === e.messageId)).map((e) => e.messageId)).toEqual([reminders[3].id]);
    expect(byId.get(reminders[3].id)!.status).toBe("sent");
    for (const r of reminders.slice(0, 3)) {
      expect(byId.get(r.id)).toMatchObject({ status: "skipped" });
      expect(["superseded", "stale"]).toContain(byId.get(r.id)!.statusReason);
    }
    // Rows more than 6 h late are stale even alone; the ones inside their window lose to the newest.
    expect(byId.get(reminders[2].id)!.statusReason).toBe("stale");
    for (const r of reminders.slice(4)) expect(byId.get(r.id)!.status).toBe("scheduled");
  });

  it("a night-before reminder claimed after the event started ends skipped, stale", async () => {
    const { attendeeId, rows } = await registered("late@example.com");
    await h.db.update(eventMessages).set({ status: "cancelled" }).where(eq(eventMessages.attendeeId, attendeeId));
    const night = rows.find((r) => r.type === "check_in_reminder_night_before")!;
    await h.db.update(eventMessages).set({ status: "scheduled" }).where(eq(eventMessages.id, night.id));
    await h.db.update(eventAttendees).set({ profileCompletionStatus: "completed" }).where(eq(eventAttendees.id, attendeeId));
    freeze(local("2026-12-10 09:30", zone));
    const rec = recordingChannels();
    const d = startLocalDriver({ db: h.db, channels: rec.channels, mode: "all", intervalMs: 3_600_000 });
    await d.tick();
    await d.stop();
    const [row] = await h.db.select().from(eventMessages).where(eq(eventMessages.id, night.id));
    expect(row).toMatchObject({ status: "skipped", statusReason: "stale" });
    expect(rec.emails.filter((e) => e.messageId === night.id)).toHaveLength(0);
    expect(now().getTime()).toBeGreaterThan(row.scheduledFor.getTime());
  });
});
