import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { events } from "@/db/schema";
import { createApiKey, revokeApiKey } from "@/lib/access/api-keys";
import { freeze, resetClock } from "@/lib/clock";
import { setDbHandle } from "@/lib/db";
import { apiRoute } from "@/lib/api/route";
import { errorResponse } from "@/lib/http/response";
import { apiKeyLimit } from "@/lib/api/limit";
import { limits } from "@/lib/ratelimit";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as eventRoute from "@/app/api/v1/events/[eventId]/route";
import * as agendaRoute from "@/app/api/v1/events/[eventId]/agenda-items/route";
import * as speakersRoute from "@/app/api/v1/events/[eventId]/speakers/route";
import { EventCreate as EventCreateForHook } from "@/lib/api/schemas";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";
import { call } from "./support/api-client";

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
  setDbHandle(undefined);
  await h.close();
});
beforeEach(() => freeze(local("2026-11-30 14:00", zone)));

const newEvent = (slug: string) => ({
  name: "Roofing Expo",
  slug,
  timezone: zone,
  starts_at: "2026-12-12T09:00:00-06:00",
  ends_at: "2026-12-12T17:00:00-06:00",
  venue: "Convention Center",
});

describe("/api/v1 authentication and scopes", () => {
  it("answers 401 without a key, with an unknown key and with a malformed header, in the one error shape", async () => {
    const none = await call(eventsRoute.GET, "GET", "/events");
    expect(none.status).toBe(401);
    expect(none.json).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const unknown = await call(eventsRoute.GET, "GET", "/events", { key: `tpx_${"A".repeat(43)}` });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error.code).toBe("invalid_api_key");
    const basic = await call(eventsRoute.GET, "GET", "/events", { headers: { authorization: `Basic ${readKey}` } });
    expect(basic.status).toBe(401);
  });

  it("answers 401 once a key is revoked", async () => {
    const { key, apiKey } = await createApiKey(h.db, { name: "soon revoked", scope: "write", createdBy: null });
    expect((await call(eventsRoute.GET, "GET", "/events", { key })).status).toBe(200);
    await revokeApiKey(h.db, apiKey.id);
    const res = await call(eventsRoute.GET, "GET", "/events", { key });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("invalid_api_key");
  });

  it("lets a read key GET and refuses it every write (403), before looking at the body", async () => {
    expect((await call(eventsRoute.GET, "GET", "/events", { key: readKey })).status).toBe(200);
    const post = await call(eventsRoute.POST, "POST", "/events", { key: readKey, body: newEvent("read-only-try") });
    expect(post.status).toBe(403);
    expect(post.json.error.code).toBe("insufficient_scope");
    const event = await makeEvent(h.db, { timezone: zone });
    const patch = await call(eventRoute.PATCH, "PATCH", `/events/${event.id}`, { key: readKey, params: { eventId: event.id }, body: { name: 42 } });
    expect(patch.status).toBe(403);
  });

  it("lets a write key create an event and read it back", async () => {
    const res = await call(eventsRoute.POST, "POST", "/events", { key: writeKey, body: newEvent("roofing-expo-2026") });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ slug: "roofing-expo-2026", status: "draft", starts_at: "2026-12-12T15:00:00.000Z", timezone: zone });
    const got = await call(eventRoute.GET, "GET", `/events/${res.json.id}`, { key: readKey, params: { eventId: res.json.id } });
    expect(got.json).toEqual(res.json);
    const dup = await call(eventsRoute.POST, "POST", "/events", { key: writeKey, body: newEvent("roofing-expo-2026") });
    expect(dup.status).toBe(409);
    expect(dup.json.error.fields).toEqual({ slug: "is already taken" });
  });
});

describe("apiRoute's per-key limit hook", () => {
  it("runs after the key is verified and before parsing; its 429 is the answer", async () => {
    const seen: string[] = [];
    let handled = 0;
    const limited = apiRoute(
      {
        body: EventCreateForHook,
        limit: async ({ key }) => {
          seen.push(key.name);
          return errorResponse({ status: 429, code: "rate_limited", message: "Slow down." }, { "Retry-After": "7" });
        },
      },
      async () => {
        handled++;
        return Response.json({});
      },
    );
    expect((await call(limited, "POST", "/x", { body: {} })).status).toBe(401);
    expect(seen).toEqual([]);
    const res = await call(limited, "POST", "/x", { key: writeKey, body: { not: "valid" } });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.json.error.code).toBe("rate_limited");
    expect(seen).toEqual(["write"]);
    expect(handled).toBe(0);
  });
});

describe("the default per-key limit (lib/ratelimit limits.apiKey)", () => {
  it("answers 429 with Retry-After once a key has used its window, and counts each key apart", async () => {
    const { apiKey: busy } = await createApiKey(h.db, { name: "busy", scope: "read", createdBy: null });
    const { apiKey: calm } = await createApiKey(h.db, { name: "calm", scope: "read", createdBy: null });
    const req = new Request("http://localhost/api/v1/events");
    for (let i = 0; i < limits.apiKey.points; i++) expect(await apiKeyLimit({ key: busy, req, ip: "203.0.113.5" })).toBeNull();
    const refused = await apiKeyLimit({ key: busy, req, ip: "203.0.113.5" });
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused!.json()).error.code).toBe("rate_limited");
    expect(await apiKeyLimit({ key: calm, req, ip: "203.0.113.5" })).toBeNull();
  });
});

describe("/api/v1 input errors", () => {
  it("answers 400 with every bad field named", async () => {
    const res = await call(eventsRoute.POST, "POST", "/events", {
      key: writeKey,
      body: { name: "", slug: "Not A Slug", timezone: "Mars/Olympus", starts_at: "2026-12-12 09:00", ends_at: "2026-12-12T08:00:00Z", surprise: true },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_input");
    expect(Object.keys(res.json.error.fields).sort()).toEqual(["_", "name", "slug", "starts_at", "timezone"].sort());
    expect(res.json.error.fields.timezone).toMatch(/IANA/);

    const order = await call(eventsRoute.POST, "POST", "/events", { key: writeKey, body: { ...newEvent("backwards"), ends_at: "2026-12-12T08:00:00-06:00" } });
    expect(order.status).toBe(400);
    expect(order.json.error.fields).toEqual({ ends_at: "must be after starts_at" });

    const nul = await call(eventsRoute.POST, "POST", "/events", { key: writeKey, body: { ...newEvent("nul-byte"), name: "a\u0000b" } });
    expect(nul.json.error.fields).toEqual({ name: "must not contain a NUL character" });
  });

  it("refuses a bad cursor, a limit over 100 and a non-UUID id", async () => {
    const cursor = await call(eventsRoute.GET, "GET", "/events", { key: readKey, query: { cursor: "bm90LWEtY3Vyc29y" } });
    expect(cursor.status).toBe(400);
    expect(cursor.json.error.fields.cursor).toMatch(/cursor/);
    const limit = await call(eventsRoute.GET, "GET", "/events", { key: readKey, query: { limit: "101" } });
    expect(limit.json.error.fields).toEqual({ limit: "must be at most 100" });
    const id = await call(eventRoute.GET, "GET", "/events/nope", { key: readKey, params: { eventId: "nope" } });
    expect(id.status).toBe(400);
    const missing = await call(eventRoute.GET, "GET", "/events/x", { key: readKey, params: { eventId: "00000000-0000-4000-8000-000000000000" } });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe("event_not_found");
  });

  it("refuses an agenda item whose speaker belongs to another event", async () => {
    const a = await makeEvent(h.db, { timezone: zone });
    const b = await makeEvent(h.db, { timezone: zone });
    const speaker = await call(speakersRoute.POST, "POST", "/", { key: writeKey, params: { eventId: b.id }, body: { name: "Jordan Ellis" } });
    expect(speaker.status).toBe(201);
    const item = { type: "session", title: "Pricing", starts_at: "2026-12-10T10:00:00-06:00", ends_at: "2026-12-10T10:45:00-06:00", speaker_id: speaker.json.id };
    const res = await call(agendaRoute.POST, "POST", "/", { key: writeKey, params: { eventId: a.id }, body: item });
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toEqual({ speaker_id: "is not a speaker of this event" });
    const ok = await call(agendaRoute.POST, "POST", "/", { key: writeKey, params: { eventId: b.id }, body: item });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ speaker_id: speaker.json.id, starts_at: "2026-12-10T16:00:00.000Z", topics: [] });
  });
});

describe("/api/v1 cursor pagination", () => {
  it("walks every row once, in order, while rows are inserted between pages (ties on created_at included)", async () => {
    // One statement: the rows share created_at to the microsecond, so only the id breaks ties.
    const base = { timezone: zone, startsAt: new Date("2026-12-20T15:00:00Z"), endsAt: new Date("2026-12-20T23:00:00Z") };
    await h.db.insert(events).values(Array.from({ length: 5 }, (_, i) => ({ ...base, name: `Tied ${i}`, slug: `tied-${i}` })));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let extra = 0;
    do {
      const res: Awaited<ReturnType<typeof call>> = await call(eventsRoute.GET, "GET", "/events", { key: readKey, query: { limit: "2", ...(cursor ? { cursor } : {}) } });
      expect(res.status).toBe(200);
      expect(res.json.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.json.data.map((e: { slug: string }) => e.slug));
      cursor = res.json.next_cursor;
      if (pages++ < 3) await makeEvent(h.db, { timezone: zone }).then(() => extra++);
    } while (cursor && pages < 100);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await call(eventsRoute.GET, "GET", "/events", { key: readKey, query: { limit: "100" } });
    expect(seen).toEqual(all.json.data.map((e: { slug: string }) => e.slug));
    expect(seen.filter((s) => s.startsWith("tied-"))).toHaveLength(5);
    expect(extra).toBe(3);
  });
});
