import { and, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contractors, eventAgendaItems, eventAttendees, eventMessages, eventSpeakers, eventSponsors, events, users } from "@/db/schema";
import { createApiKey } from "@/lib/access/api-keys";
import { setLanguageModelForTests } from "@/lib/ai/model";
import { checkIn } from "@/lib/checkin/check-in";
import { buildAttendeePlan } from "@/lib/orchestration/build";
import { registerAttendee } from "@/lib/registration/register";
import { parseEventFile } from "@/lib/events/event-file";
import { freeze, resetClock } from "@/lib/clock";
import { setDbHandle } from "@/lib/db";
import { buildDemoEventInput } from "@/lib/demo/demo-event";
import { importEventFile } from "@/lib/events/import";
import { restoreAgendaItem } from "@/lib/events/items";
import * as agendaRoute from "@/app/api/v1/events/[eventId]/agenda-items/route";
import * as itemRoute from "@/app/api/v1/events/[eventId]/agenda-items/[itemId]/route";
import * as speakersRoute from "@/app/api/v1/events/[eventId]/speakers/route";
import * as speakerRoute from "@/app/api/v1/events/[eventId]/speakers/[speakerId]/route";
import * as sponsorsRoute from "@/app/api/v1/events/[eventId]/sponsors/route";
import * as sponsorRoute from "@/app/api/v1/events/[eventId]/sponsors/[sponsorId]/route";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";
import { call } from "./support/api-client";

/**
 * GET/PATCH/DELETE of one agenda item, speaker or sponsor (issue 8 §5), over the real
 * handlers: partial changes with the console's checks, the console's delete rules,
 * no reach into another event, hostile bodies, and the re-plan's effect on the
 * messages that depend on a session.
 */

const zone = "America/Chicago";
let h: DbHandle;
let readKey: string;
let writeKey: string;

beforeAll(async () => {
  h = await createTestDb();
  setDbHandle(h);
  readKey = (await createApiKey(h.db, { name: "read", scope: "read", createdBy: null })).key;
  writeKey = (await createApiKey(h.db, { name: "write", scope: "write", createdBy: null })).key;
});
afterAll(async () => {
  resetClock();
  setLanguageModelForTests(undefined);
  setDbHandle(undefined);
  await h.close();
});
beforeEach(() => freeze(local("2026-11-30 14:00", zone)));

const session = { type: "session", title: "Pricing for profit", description: "Margins", room: "A", starts_at: "2026-12-10T10:00:00-06:00", ends_at: "2026-12-10T10:45:00-06:00", topics: ["pricing"] };

type Handler = Parameters<typeof call>[0];
/** A raw body (malformed JSON, wrong content) straight into a handler. */
async function raw(handler: Handler, method: string, params: Record<string, string>, body: string, key = writeKey) {
  const req = new Request("http://localhost/api/v1/x", { method, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body });
  const res = await handler(req, { params: Promise.resolve(params) });
  return { status: res.status, json: await res.json() };
}

async function world() {
  const a = await makeEvent(h.db, { timezone: zone });
  const b = await makeEvent(h.db, { timezone: zone });
  const speaker = await call(speakersRoute.POST, "POST", "/", { key: writeKey, params: { eventId: a.id }, body: { name: "Jordan Ellis", title: "Owner", bio: "Roofer", focus_areas: ["pricing"] } });
  const item = await call(agendaRoute.POST, "POST", "/", { key: writeKey, params: { eventId: a.id }, body: { ...session, speaker_id: speaker.json.id } });
  const sponsor = await call(sponsorsRoute.POST, "POST", "/", { key: writeKey, params: { eventId: a.id }, body: { name: "RoofPro Supply", booth_number: "12", offerings: ["Shingles"] } });
  const otherItem = await call(agendaRoute.POST, "POST", "/", { key: writeKey, params: { eventId: b.id }, body: session });
  const otherSpeaker = await call(speakersRoute.POST, "POST", "/", { key: writeKey, params: { eventId: b.id }, body: { name: "Other Speaker" } });
  const otherSponsor = await call(sponsorsRoute.POST, "POST", "/", { key: writeKey, params: { eventId: b.id }, body: { name: "Other Sponsor" } });
  for (const r of [speaker, item, sponsor, otherItem, otherSpeaker, otherSponsor]) expect(r.status, JSON.stringify(r.json)).toBe(201);
  return { a, b, speaker: speaker.json, item: item.json, sponsor: sponsor.json, otherItem: otherItem.json, otherSpeaker: otherSpeaker.json, otherSponsor: otherSponsor.json };
}

describe("GET one agenda item, speaker, sponsor", () => {
  it("answers the resource to a read key, 404 for another event's id and an unknown one, 400 for a non-UUID", async () => {
    const w = await world();
    const got = await call(itemRoute.GET, "GET", "/", { key: readKey, params: { eventId: w.a.id, itemId: w.item.id } });
    expect(got.status).toBe(200);
    expect(got.json).toEqual(w.item);
    expect((await call(speakerRoute.GET, "GET", "/", { key: readKey, params: { eventId: w.a.id, speakerId: w.speaker.id } })).json).toEqual(w.speaker);
    expect((await call(sponsorRoute.GET, "GET", "/", { key: readKey, params: { eventId: w.a.id, sponsorId: w.sponsor.id } })).json).toEqual(w.sponsor);

    const cross = await call(itemRoute.GET, "GET", "/", { key: readKey, params: { eventId: w.a.id, itemId: w.otherItem.id } });
    expect(cross.status).toBe(404);
    expect(cross.json.error.code).toBe("agenda_item_not_found");
    expect((await call(speakerRoute.GET, "GET", "/", { key: readKey, params: { eventId: w.a.id, speakerId: w.otherSpeaker.id } })).status).toBe(404);
    expect((await call(sponsorRoute.GET, "GET", "/", { key: readKey, params: { eventId: w.a.id, sponsorId: w.otherSponsor.id } })).status).toBe(404);
    const unknown = await call(itemRoute.GET, "GET", "/", { key: readKey, params: { eventId: w.a.id, itemId: "00000000-0000-4000-8000-000000000000" } });
    expect(unknown.status).toBe(404);
    const noEvent = await call(itemRoute.GET, "GET", "/", { key: readKey, params: { eventId: "00000000-0000-4000-8000-000000000000", itemId: w.item.id } });
    expect(noEvent.json.error.code).toBe("event_not_found");
    const bad = await call(speakerRoute.GET, "GET", "/", { key: readKey, params: { eventId: w.a.id, speakerId: "1 OR 1=1" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toEqual({ speakerId: "must be an id (UUID)" });
  });
});

describe("PATCH is partial, strict, and checked as the console checks", () => {
  it("changes only the given fields; null clears an optional one", async () => {
    const w = await world();
    const res = await call(itemRoute.PATCH, "PATCH", "/", { key: writeKey, params: { eventId: w.a.id, itemId: w.item.id }, body: { title: "Pricing, revisited", room: null } });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.agenda_item).toEqual({ ...w.item, title: "Pricing, revisited", room: null });
    // Neither time, type, speaker nor topics changed: nothing can have moved.
    expect(res.json.moved).toEqual({ total: 0, groups: [], summary: ["No planned messages had to move."] });

    const sp = await call(speakerRoute.PATCH, "PATCH", "/", { key: writeKey, params: { eventId: w.a.id, speakerId: w.speaker.id }, body: { bio: null, pcr_score: 4.5 } });
    expect(sp.status).toBe(200);
    expect(sp.json).toEqual({ ...w.speaker, bio: null, pcr_score: 4.5 });
    const so = await call(sponsorRoute.PATCH, "PATCH", "/", { key: writeKey, params: { eventId: w.a.id, sponsorId: w.sponsor.id }, body: { focus_areas: ["Financing", "financing"] } });
    expect(so.status).toBe(200);
    expect(so.json).toEqual({ ...w.sponsor, focus_areas: ["financing"] });
    const [stored] = await h.db.select().from(eventSponsors).where(eq(eventSponsors.id, w.sponsor.id));
    expect(stored).toMatchObject({ name: "RoofPro Supply", boothNumber: "12", offerings: ["Shingles"], focusAreas: ["financing"] });
    const empty = await call(speakerRoute.PATCH, "PATCH", "/", { key: writeKey, params: { eventId: w.a.id, speakerId: w.speaker.id }, body: {} });
    expect(empty.json).toEqual(sp.json);
  });

  it("refuses unknown fields (naming them), wrong types, a key change, malformed JSON and a huge body", async () => {
    const w = await world();
    const p = { eventId: w.a.id, itemId: w.item.id };
    const unknown = await call(itemRoute.PATCH, "PATCH", "/", { key: writeKey, params: p, body: { title: "x", speaker: "jordan" } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.fields).toEqual({ _: 'Unrecognized key: "speaker"' });
    const key = await call(sponsorRoute.PATCH, "PATCH", "/", { key: writeKey, params: { eventId: w.a.id, sponsorId: w.sponsor.id }, body: { key: "renamed" } });
    expect(key.status).toBe(400);
    expect(key.json.error.fields).toEqual({ _: 'Unrecognized key: "key"' });
    const types = await call(itemRoute.PATCH, "PATCH", "/", { key: writeKey, params: p, body: { title: 42, starts_at: "10:00", topics: "pricing", type: "party", speaker_id: "nope" } });
    expect(types.status).toBe(400);
    expect(Object.keys(types.json.error.fields).sort()).toEqual(["speaker_id", "starts_at", "title", "topics", "type"]);
    const pcr = await call(speakerRoute.PATCH, "PATCH", "/", { key: writeKey, params: { eventId: w.a.id, speakerId: w.speaker.id }, body: { pcr_score: 9, name: "" } });
    expect(pcr.json.error.fields).toEqual({ pcr_score: "must be between 0 and 5", name: "is required" });
    for (const body of ["{", '{"title":', "[1,", "nul"]) {
      const r = await raw(itemRoute.PATCH, "PATCH", p, body);
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe("invalid_json");
    }
    const array = await raw(sponsorRoute.PATCH, "PATCH", { eventId: w.a.id, sponsorId: w.sponsor.id }, "[]");
    expect(array.status).toBe(400);
    const huge = await call(speakerRoute.PATCH, "PATCH", "/", { key: writeKey, params: { eventId: w.a.id, speakerId: w.speaker.id }, body: { bio: "x".repeat(70_000) } });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe("body_too_large");
    expect((await call(itemRoute.GET, "GET", "/", { key: readKey, params: p })).json).toEqual(w.item);
    expect((await call(speakerRoute.GET, "GET", "/", { key: readKey, params: { eventId: w.a.id, speakerId: w.speaker.id } })).json).toEqual(w.speaker);
  });

  it("checks the merged item: it must end after it starts, and its speaker must be this event's", async () => {
    const w = await world();
    const p = { eventId: w.a.id, itemId: w.item.id };
    const backwards = await call(itemRoute.PATCH, "PATCH", "/", { key: writeKey, params: p, body: { starts_at: "2026-12-10T11:00:00-06:00" } });
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.fields).toEqual({ ends_at: "must be after starts_at" });
    const both = await call(itemRoute.PATCH, "PATCH", "/", { key: writeKey, params: p, body: { starts_at: "2026-12-10T11:00:00-06:00", ends_at: "2026-12-10T10:00:00-06:00" } });
    expect(both.json.error.fields).toEqual({ ends_at: "must be after starts_at" });
    const foreign = await call(itemRoute.PATCH, "PATCH", "/", { key: writeKey, params: p, body: { speaker_id: w.otherSpeaker.id } });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.fields).toEqual({ speaker_id: "is not a speaker of this event" });
    const unlink = await call(itemRoute.PATCH, "PATCH", "/", { key: writeKey, params: p, body: { speaker_id: null } });
    expect(unlink.json.agenda_item.speaker_id).toBeNull();
  });

  it("cannot reach another event's rows through this event's path, and a read key cannot write", async () => {
    const w = await world();
    const crossItem = await call(itemRoute.PATCH, "PATCH", "/", { key: writeKey, params: { eventId: w.a.id, itemId: w.otherItem.id }, body: { title: "Hijacked" } });
    expect(crossItem.status).toBe(404);
    const crossSpeaker = await call(speakerRoute.DELETE, "DELETE", "/", { key: writeKey, params: { eventId: w.a.id, speakerId: w.otherSpeaker.id } });
    expect(crossSpeaker.status).toBe(404);
    const crossSponsor = await call(sponsorRoute.DELETE, "DELETE", "/", { key: writeKey, params: { eventId: w.a.id, sponsorId: w.otherSponsor.id } });
    expect(crossSponsor.status).toBe(404);
    const crossCancel = await call(itemRoute.DELETE, "DELETE", "/", { key: writeKey, params: { eventId: w.a.id, itemId: w.otherItem.id } });
    expect(crossCancel.json.error.code).toBe("agenda_item_not_found");
    for (const [handler, method, params] of [
      [itemRoute.PATCH, "PATCH", { eventId: w.a.id, itemId: w.item.id }],
      [itemRoute.DELETE, "DELETE", { eventId: w.a.id, itemId: w.item.id }],
      [speakerRoute.PATCH, "PATCH", { eventId: w.a.id, speakerId: w.speaker.id }],
      [speakerRoute.DELETE, "DELETE", { eventId: w.a.id, speakerId: w.speaker.id }],
      [sponsorRoute.PATCH, "PATCH", { eventId: w.a.id, sponsorId: w.sponsor.id }],
      [sponsorRoute.DELETE, "DELETE", { eventId: w.a.id, sponsorId: w.sponsor.id }],
    ] as const) {
      const r = await call(handler, method, "/", { key: readKey, params, body: method === "PATCH" ? { title: "Read key" } : undefined });
      expect(r.status, `${method} with a read key`).toBe(403);
      expect(r.json.error.code).toBe("insufficient_scope");
    }
    const [b] = await h.db.select().from(eventAgendaItems).where(eq(eventAgendaItems.id, w.otherItem.id));
    expect(b).toMatchObject({ title: session.title, cancelledAt: null });
    expect(await h.db.select().from(eventSpeakers).where(eq(eventSpeakers.id, w.otherSpeaker.id))).toHaveLength(1);
    expect((await h.db.select().from(eventSponsors).where(eq(eventSponsors.id, w.otherSponsor.id)))[0].removedAt).toBeNull();
    expect((await call(itemRoute.GET, "GET", "/", { key: readKey, params: { eventId: w.a.id, itemId: w.item.id } })).json).toEqual(w.item);
  });
});

describe("DELETE follows the console's rules", () => {
  it("cancels an agenda item (it stays, with cancelled_at); cancelling again changes nothing", async () => {
    const w = await world();
    const p = { eventId: w.a.id, itemId: w.item.id };
    const res = await call(itemRoute.DELETE, "DELETE", "/", { key: writeKey, params: p });
    expect(res.status).toBe(200);
    expect(res.json.agenda_item).toEqual({ ...w.item, cancelled_at: expect.any(String) });
    expect(res.json.moved).toMatchObject({ total: expect.any(Number), groups: expect.any(Array), summary: expect.any(Array) });
    expect((await call(itemRoute.GET, "GET", "/", { key: readKey, params: p })).json.cancelled_at).toBe(res.json.agenda_item.cancelled_at);
    const again = await call(itemRoute.DELETE, "DELETE", "/", { key: writeKey, params: p });
    expect(again.status).toBe(200);
    expect(again.json.agenda_item.cancelled_at).toBe(res.json.agenda_item.cancelled_at);
    expect(again.json.moved.total).toBe(0);
  });

  it("deletes a speaker and keeps their sessions, without a speaker, saying which", async () => {
    const w = await world();
    const res = await call(speakerRoute.DELETE, "DELETE", "/", { key: writeKey, params: { eventId: w.a.id, speakerId: w.speaker.id } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ speaker: w.speaker, unlinked_agenda_item_ids: [w.item.id] });
    expect((await call(itemRoute.GET, "GET", "/", { key: readKey, params: { eventId: w.a.id, itemId: w.item.id } })).json).toEqual({ ...w.item, speaker_id: null });
    expect((await call(speakerRoute.GET, "GET", "/", { key: readKey, params: { eventId: w.a.id, speakerId: w.speaker.id } })).status).toBe(404);
    expect((await call(speakerRoute.DELETE, "DELETE", "/", { key: writeKey, params: { eventId: w.a.id, speakerId: w.speaker.id } })).status).toBe(404);
  });

  it("removes a sponsor (kept, with removed_at); removing again changes nothing", async () => {
    const w = await world();
    const p = { eventId: w.a.id, sponsorId: w.sponsor.id };
    const res = await call(sponsorRoute.DELETE, "DELETE", "/", { key: writeKey, params: p });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ sponsor: { ...w.sponsor, removed_at: expect.any(String) }, already_removed: false });
    const again = await call(sponsorRoute.DELETE, "DELETE", "/", { key: writeKey, params: p });
    expect(again.json).toEqual({ sponsor: res.json.sponsor, already_removed: true });
    expect((await call(sponsorRoute.GET, "GET", "/", { key: readKey, params: p })).json.removed_at).toBe(res.json.sponsor.removed_at);
  });

  it("refuses agenda changes on a cancelled event (409)", async () => {
    const w = await world();
    await h.db.execute(sql`update events set status = 'cancelled' where id = ${w.a.id}`);
    const patch = await call(itemRoute.PATCH, "PATCH", "/", { key: writeKey, params: { eventId: w.a.id, itemId: w.item.id }, body: { title: "Late" } });
    expect(patch.status).toBe(409);
    expect(patch.json.error.code).toBe("event_closed");
    expect((await call(itemRoute.DELETE, "DELETE", "/", { key: writeKey, params: { eventId: w.a.id, itemId: w.item.id } })).status).toBe(409);
  });
});

describe("agenda changes re-plan the messages that depend on them", () => {
  async function alertsOf(eventId: string, itemId: string) {
    return h.db
      .select({ id: eventMessages.id, scheduledFor: eventMessages.scheduledFor, status: eventMessages.status })
      .from(eventMessages)
      .where(and(eq(eventMessages.eventId, eventId), eq(eventMessages.type, "speaker_alert"), sql`${eventMessages.personalization}->>'agendaItemId' = ${itemId}`));
  }

  it("a moved session moves its speaker alerts, and the answer says so; cancelling it cancels them", async () => {
    // The demo event, a few attendees with phones checked in and planned: their plans hold speaker alerts.
    const day = "2026-12-10";
    setLanguageModelForTests(null);
    freeze(local("2026-11-26 09:00", zone));
    const parsed = parseEventFile(buildDemoEventInput(day));
    if (!parsed.ok) throw new Error("demo invalid");
    const summary = await importEventFile(h.db, parsed.file, { now: local("2026-11-26 09:00", zone) });
    await h.db.update(events).set({ smsDailyBudget: 100 }).where(eq(events.id, summary.eventId));
    const people = (await h.db.select().from(contractors).where(isNotNull(contractors.phone))).filter((c) => c.smsOptIn && c.focusAreas.length > 0).slice(0, 4);
    const [u] = await h.db.insert(users).values({ email: "sam.items@tpx.test", name: "Sam", role: "staff" }).returning();
    freeze(local(`${day} 08:30`, zone));
    for (const c of people) {
      const r = await registerAttendee(h.db, { eventSlug: parsed.file.event.slug, firstName: c.firstName ?? "A", lastName: c.lastName ?? "B", email: c.email, phone: c.phone ?? undefined, smsConsent: true });
      if (!r.ok) throw new Error(r.error.message);
      const [a] = await h.db.select().from(eventAttendees).where(eq(eventAttendees.id, r.attendeeId));
      const ci = await checkIn(h.db, { method: "qr_code", code: a.qrCodeData, eventId: summary.eventId }, { kind: "staff", userId: u.id, name: "Sam" });
      if (!ci.ok) throw new Error(ci.error.message);
      await buildAttendeePlan(h.db, a.id);
    }
    const counts = await h.db
      .select({ itemId: sql<string>`${eventMessages.personalization}->>'agendaItemId'`, n: sql<number>`count(*)::int` })
      .from(eventMessages)
      .where(and(eq(eventMessages.eventId, summary.eventId), eq(eventMessages.type, "speaker_alert"), eq(eventMessages.status, "scheduled")))
      .groupBy(sql`1`)
      .orderBy(sql`count(*) desc`);
    expect(counts.length, "the plans hold speaker alerts").toBeGreaterThan(0);
    const itemId = counts[0].itemId;
    const before = await alertsOf(summary.eventId, itemId);
    const [item] = await h.db.select().from(eventAgendaItems).where(eq(eventAgendaItems.id, itemId));
    const later = (d: Date) => new Date(d.getTime() + 30 * 60_000).toISOString();

    const res = await call(itemRoute.PATCH, "PATCH", "/", { key: writeKey, params: { eventId: summary.eventId, itemId }, body: { starts_at: later(item.startsAt), ends_at: later(item.endsAt) } });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const after = await alertsOf(summary.eventId, itemId);
    const was = new Map(before.map((r) => [r.id, r.scheduledFor.getTime()]));
    const scheduled = after.filter((r) => r.status === "scheduled");
    expect(scheduled.length).toBe(counts[0].n);
    for (const r of scheduled) expect(r.scheduledFor.getTime() - was.get(r.id)!).toBe(30 * 60_000);
    const group = res.json.moved.groups.find((g: { type: string; kind: string }) => g.type === "speaker_alert" && g.kind === "moved");
    expect(group).toEqual({ kind: "moved", type: "speaker_alert", count: counts[0].n, to: new Date(scheduled[0].scheduledFor).toISOString() });
    expect(res.json.moved.summary.join("\n")).toMatch(new RegExp(`^${counts[0].n} .*moved to`, "m"));

    const cancel = await call(itemRoute.DELETE, "DELETE", "/", { key: writeKey, params: { eventId: summary.eventId, itemId } });
    expect(cancel.status).toBe(200);
    expect((await alertsOf(summary.eventId, itemId)).filter((r) => r.status === "scheduled")).toEqual([]);
    expect(cancel.json.moved.groups).toContainEqual({ kind: "cancelled", type: "speaker_alert", count: counts[0].n, to: null });
    expect((await alertsOf(summary.eventId, itemId)).every((r) => r.status === "cancelled")).toBe(true);
    // The console's restore (the same writer) plans them again, at the moved time.
    const restored = await restoreAgendaItem(h.db, summary.eventId, itemId);
    expect(restored.ok).toBe(true);
    const back = (await alertsOf(summary.eventId, itemId)).filter((r) => r.status === "scheduled");
    expect(back.map((r) => r.id).sort()).toEqual(scheduled.map((r) => r.id).sort());
    for (const r of back) expect(r.scheduledFor.getTime()).toBe(scheduled[0].scheduledFor.getTime());
  });
});
