import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventMessages } from "@/db/schema";
import { setChannelsForTests } from "@/lib/channels";
import { freeze, resetClock } from "@/lib/clock";
import { setDbHandle } from "@/lib/db";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "@/tests/db";
import { local, makeEvent } from "@/tests/factories";
import { recordingChannels } from "@/tests/support/recording-channels";
import { deliverMessageFunction } from "./deliver-message";

const zone = "America/Chicago";
let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
  setDbHandle(h);
});
afterAll(async () => {
  setChannelsForTests(undefined);
  setDbHandle(undefined);
  resetClock();
  await h.close();
});
beforeEach(() => freeze(local("2026-12-01 10:00", zone)));

async function plannedReminder(email: string) {
  const event = await makeEvent(h.db, { timezone: zone, start: "2026-12-10 09:00" });
  const res = await registerAttendee(h.db, { eventSlug: event.slug, firstName: "Lee", lastName: "Park", email, smsConsent: false });
  if (!res.ok) throw new Error(res.error.message);
  const [row] = await h.db
    .select()
    .from(eventMessages)
    .where(eq(eventMessages.attendeeId, res.attendeeId))
    .then((rows) => rows.filter((m) => m.type === "check_in_reminder_night_before"));
  return row;
}

function engineFor(messageId: string, scheduledFor: Date) {
  return new InngestTestEngine({
    function: deliverMessageFunction,
    events: [{ name: "tpx/message.scheduled", data: { messageId, scheduledFor: scheduledFor.toISOString() } }],
    // Sleeps are mocked by id (otherwise execute() waits for real); "waking" moves our clock.
    steps: [
      { id: "wait-until-scheduled", handler: () => freeze(scheduledFor) },
      { id: "wait-before-attempt-2", handler: () => freeze(new Date(scheduledFor.getTime() + 5_000)) },
    ],
  });
}

describe("deliver-message (Inngest)", () => {
  it("sleeps until the exact scheduled time, then delivers once", async () => {
    const row = await plannedReminder("inngest-once@example.com");
    expect(row.scheduledFor.toISOString()).toBe(local("2026-12-09 20:00", zone).toISOString());
    const rec = recordingChannels();
    setChannelsForTests(rec.channels);

    const { result, ctx } = await engineFor(row.id, row.scheduledFor).execute();
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("wait-until-scheduled", row.scheduledFor);
    expect(result).toMatchObject({ status: "sent" });
    expect(rec.emails).toHaveLength(1);
    expect(rec.emails[0].messageId).toBe(row.id);

    // A duplicate run (same event delivered twice) claims nothing and sends nothing.
    const second = await engineFor(row.id, row.scheduledFor).execute();
    expect(second.result).toMatchObject({ status: "not-claimed", current: "sent" });
    expect(rec.emails).toHaveLength(1);
    const [after] = await h.db.select().from(eventMessages).where(eq(eventMessages.id, row.id));
    expect(after).toMatchObject({ status: "sent", attempts: 1, providerMessageId: `rec_${row.id}` });
  });

  it("backs off 5 s after a transient provider error and succeeds on the second attempt", async () => {
    const row = await plannedReminder("inngest-retry@example.com");
    const rec = recordingChannels([{ ok: false, kind: "transient", reason: "Resend answered 503" }]);
    setChannelsForTests(rec.channels);

    const { result, ctx } = await engineFor(row.id, row.scheduledFor).execute();
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("wait-before-attempt-2", new Date(row.scheduledFor.getTime() + 5_000));
    expect(result).toMatchObject({ status: "sent" });
    expect(rec.emails).toHaveLength(2);
    const [after] = await h.db.select().from(eventMessages).where(eq(eventMessages.id, row.id));
    expect(after).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("does nothing when the row was rescheduled after the run started", async () => {
    const row = await plannedReminder("inngest-moved@example.com");
    const rec = recordingChannels();
    setChannelsForTests(rec.channels);
    const later = new Date(row.scheduledFor.getTime() + 86_400_000);
    await h.db.update(eventMessages).set({ scheduledFor: later }).where(eq(eventMessages.id, row.id));

    const { result } = await engineFor(row.id, row.scheduledFor).execute();
    expect(result).toMatchObject({ status: "superseded", scheduledFor: later.toISOString() });
    expect(rec.emails).toHaveLength(0);
  });

  it("fails at once on a permanent error, with the reason on the row", async () => {
    const row = await plannedReminder("inngest-permanent@example.com");
    const rec = recordingChannels([{ ok: false, kind: "permanent", reason: "invalid recipient address" }]);
    setChannelsForTests(rec.channels);
    const { result } = await engineFor(row.id, row.scheduledFor).execute();
    expect(result).toMatchObject({ status: "failed", reason: "invalid recipient address" });
    const [after] = await h.db.select().from(eventMessages).where(eq(eventMessages.id, row.id));
    expect(after).toMatchObject({ status: "failed", attempts: 1, statusReason: "invalid recipient address" });
  });

  it("waits for the row when it wakes before the scheduled time (clock skew)", async () => {
    const row = await plannedReminder("inngest-early@example.com");
    const rec = recordingChannels();
    setChannelsForTests(rec.channels);
    const t = new InngestTestEngine({
      function: deliverMessageFunction,
      events: [{ name: "tpx/message.scheduled", data: { messageId: row.id, scheduledFor: row.scheduledFor.toISOString() } }],
      steps: [
        { id: "wait-until-scheduled", handler: () => freeze(new Date(row.scheduledFor.getTime() - 2_000)) },
        { id: "wait-until-due-1", handler: () => freeze(row.scheduledFor) },
      ],
    });
    const { result, ctx } = await t.execute();
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("wait-until-due-1", row.scheduledFor);
    expect(result).toMatchObject({ status: "sent" });
    expect(rec.emails).toHaveLength(1);
  });
});
