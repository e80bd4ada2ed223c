import { InngestTestEngine } from "@inngest/test";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventAttendees, eventMessages, events, recommendations, users } from "@/db/schema";
import { setLanguageModelForTests } from "@/lib/ai/model";
import { checkIn } from "@/lib/checkin/check-in";
import { freeze, resetClock } from "@/lib/clock";
import { setDbHandle } from "@/lib/db";
import { buildDemoEventInput } from "@/lib/demo/demo-event";
import { parseEventFile } from "@/lib/events/event-file";
import { importEventFile } from "@/lib/events/import";
import { createTestDb } from "@/tests/db";
import { local } from "@/tests/factories";
import { buildAttendeePlanFunction } from "./build-attendee-plan";
import { peerBatchMatchingFunction } from "./peer-batch-matching";

const zone = "America/Chicago";
const day = "2026-12-03";
let h: DbHandle;
let eventId: string;

beforeAll(async () => {
  h = await createTestDb();
  setDbHandle(h);
  setLanguageModelForTests(null);
  freeze(local("2026-11-26 09:00", zone));
  const parsed = parseEventFile(buildDemoEventInput(day));
  if (!parsed.ok) throw new Error("demo invalid");
  eventId = (await importEventFile(h.db, parsed.file, { now: local("2026-11-26 09:00", zone) })).eventId;
  await h.db.insert(users).values({ email: "sam@tpx.test", name: "Sam", role: "staff" });
});
afterAll(async () => {
  setLanguageModelForTests(undefined);
  setDbHandle(undefined);
  resetClock();
  await h.close();
});

describe("build-attendee-plan (Inngest)", () => {
  it("ranks, writes each kind of sentence in its own step, and stores the plan", async () => {
    const [a] = await h.db.select().from(eventAttendees).where(eq(eventAttendees.eventId, eventId)).limit(1);
    freeze(local(`${day} 09:00`, zone));
    const [sam] = await h.db.select().from(users);
    const res = await checkIn(h.db, { method: "qr_code", code: a.qrCodeData }, { kind: "staff", userId: sam.id, name: sam.name });
    expect(res.ok).toBe(true);

    const t = new InngestTestEngine({
      function: buildAttendeePlanFunction,
      events: [{ name: "tpx/attendee.checked-in", data: { attendeeId: a.id } }],
    });
    const { result, ctx } = await t.execute();
    expect(result).toMatchObject({ status: "ready" });
    const stepIds = (ctx.step.run as unknown as { mock: { calls: unknown[][] } }).mock.calls.map((c) => c[0]);
    expect(stepIds).toEqual(["rank-plan", "write-session-whys", "write-sponsor-pitches", "write-peer-intros", "write-counterpart-intros", "store-plan"]);
    const recs = await h.db.select().from(recommendations).where(eq(recommendations.attendeeId, a.id));
    expect(recs.filter((r) => r.kind === "speaker")).toHaveLength(3);
    const [after] = await h.db.select().from(eventAttendees).where(eq(eventAttendees.id, a.id));
    expect(after.planStatus).toBe("ready");
    const ready = await h.db.select().from(eventMessages).where(and(eq(eventMessages.attendeeId, a.id), eq(eventMessages.type, "agenda_ready")));
    expect(ready.length).toBeGreaterThanOrEqual(1);
  });
});

describe("peer-batch-matching (Inngest)", () => {
  it("sleeps until lunch − 15 min, then matches once", async () => {
    const runAt = local(`${day} 11:45`, zone);
    const engine = () =>
      new InngestTestEngine({
        function: peerBatchMatchingFunction,
        events: [{ name: "tpx/peers.batch-scheduled", data: { eventId, runAt: runAt.toISOString() } }],
        steps: [{ id: "wait-until-batch-time", handler: () => freeze(runAt) }],
      });
    const { result, ctx } = await engine().execute();
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("wait-until-batch-time", runAt);
    expect(result).toMatchObject({ status: "matched" });
    const [ev] = await h.db.select().from(events).where(eq(events.id, eventId));
    expect(ev.peerBatchRanAt?.toISOString()).toBe(runAt.toISOString());
    const again = await engine().execute(); // a duplicate run
    expect(again.result).toMatchObject({ status: "already-ran" });
  });

  it("stands down when the agenda moved the batch time", async () => {
    const stale = local(`${day} 10:45`, zone);
    const t = new InngestTestEngine({
      function: peerBatchMatchingFunction,
      events: [{ name: "tpx/peers.batch-scheduled", data: { eventId, runAt: stale.toISOString() } }],
      steps: [{ id: "wait-until-batch-time", handler: () => undefined }],
    });
    const { result } = await t.execute();
    expect(result).toMatchObject({ status: "superseded", current: local(`${day} 11:45`, zone).toISOString() });
  });
});
