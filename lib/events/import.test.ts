import { readdirSync, readFileSync } from "node:fs";
import { and, count, eq, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { DateTime } from "luxon";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contractors, eventAgendaItems, eventAttendees, eventMessages, eventSpeakers, eventSponsors, events } from "@/db/schema";
import { buildDemoEventFile, buildDemoEventInput } from "@/lib/demo/demo-event";
import { createTestDb } from "@/tests/db";
import { parseEventFile, type EventFile, type EventFileInput } from "./event-file";
import { importEventFile } from "./import";

const NOW = new Date("2026-11-26T15:00:00Z");
const zone = "America/Chicago";
let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.db.execute(sql`truncate table events, contractors cascade`);
});

function parse(input: unknown): EventFile {
  const r = parseEventFile(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.file;
}
const demo = (day = "2026-12-10"): EventFileInput => buildDemoEventInput(day);
const rows = async (table: PgTable) => (await h.db.select({ n: count() }).from(table))[0].n;
const localIso = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd HH:mm");

describe("the demo event", () => {
  it("examples/demo-event.json parses and is the demo builder's output for 2026-12-10", () => {
    const json = JSON.parse(readFileSync("examples/demo-event.json", "utf8"));
    expect(parseEventFile(json).ok).toBe(true);
    expect(json).toEqual(JSON.parse(JSON.stringify(demo())));
  });

  it("every file in examples/ is valid", () => {
    for (const name of readdirSync("examples").filter((f) => f.endsWith(".json"))) {
      const r = parseEventFile(JSON.parse(readFileSync(`examples/${name}`, "utf8")));
      expect(r.ok ? [] : r.errors, name).toEqual([]);
    }
  });

  it("starts seven local days after today at 08:30 with lunch at 12:00 and networking at the end", () => {
    const file = buildDemoEventFile(new Date("2026-11-26T05:00:00Z")); // still Nov 25 in Chicago
    expect(localIso(file.event.starts_at)).toBe("2026-12-02 08:30");
    expect(file.event.status).toBe("published");
    const lunch = file.agenda.filter((a) => a.type === "lunch");
    expect(lunch.map((a) => [localIso(a.starts_at), (a.ends_at.getTime() - a.starts_at.getTime()) / 60_000])).toEqual([
      ["2026-12-02 12:00", 60],
    ]);
    expect(file.agenda.filter((a) => a.type === "break").map((a) => (a.ends_at.getTime() - a.starts_at.getTime()) / 60_000)).toEqual([30, 30]);
    expect(localIso(file.agenda.at(-1)!.starts_at)).toBe("2026-12-02 17:30");
    expect(file.contractors.every((c) => !c.phone || /^\+151255501\d\d$/.test(c.phone))).toBe(true);
  });
});

describe("importEventFile", () => {
  it("imports the demo with the right counts, normalised contacts and registrations", async () => {
    const s = await importEventFile(h.db, parse(demo()), { now: NOW });
    expect(s).toMatchObject({
      event: "created",
      speakers: { created: 8, updated: 0 },
      agenda: { created: 17, cancelled: 0 },
      sponsors: { created: 8, removed: 0 },
      contractors: { created: 30 },
      registrations: { created: 12, existing: 0, failed: [] },
      messages: null,
    });
    expect([await rows(eventSpeakers), await rows(eventAgendaItems), await rows(eventSponsors)]).toEqual([8, 17, 8]);
    expect(await rows(eventAttendees)).toBe(12);
    const [dana] = await h.db.select().from(contractors).where(eq(contractors.email, "dana.whitaker@example.com"));
    expect(dana).toMatchObject({ phone: "+15125550100", revenueTier: "1m_5m", focusAreas: ["sales", "hiring", "marketing"], smsOptIn: true });
    const [isaac] = await h.db.select().from(contractors).where(eq(contractors.email, "isaac.turner@example.com"));
    expect(isaac).toMatchObject({ phone: null, companyName: null, teamSize: null, focusAreas: [] });
    const [keynote] = await h.db.select().from(eventAgendaItems).where(eq(eventAgendaItems.key, "opening-keynote"));
    const [maria] = await h.db.select().from(eventSpeakers).where(eq(eventSpeakers.key, "maria-delgado"));
    expect(keynote.speakerId).toBe(maria.id);
    expect(await rows(eventMessages)).toBeGreaterThan(12);
  });

  it("is idempotent: a second import changes nothing and re-sends nothing", async () => {
    await importEventFile(h.db, parse(demo()), { now: NOW });
    const messagesBefore = await rows(eventMessages);
    const s = await importEventFile(h.db, parse(demo()), { now: NOW });
    expect(s).toMatchObject({
      event: "unchanged",
      speakers: { created: 0, updated: 0, unchanged: 8 },
      agenda: { created: 0, updated: 0, unchanged: 17, cancelled: 0 },
      sponsors: { created: 0, updated: 0, unchanged: 8, removed: 0 },
      contractors: { created: 0, updated: 0, unchanged: 30 },
      registrations: { created: 0, existing: 12, failed: [] },
      messages: null,
    });
    expect([await rows(events), await rows(eventAgendaItems), await rows(contractors), await rows(eventAttendees)]).toEqual([1, 17, 30, 12]);
    expect(await rows(eventMessages)).toBe(messagesBefore);
  });

  it("cancels dropped agenda items, removes dropped sponsors, and never blanks a contractor field", async () => {
    await importEventFile(h.db, parse(demo()), { now: NOW });
    const next = demo();
    next.agenda = next.agenda.filter((a) => a.key !== "cash-flow");
    next.sponsors = next.sponsors.filter((s) => s.key !== "prosupply");
    next.contractors![0] = { email: "Dana.Whitaker@example.com", company_name: "Acme Roofing & Gutters" };
    next.speakers[0] = { ...next.speakers[0], pcr_score: undefined };
    await h.db.update(eventSpeakers).set({ pcrScore: 3.5 }).where(eq(eventSpeakers.key, "maria-delgado"));
    await h.db.update(events).set({ status: "live" });
    await h.db.update(eventAttendees).set({ cancelledAt: NOW }).where(eq(eventAttendees.contractorId, sql`(select id from contractors where email = 'luis.ortega@example.com')`));
    const s = await importEventFile(h.db, parse(next), { now: NOW });
    expect(s).toMatchObject({ agenda: { cancelled: 1, unchanged: 16 }, sponsors: { removed: 1 }, contractors: { updated: 1, unchanged: 29 } });
    expect(s.registrations).toMatchObject({ existing: 11, cancelledSkipped: 1 });
    const [cashFlow] = await h.db.select().from(eventAgendaItems).where(eq(eventAgendaItems.key, "cash-flow"));
    expect(cashFlow.cancelledAt).toEqual(NOW);
    const [dana] = await h.db.select().from(contractors).where(eq(contractors.email, "dana.whitaker@example.com"));
    expect(dana).toMatchObject({ companyName: "Acme Roofing & Gutters", phone: "+15125550100", firstName: "Dana", teamSize: 24 });
    const [[event], [maria]] = await Promise.all([h.db.select().from(events), h.db.select().from(eventSpeakers).where(eq(eventSpeakers.key, "maria-delgado"))]);
    expect([event.status, maria.pcrScore]).toEqual(["live", 3.5]); // a stale "published" and a missing score undo nothing

    const back = await importEventFile(h.db, parse(demo()), { now: NOW });
    // The sponsor comes back, and the four listed after it take their old places (sort order) again.
    expect(back).toMatchObject({ agenda: { updated: 1, cancelled: 0 }, sponsors: { updated: 5, removed: 0 } });
    const [restored] = await h.db.select().from(eventAgendaItems).where(eq(eventAgendaItems.key, "cash-flow"));
    expect(restored.cancelledAt).toBeNull();
  });

  it("reads times without an offset as wall clock in the event's zone, across a DST change", async () => {
    const input = demo();
    input.event = { ...input.event, starts_at: "2026-03-07T09:00", ends_at: "2026-03-08T17:00" };
    input.agenda = [
      { key: "sat", type: "session", title: "Saturday", starts_at: "2026-03-07T09:00", ends_at: "2026-03-07T10:00" },
      { key: "sun", type: "session", title: "Sunday", starts_at: "2026-03-08T09:00", ends_at: "2026-03-08T10:00" },
      { key: "exact", type: "session", title: "Exact", starts_at: "2026-03-08T15:00:00Z", ends_at: "2026-03-08T11:00-05:00" },
    ];
    input.registrations = [];
    const file = parse(input);
    expect(file.event.starts_at.toISOString()).toBe("2026-03-07T15:00:00.000Z"); // CST, UTC−6
    expect(file.event.ends_at.toISOString()).toBe("2026-03-08T22:00:00.000Z"); // CDT, UTC−5
    expect(file.agenda.map((a) => a.starts_at.toISOString())).toEqual(["2026-03-07T15:00:00.000Z", "2026-03-08T14:00:00.000Z", "2026-03-08T15:00:00.000Z"]);
    await importEventFile(h.db, file, { now: NOW });
    const [sun] = await h.db.select().from(eventAgendaItems).where(eq(eventAgendaItems.key, "sun"));
    expect(sun.startsAt.toISOString()).toBe("2026-03-08T14:00:00.000Z");
    // Fall back: 01:30 happens twice; the first (CDT) is meant.
    input.agenda = [{ key: "x", type: "session", title: "X", starts_at: "2026-11-01T01:30", ends_at: "2026-11-01T03:00" }];
    input.event = { ...input.event, starts_at: "2026-10-31T09:00", ends_at: "2026-11-01T17:00" };
    expect(parse(input).agenda[0].starts_at.toISOString()).toBe("2026-11-01T06:30:00.000Z");
  });

  it("rolls back everything when the import fails part-way", async () => {
    const broken = parse(demo());
    broken.agenda[5] = { ...broken.agenda[5], speaker: "nobody" }; // bypasses parseEventFile on purpose
    await expect(importEventFile(h.db, broken, { now: NOW })).rejects.toThrow(/no speaker with key "nobody"/);
    expect([await rows(events), await rows(eventSpeakers), await rows(contractors), await rows(eventAttendees)]).toEqual([0, 0, 0, 0]);

    await importEventFile(h.db, parse(demo()), { now: NOW });
    const renamed = parse({ ...demo(), event: { ...demo().event, name: "Renamed" } });
    renamed.agenda[5] = { ...renamed.agenda[5], speaker: "nobody" };
    await expect(importEventFile(h.db, renamed, { now: NOW })).rejects.toThrow();
    const [event] = await h.db.select().from(events);
    expect(event.name).toBe("Contractor Growth Summit 2026");
  });

  it("re-plans planned messages when a re-import moves the event", async () => {
    await importEventFile(h.db, parse(demo()), { now: NOW });
    const oneHour = () =>
      h.db.select().from(eventMessages).where(and(eq(eventMessages.type, "check_in_reminder_1_hour"), eq(eventMessages.channel, "email")));
    expect((await oneHour()).map((m) => localIso(m.scheduledFor))).toContain("2026-12-10 07:30");

    const described = await importEventFile(h.db, parse({ ...demo(), event: { ...demo().event, description: "New" } }), { now: NOW });
    expect(described).toMatchObject({ event: "updated", messages: null });

    const moved = await importEventFile(h.db, parse(demo("2026-12-11")), { now: NOW });
    expect(moved.event).toBe("updated");
    expect(moved.messages?.moved).toBeGreaterThan(0);
    const after = (await oneHour()).filter((m) => m.status === "scheduled").map((m) => localIso(m.scheduledFor));
    expect(after.length).toBe(12);
    expect(new Set(after)).toEqual(new Set(["2026-12-11 07:30"]));
  });

  it("keeps a back-dated registered_at without planning reminders for days already past", async () => {
    const input = demo();
    input.registrations = [{ email: "derrick.shaw@example.com", registered_at: "2026-11-10T09:00" }];
    await importEventFile(h.db, parse(input), { now: NOW });
    const [attendee] = await h.db.select().from(eventAttendees);
    expect(localIso(attendee.registrationDate)).toBe("2026-11-10 09:00");
    const planned = await h.db.select().from(eventMessages);
    expect(planned.filter((m) => m.scheduledFor < NOW)).toEqual([]);
    expect(planned.some((m) => m.type === "profile_completion_reminder")).toBe(true); // his profile has gaps
  });

  it("reports registrations the event refuses instead of failing the import", async () => {
    const s = await importEventFile(h.db, parse({ ...demo(), event: { ...demo().event, status: "draft" } }), { now: NOW });
    expect(s.registrations.created).toBe(0);
    expect(s.registrations.failed).toHaveLength(12);
    expect(s.registrations.failed[0]).toMatchObject({ email: "dana.whitaker@example.com", code: "event_not_found" });
    expect(await rows(events)).toBe(1);
  });
});

describe("parseEventFile errors name the place in the file", () => {
  type Case = [string, (f: EventFileInput) => void, Array<{ path: string; message: string }>];
  const cases: Case[] = [
    ["a missing speaker", (f) => void (f.agenda[1].speaker = "nobody"), [{ path: "agenda[1].speaker", message: 'no speaker with key "nobody"' }]],
    ["an item ending before it starts", (f) => void (f.agenda[3].ends_at = "2026-12-10T10:00"), [{ path: "agenda[3].ends_at", message: "must be after starts_at" }]],
    ["an event ending before it starts", (f) => void (f.event.ends_at = "2026-12-10T08:00"), [{ path: "event.ends_at", message: "must be after starts_at" }]],
    ["a bad zone", (f) => void (f.event.timezone = "America/Springfield"), [{ path: "event.timezone", message: "not a valid IANA time zone (e.g. America/Chicago)" }]],
    ["a bad phone", (f) => void (f.contractors![12].phone = "555-12"), [{ path: "contractors[12].phone", message: "not a valid phone number" }]],
    ["a bad email", (f) => void (f.contractors![2].email = "kim at example"), [{ path: "contractors[2].email", message: "not a valid email address" }]],
    ["a duplicate key", (f) => void (f.speakers[4].key = "maria-delgado"), [{ path: "speakers[4].key", message: 'duplicate key "maria-delgado" (also at speakers[0])' }, { path: "agenda[6].speaker", message: 'no speaker with key "linda-cho"' }]],
    ["a duplicate email", (f) => void (f.contractors![5].email = "DANA.WHITAKER@example.com"), [{ path: "contractors[5].email", message: 'duplicate email "dana.whitaker@example.com" (also at contractors[0])' }, { path: "registrations[5].email", message: 'no contractor with email "jorge.ramirez@example.com" in contractors' }]],
    ["an unknown type", (f) => void ((f.agenda[0] as { type: string }).type = "workshop"), [{ path: "agenda[0].type", message: "must be one of: session, keynote, panel, break, lunch, networking" }]],
    ["a misspelt field", (f) => void Object.assign(f.sponsors[2], { booth: "7" }), [{ path: "sponsors[2].booth", message: "unknown field" }]],
    ["a missing section", (f) => void delete (f as Partial<EventFileInput>).agenda, [{ path: "agenda", message: "is required" }]],
    ["a time the clocks skip", (f) => void Object.assign(f.event, { starts_at: "2026-03-08T02:30", ends_at: "2026-03-08T09:00" }), [{ path: "event.starts_at", message: "does not exist in America/Chicago (the clocks skip that hour)" }]],
    ["a registration for someone not listed", (f) => void f.registrations!.push({ email: "nobody@example.com" }), [{ path: "registrations[12].email", message: 'no contractor with email "nobody@example.com" in contractors' }]],
    ["a check-in close before the start", (f) => void (f.event.check_in_closes_at = "2026-12-10T08:00"), [{ path: "event.check_in_closes_at", message: "must be after starts_at" }]],
  ];
  it.each(cases)("%s", (_name, mutate, expected) => {
    const input = structuredClone(demo());
    mutate(input);
    const r = parseEventFile(input);
    expect(r.ok ? [] : r.errors).toEqual(expected);
  });
});
