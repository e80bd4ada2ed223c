import { and, asc, eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import type { Db, DbHandle } from "@/db/client";
import { apiKeys, contractors, eventAgendaItems, eventAttendees, eventMessages, eventSpeakers, eventSponsors, events, staffAssignments, users } from "@/db/schema";
import { createApiKey, revokeApiKey } from "@/lib/access/api-keys";
import { authSecret, sessionCookieName } from "@/lib/auth/secret";
import { ensureUser } from "@/lib/auth/users";
import { freeze, resetClock } from "@/lib/clock";
import { setDbHandle } from "@/lib/db";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "../db";
import { local, makeEvent } from "../factories";
import type { AccessFixture, Actor, KeyActor } from "./access-table";

/**
 * Drives route handlers the way a client would: a real Request (cookie, body,
 * query) into the exported handler, never a call into our own functions.
 */

export type Sessions = { staff: string; otherStaff: string; admin: string };

/** A session cookie as sign-in mints it (with the account's current session version: "sign out everywhere" bumps it). */
export async function sessionCookieFor(user: { id: string; role: "admin" | "staff"; name: string; email: string; sessionVersion?: number }): Promise<string> {
  const jwt = await encode({ token: { sub: user.id, id: user.id, role: user.role, name: user.name, email: user.email, sv: user.sessionVersion ?? 0 }, secret: authSecret() });
  return `${sessionCookieName()}=${jwt}`;
}

export async function makeSessions(db: Db): Promise<Sessions> {
  const staff = await ensureUser(db, { email: "matrix.staff@example.com", name: "Sam Staff", role: "staff", password: "matrix-staff-password" });
  const otherStaff = await ensureUser(db, { email: "matrix.other.staff@example.com", name: "Oscar Otherdesk", role: "staff", password: "matrix-other-staff-password" });
  const admin = await ensureUser(db, { email: "matrix.admin@example.com", name: "Olga Organizer", role: "admin", password: "matrix-admin-password" });
  if (!staff.ok || !otherStaff.ok || !admin.ok) throw new Error("could not create users");
  return { staff: await sessionCookieFor(staff.user), otherStaff: await sessionCookieFor(otherStaff.user), admin: await sessionCookieFor(admin.user) };
}

/**
 * The staff callers' assignments (access-table ACTORS): "staff" to the fixture's event,
 * "otherStaff" only to the other event. Run after makeSessions (which creates the accounts).
 */
export async function assignStaff(db: Db, f: AccessFixture): Promise<void> {
  if (!f.otherEventId) throw new Error("this fixture has no other event");
  const byEmail = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0].id;
  await db
    .insert(staffAssignments)
    .values([
      { userId: await byEmail("matrix.staff@example.com"), eventId: f.eventId },
      { userId: await byEmail("matrix.other.staff@example.com"), eventId: f.otherEventId },
    ])
    .onConflictDoNothing();
}

/** An event starting in an hour (check-in open), its attendee, and an attendee of another event. */
export async function makeAccessFixture(db: Db): Promise<AccessFixture> {
  const zone = "America/Chicago";
  freeze(local("2026-12-10 08:00", zone));
  const event = await makeEvent(db, { timezone: zone, start: "2026-12-10 09:00", end: "2026-12-10 17:00" });
  const other = await makeEvent(db, { timezone: zone, start: "2026-12-10 09:00", end: "2026-12-10 17:00" });
  const a = await registerAttendee(db, { eventSlug: event.slug, firstName: "Ana", lastName: "Own", email: "ana.own@example.com", phone: "+15125550101", smsConsent: true });
  const b = await registerAttendee(db, { eventSlug: other.slug, firstName: "Bo", lastName: "Other", email: "bo.other@example.com" });
  if (!a.ok || !b.ok) throw new Error("could not register the fixture attendees");
  const [email] = await db.select().from(eventMessages).where(eqAttendeeEmail(a.attendeeId));
  const { apiKey } = await createApiKey(db, { name: "Matrix fixture", scope: "write", createdBy: null });
  // The API-key callers (access-table KEY_ACTORS) and one row of each kind for /api/v1's by-id routes.
  const readKey = await createApiKey(db, { name: "Matrix read", scope: "read", createdBy: null });
  const writeKey = await createApiKey(db, { name: "Matrix write", scope: "write", createdBy: null });
  const revokedKey = await createApiKey(db, { name: "Matrix revoked", scope: "write", createdBy: null });
  await revokeApiKey(db, revokedKey.apiKey.id);
  const [speaker] = await db.insert(eventSpeakers).values({ eventId: event.id, key: "matrix-speaker", name: "Mara Matrix" }).returning();
  const [item] = await db
    .insert(eventAgendaItems)
    .values({ eventId: event.id, key: "matrix-item", type: "session", title: "Matrix session", startsAt: local("2026-12-10 11:00", zone), endsAt: local("2026-12-10 11:30", zone), speakerId: speaker.id })
    .returning();
  const [sponsor] = await db.insert(eventSponsors).values({ eventId: event.id, key: "matrix-sponsor", name: "Matrix Supply" }).returning();
  return {
    slug: event.slug,
    eventId: event.id,
    otherEventId: other.id,
    token: a.accessToken,
    otherToken: b.accessToken,
    attendeeId: a.attendeeId,
    emailMessageId: email.id,
    apiKeyId: apiKey.id,
    keys: { readKey: readKey.key, writeKey: writeKey.key, revokedKey: revokedKey.key },
    agendaItemId: item.id,
    speakerId: speaker.id,
    sponsorId: sponsor.id,
  };
}

function eqAttendeeEmail(attendeeId: string) {
  return and(eq(eventMessages.attendeeId, attendeeId), eq(eventMessages.channel, "email"));
}

/**
 * Everything an attacker could change, in a comparable form. API keys: which exist, their
 * scope and whether revoked (not last_used_at, which a live key's accepted call moves).
 */
export async function snapshot(db: Db): Promise<string> {
  const [c, a, m, e, u, k] = await Promise.all([
    db.select().from(contractors).orderBy(asc(contractors.id)),
    db.select().from(eventAttendees).orderBy(asc(eventAttendees.id)),
    db.select().from(eventMessages).orderBy(asc(eventMessages.id)),
    db.select().from(events).orderBy(asc(events.id)),
    db.select({ id: users.id, role: users.role, email: users.email }).from(users).orderBy(asc(users.id)),
    db.select({ id: apiKeys.id, scope: apiKeys.scope, revokedAt: apiKeys.revokedAt }).from(apiKeys).orderBy(asc(apiKeys.id)),
  ]);
  return JSON.stringify({ c, a, m, e, u, k });
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** `app/api/events/[slug]/agenda.ics/route.ts` + `/api/events/x/agenda.ics` → { slug: "x" }. */
export function paramsFor(file: string, path: string): Record<string, string | string[]> {
  const pattern = file.replace(/^app/, "").replace(/\/route\.ts$/, "").split("/");
  const parts = path.split("?")[0].split("/");
  const out: Record<string, string | string[]> = {};
  pattern.forEach((seg, i) => {
    const catchAll = seg.match(/^\[\.\.\.(.+)\]$/);
    if (catchAll) out[catchAll[1]] = parts.slice(i).map(decodeURIComponent);
    else {
      const m = seg.match(/^\[(.+)\]$/);
      if (m && parts[i] !== undefined) out[m[1]] = decodeURIComponent(parts[i]);
    }
  });
  return out;
}

export async function callRoute(
  file: string,
  method: string,
  call: { url: string; body?: unknown; contentType?: string; rawBody?: string; cookie?: string; headers?: Record<string, string> },
): Promise<Response> {
  const mod = (await import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, "")}`)) as Record<string, Handler>;
  const handler = mod[method];
  if (typeof handler !== "function") throw new Error(`${file} has no ${method}`);
  const headers: Record<string, string> = { ...(call.headers ?? {}) };
  if (call.cookie) headers.cookie = call.cookie;
  let body: string | undefined = call.rawBody;
  if (body === undefined && call.body !== undefined) {
    body = typeof call.body === "string" ? call.body : JSON.stringify(call.body);
    headers["content-type"] = call.contentType ?? "application/json";
  }
  const req = new Request(`http://localhost:3000${call.url}`, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : body });
  return handler(req, { params: Promise.resolve(paramsFor(file, call.url)) });
}

/** The Authorization header of a key caller. */
export function keyHeaders(f: AccessFixture, k: KeyActor): Record<string, string> {
  if (!f.keys) throw new Error("this fixture has no API keys");
  return { authorization: `Bearer ${f.keys[k]}` };
}

export function cookieOf(sessions: Sessions, actor: Actor): string | undefined {
  return actor === "staff" ? sessions.staff : actor === "otherStaff" ? sessions.otherStaff : actor === "admin" ? sessions.admin : undefined;
}

/** One test file's world: a fresh database installed as the app's, the fixture and the sessions (staff assigned). */
export async function openAccessFixture(): Promise<{ h: DbHandle; f: AccessFixture; sessions: Sessions }> {
  const h = await createTestDb();
  setDbHandle(h);
  const f = await makeAccessFixture(h.db);
  const sessions = await makeSessions(h.db);
  await assignStaff(h.db, f);
  return { h, f, sessions };
}

export async function closeAccessFixture(h: DbHandle): Promise<void> {
  resetClock();
  setDbHandle(undefined);
  await h.close();
}
