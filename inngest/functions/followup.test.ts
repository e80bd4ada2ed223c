import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contractors, eventAttendees, eventMessages, events } from "@/db/schema";
import { freeze, resetClock } from "@/lib/clock";
import { setDbHandle } from "@/lib/db";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "@/tests/db";
import { local, makeEvent } from "@/tests/factories";
import { betweenEventsFunction } from "./between-events";
import { completeEventFunction } from "./complete-event";

const zone = "America/Chicago";
let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
  setDbHandle(h);
});
afterAll(async () => {
  setDbHandle(undefined);
  resetClock();
  await h.close();
});

const run = (eventId: string, endsAt: Date) =>
  new InngestTestEngine({
    function: completeEventFunction,
    events: [{ name: "tpx/event.end-scheduled", data: { eventId, endsAt: endsAt.toISOString() } }],
    steps: [{ id: "wait-until-event-end", handler: () => freeze(endsAt) }],
  });

describe("complete-event (Inngest)", () => {
  it("sleeps until the end, then completes and plans the follow-ups; a duplicate run plans nothing", async () => {
    const ev = await makeEvent(h.db, { start: "2026-12-10 09:00", end: "2026-12-10 17:00" });
    const res = await registerAttendee(h.db, { eventSlug: ev.slug, firstName: "Dana", lastName: "Ruiz", email: "dana@ex.com", phone: "+15125550111", smsConsent: true }, { now: local("2026-12-01 09:00", zone) });
    if (!res.ok) throw new Error(res.error.message);
    await h.db.update(eventAttendees).set({ checkInTime: local("2026-12-10 09:00", zone) }).where(eq(eventAttendees.id, res.attendeeId));
    const end = local("2026-12-10 17:00", zone);
    const { result, ctx } = await run(ev.id, end).execute();
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("wait-until-event-end", end);
    const stepIds = (ctx.step.run as unknown as { mock: { calls: unknown[][] } }).mock.calls.map((c) => c[0]);
    expect(stepIds).toEqual(["check-event-end", "complete-event"]);
    expect(result).toMatchObject({ status: "completed", attendees: 1, messages: 7 });
    const again = await run(ev.id, end).execute();
    expect(again.result).toMatchObject({ status: "not-open", current: "completed" });
    const rows = await h.db.select().from(eventMessages).where(eq(eventMessages.attendeeId, res.attendeeId));
    expect(rows.filter((r) => r.type === "post_event_thank_you")).toHaveLength(2);
  });

  it("stands down when the end moved after it was scheduled; the run for the new end completes", async () => {
    const ev = await makeEvent(h.db, { start: "2026-12-11 09:00", end: "2026-12-11 17:00" });
    await h.db.update(events).set({ endsAt: local("2026-12-11 19:00", zone) }).where(eq(events.id, ev.id));
    const stale = await run(ev.id, local("2026-12-11 17:00", zone)).execute();
    expect(stale.result).toEqual({ status: "superseded", current: local("2026-12-11 19:00", zone).toISOString() });
    const [still] = await h.db.select().from(events).where(eq(events.id, ev.id));
    expect(still.status).toBe("published");
    const fresh = await run(ev.id, local("2026-12-11 19:00", zone)).execute();
    expect(fresh.result).toMatchObject({ status: "completed" });
  });

  it("does not complete a cancelled event", async () => {
    const ev = await makeEvent(h.db, { start: "2026-12-12 09:00", end: "2026-12-12 17:00", status: "cancelled" });
    const { result } = await run(ev.id, local("2026-12-12 17:00", zone)).execute();
    expect(result).toEqual({ status: "not-open", current: "cancelled" });
  });
});

describe("between-events-daily (Inngest)", () => {
  it("is a daily cron (the test engine does not model cron: asserted from the options)", () => {
    expect(betweenEventsFunction.opts.triggers).toEqual([{ cron: "0 15 * * *" }]);
    expect(betweenEventsFunction.opts.concurrency).toEqual({ limit: 1 });
  });

  it("plans re-engagement for a quiet contractor once, and a second run the same day does nothing", async () => {
    const past = await makeEvent(h.db, { start: "2026-09-01 09:00", end: "2026-09-01 17:00", status: "completed" });
    // Someone who came to a past event and has been quiet since (registration for a completed event is closed: rows as an import writes them).
    const [c] = await h.db.insert(contractors).values({ email: "lee@ex.com", firstName: "Lee" }).returning();
    await h.db.insert(eventAttendees).values({ eventId: past.id, contractorId: c.id, registrationDate: local("2026-08-20 09:00", zone), qrCodeData: "TPX1.lee-qr-code-data", accessToken: "lee-access-token-0123456789" });
    const contractorId = c.id;
    await h.db.update(contractors).set({ lastInteractionAt: local("2026-09-01 17:00", zone) }).where(eq(contractors.id, contractorId));
    freeze(local("2026-10-15 10:00", zone));
    const first = await new InngestTestEngine({ function: betweenEventsFunction, events: [{ name: "inngest/scheduled.timer", data: {} }] }).execute();
    expect(first.result).toMatchObject({ reEngagement: 1 });
    const rows = await h.db.select().from(eventMessages).where(eq(eventMessages.contractorId, contractorId));
    expect(rows.map((r) => `${r.type}/${r.channel}`)).toEqual(["re_engagement/email"]);
    const second = await new InngestTestEngine({ function: betweenEventsFunction, events: [{ name: "inngest/scheduled.timer", data: {} }] }).execute();
    expect(second.result).toEqual({ skipped: "already ran today" });
  });
});
