import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { now } from "@/lib/clock";
import { dispatchScheduledMessages, setDispatchFailureRecorder, setJobEventSender } from "@/lib/jobs/dispatch";
import type { JobEvent } from "@/lib/jobs/events";
import { readDispatchFailures, recordDispatchFailure } from "@/lib/jobs/health";
import { createTestDb } from "./db";

let h: DbHandle;
beforeAll(async () => (h = await createTestDb()));
afterAll(async () => h.close());
afterEach(() => {
  setJobEventSender(null);
  setDispatchFailureRecorder(null);
});

describe("dispatch (issue 7)", () => {
  it("a cancel and re-plan to the same time gets a new event id (schedule version), so Inngest does not drop it", async () => {
    const sent: JobEvent[] = [];
    setJobEventSender(async (events) => void sent.push(...events));
    const at = new Date("2026-12-09T20:00:00Z");
    await dispatchScheduledMessages([{ id: "m1", scheduledFor: at, scheduleVersion: 0, channel: "sms" }]);
    await dispatchScheduledMessages([{ id: "m1", scheduledFor: at, scheduleVersion: 2, channel: "sms" }]);
    expect(sent.map((e) => e.id)).toEqual([`msg-m1-${at.getTime()}-v0`, `msg-m1-${at.getTime()}-v2`]);
    expect(sent[1].data).toMatchObject({ messageId: "m1", version: 2, channel: "sms" });
  });

  it("a failed dispatch is returned and counted where /api/health reads it", async () => {
    setJobEventSender(async () => {
      throw new Error("inngest unreachable");
    });
    setDispatchFailureRecorder((f) => recordDispatchFailure(h.db, f, now()));
    const at = new Date();
    expect(await dispatchScheduledMessages([{ id: "a", scheduledFor: at }, { id: "b", scheduledFor: at }])).toEqual({ sent: 0, error: "inngest unreachable" });
    await dispatchScheduledMessages([{ id: "c", scheduledFor: at }]);
    expect(await readDispatchFailures(h.db)).toMatchObject({ count: 2, events: 3, lastError: "inngest unreachable" });
  });
});
