import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventMessages, events } from "@/db/schema";
import { freeze, resetClock } from "@/lib/clock";
import { buildDemoEventFile } from "@/lib/demo/demo-event";
import { createTestDb } from "@/tests/db";
import { createEvent, setEventStatus, updateEvent } from "./crud";
import { localInput, parseAgendaForm, parseEventForm } from "./forms";
import { importEventFile } from "./import";
import { cancelAgendaItem, saveAgendaItem } from "./items";
import { getAgenda, getEventById } from "./queries";

const NOW = new Date("2026-11-26T15:00:00Z");
let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
});
afterAll(() => h.close());
beforeEach(async () => {
  freeze(NOW);
  await h.db.execute(sql`truncate table events, contractors cascade`);
});
afterEach(() => resetClock());

const form = {
  name: "Spring Build",
  slug: "spring-build",
  timezone: "Asia/Tokyo",
  starts_at: "2026-12-10T09:00",
  ends_at: "2026-12-10T17:00",
  organizer_email: "Ops@Example.com",
};

describe("the event form", () => {
  it("reads times as the event's wall clock and says which field is wrong and why", () => {
    const ok = parseEventForm(form);
    expect(ok.ok && ok.value.starts_at.toISOString()).toBe("2026-12-10T00:00:00.000Z");
    expect(ok.ok && ok.value.organizer?.email).toBe("ops@example.com");
    const bad = parseEventForm({ ...form, timezone: "Mars/Olympus", slug: "Bad Slug", ends_at: "" });
    expect(bad.ok ? {} : bad.fields).toMatchObject({ slug: expect.stringContaining("lower-case"), ends_at: expect.any(String), timezone: expect.stringContaining("IANA") });
    const backwards = parseEventForm({ ...form, ends_at: "2026-12-10T08:00" });
    expect(backwards.ok ? {} : backwards.fields).toEqual({ ends_at: "must be after the start" });
  });

  it("refuses a second event with the same web address", async () => {
    const parsed = parseEventForm(form);
    if (!parsed.ok) throw new Error("form");
    expect((await createEvent(h.db, parsed.value)).ok).toBe(true);
    const again = await createEvent(h.db, parsed.value);
    expect(!again.ok && again.error.fields).toEqual({ slug: "is already used by another event" });
  });
});

describe("changes re-plan and say what moved", () => {
  async function demoWithAttendees() {
    const file = buildDemoEventFile(NOW);
    const summary = await importEventFile(h.db, file, { now: NOW });
    const event = (await getEventById(h.db, summary.eventId))!;
    return { event, file };
  }

  it("moving every agenda item an hour later moves the reminders and says to when", async () => {
    const { event } = await demoWithAttendees();
    const agenda = await getAgenda(h.db, event.id);
    const shift = (d: Date) => localInput(new Date(d.getTime() + 3600_000), event.timezone);
    const ev = parseEventForm({ name: event.name, slug: event.slug, timezone: event.timezone, starts_at: shift(event.startsAt), ends_at: shift(event.endsAt) });
    if (!ev.ok) throw new Error(JSON.stringify(ev.fields));
    expect((await updateEvent(h.db, event.id, ev.value)).ok).toBe(true);
    const lastMoved: Array<{ type: string; count: number; to: Date | null; kind: string }> = [];
    for (const item of [...agenda].reverse()) {
      const later = (d: Date) => localInput(new Date(d.getTime() + 3600_000), event.timezone);
      const parsed = parseAgendaForm({ type: item.type, title: item.title, room: item.room ?? "", starts_at: later(item.startsAt), ends_at: later(item.endsAt) }, event, [], item.key);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
      const r = await saveAgendaItem(h.db, event, item.id, parsed.value);
      if (!r.ok) throw new Error(r.error.message);
      lastMoved.splice(0, lastMoved.length, ...(r.moved?.groups ?? []));
    }
    // The last change moved the first item, which is the event start: the 1-hour reminders follow it.
    const first = agenda[0];
    const oneHour = lastMoved.find((g) => g.type === "check_in_reminder_1_hour");
    expect(oneHour).toMatchObject({ kind: "moved", to: new Date(first.startsAt.getTime()) }) // start (+1 h) − 1 h);
    expect(oneHour!.count).toBeGreaterThan(0);
  });

  it("adding a lunch after the fact plans nothing twice and cancelling an item cancels its alerts", async () => {
    const { event } = await demoWithAttendees();
    const item = parseAgendaForm({ type: "session", title: "Late add", room: "B", starts_at: "2026-12-03T16:00", ends_at: "2026-12-03T16:30" }, event, [], "late-add");
    if (!item.ok) throw new Error(JSON.stringify(item.fields));
    const added = await saveAgendaItem(h.db, event, null, item.value);
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const cancelled = await cancelAgendaItem(h.db, event.id, added.id);
    expect(cancelled.ok).toBe(true);
  });

  it("cancelling the event cancels every pending message", async () => {
    const { event } = await demoWithAttendees();
    const [before] = await h.db.select({ n: sql<number>`count(*)::int` }).from(eventMessages).where(and(eq(eventMessages.eventId, event.id), eq(eventMessages.status, "scheduled")));
    expect(before.n).toBeGreaterThan(0);
    const r = await setEventStatus(h.db, event.id, "cancelled");
    expect(r.ok && r.cancelledMessages).toBe(before.n);
    const [after] = await h.db.select({ n: sql<number>`count(*)::int` }).from(eventMessages).where(and(eq(eventMessages.eventId, event.id), eq(eventMessages.status, "scheduled")));
    expect(after.n).toBe(0);
    expect((await h.db.select().from(events).where(eq(events.id, event.id)))[0].status).toBe("cancelled");
    const again = await setEventStatus(h.db, event.id, "published");
    expect(again.ok).toBe(false);
  });
});
