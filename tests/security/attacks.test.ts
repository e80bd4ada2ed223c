import "../support/next-request";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, contractors, eventAttendees, eventMessages } from "@/db/schema";
import { saveProfile } from "@/app/events/[slug]/profile/actions";
import { completeProfile } from "@/lib/registration/profile";
import { resetClock } from "@/lib/clock";
import { setDbHandle } from "@/lib/db";
import { createTestDb } from "../db";
import { asCaller } from "../support/next-request";
import type { AccessFixture } from "./access-table";
import { callRoute, makeAccessFixture, makeSessions, type Sessions } from "./harness";

/**
 * The holes found from outside on the old main, each as the attacker sent it.
 * Every one of these passed (the attack worked) before the edge was rebuilt.
 */
let h: DbHandle;
let f: AccessFixture;
let sessions: Sessions;

async function victim() {
  const [row] = await h.db
    .select({ c: contractors })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .where(eq(eventAttendees.id, f.attendeeId));
  return row.c;
}

function form(fields: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}

beforeAll(async () => {
  h = await createTestDb();
  setDbHandle(h);
  f = await makeAccessFixture(h.db);
  sessions = await makeSessions(h.db);
});
afterAll(async () => {
  resetClock();
  setDbHandle(undefined);
  await h.close();
});
beforeEach(() => asCaller({}));

describe("anonymous profile takeover through the profile server action", () => {
  it("an object in place of the token string is refused and changes nothing", async () => {
    const before = await victim();
    for (const forged of [{ staffAttendeeId: f.attendeeId }, { token: f.token }, [f.token], { verifiedStaffLookupOf: f.attendeeId }]) {
      const state = await saveProfile(forged, { status: "idle" }, form({ first_name: "Mallory", phone: "+15125550999" }));
      expect(state).toMatchObject({ status: "error" });
    }
    expect(await victim()).toEqual(before);
  });

  it("the lib refuses anything but a token string too (defence in depth)", async () => {
    const before = await victim();
    const r = await completeProfile(h.db, { staffAttendeeId: f.attendeeId } as unknown as string, { first_name: "Mallory" });
    expect(r.ok).toBe(false);
    expect(await victim()).toEqual(before);
  });

  it("extra arguments and a non-FormData form are refused", async () => {
    expect(await saveProfile(f.token, { status: "idle" }, form({ first_name: "X" }), "extra")).toMatchObject({ status: "error" });
    expect(await saveProfile(f.token, { status: "idle" }, { first_name: "X" })).toMatchObject({ status: "error" });
    expect((await victim()).firstName).toBe("Ana");
  });

  it("with the attendee's own token the same action saves", async () => {
    const state = await saveProfile(f.token, { status: "idle" }, form({ company_name: "Own Roofing" }));
    expect(state).toMatchObject({ status: "saved" });
    expect((await victim()).companyName).toBe("Own Roofing");
  });
});

describe("registration reveals nothing", () => {
  it("answers a new and a known email identically, with no ids", async () => {
    const known = await callRoute("app/api/event-check-in/register/route.ts", "POST", {
      url: "/api/event-check-in/register",
      body: { eventSlug: f.slug, firstName: "Ana", lastName: "Own", email: "ana.own@example.com" },
    });
    const fresh = await callRoute("app/api/event-check-in/register/route.ts", "POST", {
      url: "/api/event-check-in/register",
      body: { eventSlug: f.slug, firstName: "Neu", lastName: "Person", email: "neu.person@example.com" },
    });
    expect(known.status).toBe(fresh.status);
    const [a, b] = [await known.json(), await fresh.json()];
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    expect(JSON.stringify(a)).not.toMatch(uuid);
    expect(JSON.stringify(b)).not.toMatch(uuid);
    expect(JSON.stringify(a)).not.toContain(f.token);
  });

  it("a known email with another phone does not get that phone added (no texts with the victim's links to the attacker)", async () => {
    const noPhone = await callRoute("app/api/event-check-in/register/route.ts", "POST", {
      url: "/api/event-check-in/register",
      body: { eventSlug: f.slug, firstName: "Pho", lastName: "Neless", email: "phoneless@example.com" },
    });
    expect(noPhone.status).toBe(202);
    const attack = await callRoute("app/api/event-check-in/register/route.ts", "POST", {
      url: "/api/event-check-in/register",
      body: { eventSlug: f.slug, firstName: "Mallory", lastName: "X", email: "phoneless@example.com", phone: "+15125550999", smsConsent: true },
    });
    expect(attack.status).toBe(202);
    const [c] = await h.db.select().from(contractors).where(eq(contractors.email, "phoneless@example.com"));
    expect(c).toMatchObject({ phone: null, smsOptIn: false, firstName: "Pho" });
    const sms = await h.db.select().from(eventMessages).where(eq(eventMessages.contractorId, c.id));
    expect(sms.filter((m) => m.channel === "sms")).toEqual([]);
  });
});

describe("staff cannot rewrite attendee contact data", () => {
  it("complete-profile with an attendee id and a staff session is refused", async () => {
    const before = await victim();
    const res = await callRoute("app/api/event-check-in/complete-profile/route.ts", "POST", {
      url: "/api/event-check-in/complete-profile",
      body: { attendee_id: f.attendeeId, phone: "+15125550999" },
      cookie: sessions.staff,
    });
    expect(res.status).toBe(400);
    expect(await victim()).toEqual(before);
  });

  it("staff cannot use the organizer's contact edit either", async () => {
    const res = await callRoute("app/api/admin/attendees/[id]/route.ts", "PATCH", {
      url: `/api/admin/attendees/${f.attendeeId}`,
      body: { phone: "+15125550999" },
      cookie: sessions.staff,
    });
    expect(res.status).toBe(403);
  });

  it("an organizer's change is recorded: who, when, old and new value", async () => {
    const before = await victim();
    const res = await callRoute("app/api/admin/attendees/[id]/route.ts", "PATCH", {
      url: `/api/admin/attendees/${f.attendeeId}`,
      body: { phone: "(512) 555-0177", last_name: "Owens" },
      cookie: sessions.admin,
    });
    expect(res.status).toBe(200);
    expect((await res.json()).changed.sort()).toEqual(["last_name", "phone"]);
    const after = await victim();
    expect(after).toMatchObject({ phone: "+15125550177", lastName: "Owens", smsOptIn: false });
    const [entry] = await h.db.select().from(auditLog).where(eq(auditLog.subjectId, before.id));
    expect(entry).toMatchObject({
      actorEmail: "matrix.admin@example.com",
      action: "contractor.contact_updated",
      changes: { phone: { old: before.phone, new: "+15125550177" }, last_name: { old: before.lastName, new: "Owens" } },
    });
  });
});

describe("unsubscribe works, page and one-click", () => {
  it("one-click POST (RFC 8058) unsubscribes, and again is still fine", async () => {
    const call = () =>
      callRoute("app/api/unsubscribe/route.ts", "POST", {
        url: `/api/unsubscribe?t=${f.otherToken}`,
        body: "List-Unsubscribe=One-Click",
        contentType: "application/x-www-form-urlencoded",
      });
    const first = await call();
    expect(first.status).toBe(200);
    const [c] = await h.db.select().from(contractors).where(eq(contractors.email, "bo.other@example.com"));
    expect(c.emailUnsubscribedAt).toBeInstanceOf(Date);
    expect((await call()).status).toBe(200);
    const [again] = await h.db.select().from(contractors).where(eq(contractors.email, "bo.other@example.com"));
    expect(again.emailUnsubscribedAt).toEqual(c.emailUnsubscribedAt);
  });

  it("a wrong token is a 404, a malformed one a 400", async () => {
    const wrong = await callRoute("app/api/unsubscribe/route.ts", "POST", { url: `/api/unsubscribe?t=${"x".repeat(32)}` });
    expect(wrong.status).toBe(404);
    const bad = await callRoute("app/api/unsubscribe/route.ts", "POST", { url: `/api/unsubscribe?t=%00${"x".repeat(31)}` });
    expect(bad.status).toBe(400);
  });
});

describe("/api/inngest without Inngest", () => {
  it("answers 404 to GET, POST and an unauthenticated PUT", async () => {
    for (const method of ["GET", "POST", "PUT"]) {
      const res = await callRoute("app/api/inngest/route.ts", method, { url: "/api/inngest", body: method === "GET" ? undefined : {} });
      expect(res.status, method).toBe(404);
    }
  });
});
