import { webcrypto } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { aiLearningEvents, checkInScans, eventAgendaItems, eventAttendees, eventMessages, recommendations, users } from "@/db/schema";
import { buildCodeList, codeListPublicKey, hashCode, type CodeList } from "@/lib/checkin/code-list";
import { scanIntoSession } from "@/lib/checkin/session";
import { scanAtDoor, syncOfflineScans } from "@/lib/checkin/tablet";
import { undoCheckIn } from "@/lib/checkin/undo";
import { freeze, resetClock } from "@/lib/clock";
import { cancelRegistration } from "@/lib/registration/cancel";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";

const zone = "America/Chicago";
let h: DbHandle;
let sam: { kind: "staff"; userId: string; name: string };
let kim: { kind: "staff"; userId: string; name: string };
let n = 0;

beforeAll(async () => {
  h = await createTestDb();
  const [u, v] = await h.db
    .insert(users)
    .values([
      { email: "sam@tablet.test", name: "Sam", role: "staff" },
      { email: "kim@tablet.test", name: "Kim", role: "staff" },
    ])
    .returning();
  sam = { kind: "staff", userId: u.id, name: u.name };
  kim = { kind: "staff", userId: v.id, name: v.name };
});
afterAll(async () => {
  resetClock();
  await h.close();
});
beforeEach(() => freeze(local("2026-12-01 12:00", zone)));

async function setup(people = 1) {
  const event = await makeEvent(h.db, {
    timezone: zone,
    start: "2026-12-10 09:00",
    end: "2026-12-10 17:00",
    agenda: [{ title: "Roofing margins", start: "2026-12-10 10:00", end: "2026-12-10 11:00" }],
  });
  const attendees = [];
  for (let i = 0; i < people; i++) {
    const res = await registerAttendee(h.db, { eventSlug: event.slug, firstName: "Jo", lastName: `Kim${i}`, email: `t${++n}@example.com`, smsConsent: false });
    if (!res.ok) throw new Error(res.error.message);
    const [a] = await h.db.select().from(eventAttendees).where(eq(eventAttendees.id, res.attendeeId));
    attendees.push(a);
  }
  return { event, attendees };
}
const scan = (code: string, nonce: string, deviceId = "device-a") => ({ method: "qr_code" as const, code, nonce, deviceId });

describe("the tablet at the door", () => {
  it("answers green, then amber with when and by whom, then red for an unknown code; each scan is logged", async () => {
    const { event, attendees: [a] } = await setup();
    freeze(local("2026-12-10 09:02", zone));
    const first = await scanAtDoor(h.db, event.id, scan(a.qrCodeData, "nonce-0001"), sam);
    expect(first).toMatchObject({ outcome: "checked_in", tone: "green", title: "Checked in", name: "Jo Kim0" });
    expect(new Date(first.undoUntil!).getTime()).toBe(local("2026-12-10 09:04", zone).getTime());
    const again = await scanAtDoor(h.db, event.id, scan(a.qrCodeData, "nonce-0002"), kim);
    expect(again).toMatchObject({ outcome: "already_checked_in", tone: "amber", message: "Jo Kim0 is already checked in at 09:02 (by Sam)." });
    expect(again.undoUntil).toBeUndefined();
    const bad = await scanAtDoor(h.db, event.id, scan("TPX1.nobody", "nonce-0003"), sam);
    expect(bad).toMatchObject({ outcome: "unknown_code", tone: "red", title: "Not registered" });
    const log = await h.db.select().from(checkInScans).where(eq(checkInScans.eventId, event.id));
    expect(log.map((l) => l.outcome).sort()).toEqual(["already_checked_in", "checked_in", "unknown_code"]);
  });

  it("says cancelled and closed in their own words", async () => {
    const { event, attendees: [a, b] } = await setup(2);
    await cancelRegistration(h.db, b.id);
    freeze(local("2026-12-10 09:00", zone));
    expect(await scanAtDoor(h.db, event.id, scan(b.qrCodeData, "nonce-c001"), sam)).toMatchObject({ tone: "red", title: "Registration cancelled" });
    freeze(local("2026-12-11 17:01", zone));
    expect(await scanAtDoor(h.db, event.id, scan(a.qrCodeData, "nonce-c002"), sam)).toMatchObject({ tone: "red", title: "Check-in has closed" });
  });

  it("syncs offline scans idempotently, keeping the scan time (never in the future), and reports a conflict", async () => {
    const { event, attendees: [a, b, c] } = await setup(3);
    freeze(local("2026-12-10 09:30", zone));
    const queued = [
      { code: a.qrCodeData, nonce: "off-0001", scannedAt: local("2026-12-10 09:05", zone) },
      { code: b.qrCodeData, nonce: "off-0002", scannedAt: local("2026-12-10 11:00", zone) }, // device clock ahead
    ];
    // Another device checked c in online first; this one scanned c offline too.
    await scanAtDoor(h.db, event.id, scan(c.qrCodeData, "on-0003", "device-b"), kim);
    const res = await syncOfflineScans(h.db, event.id, "device-a", [...queued, { code: c.qrCodeData, nonce: "off-0003", scannedAt: local("2026-12-10 09:10", zone) }], sam);
    expect(res.map((r) => r.outcome)).toEqual(["checked_in", "conflict", "checked_in"]);
    const retry = await syncOfflineScans(h.db, event.id, "device-a", queued, sam);
    expect(retry.map((r) => r.outcome)).toEqual(["checked_in", "checked_in"]);
    const rows = await h.db.select().from(eventAttendees).where(eq(eventAttendees.eventId, event.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(a.id)!.checkInTime!.getTime()).toBe(local("2026-12-10 09:05", zone).getTime());
    expect(byId.get(b.id)!.checkInTime!.getTime()).toBe(local("2026-12-10 09:30", zone).getTime());
    const conflicts = await h.db.select().from(checkInScans).where(and(eq(checkInScans.eventId, event.id), eq(checkInScans.outcome, "conflict")));
    expect(conflicts).toHaveLength(1);
  });

  it("undoes within 2 minutes from the same device only, and cancels what the check-in started", async () => {
    const { event, attendees: [a] } = await setup();
    freeze(local("2026-12-10 09:00", zone));
    await scanAtDoor(h.db, event.id, scan(a.qrCodeData, "undo-0001"), sam);
    const otherDevice = await undoCheckIn(h.db, event.id, { nonce: "undo-0001", deviceId: "device-b" }, sam);
    expect(!otherDevice.ok && otherDevice.error.code).toBe("other_device");
    const otherUser = await undoCheckIn(h.db, event.id, { nonce: "undo-0001", deviceId: "device-a" }, kim);
    expect(!otherUser.ok && otherUser.error.code).toBe("other_device");
    freeze(local("2026-12-10 09:01", zone));
    const undone = await undoCheckIn(h.db, event.id, { nonce: "undo-0001", deviceId: "device-a" }, sam);
    expect(undone.ok).toBe(true);
    const [row] = await h.db.select().from(eventAttendees).where(eq(eventAttendees.id, a.id));
    expect(row).toMatchObject({ checkInTime: null, planStatus: "none" });
    const msgs = await h.db.select().from(eventMessages).where(and(eq(eventMessages.attendeeId, a.id), eq(eventMessages.type, "check_in_confirmation")));
    expect(msgs.every((m) => m.status === "cancelled")).toBe(true);
    // Checked in again, then too late to undo.
    await scanAtDoor(h.db, event.id, scan(a.qrCodeData, "undo-0002"), sam);
    freeze(new Date(local("2026-12-10 09:03", zone).getTime() + 30_000));
    const late = await undoCheckIn(h.db, event.id, { nonce: "undo-0002", deviceId: "device-a" }, sam);
    expect(!late.ok && late.error.code).toBe("undo_expired");
  });

  it("signs the code list so a device can verify it with the public key, and hashes every code", async () => {
    const { event, attendees: [a] } = await setup(2);
    const signed = await buildCodeList(h.db, event.id);
    expect(signed.payload).not.toContain(a.qrCodeData);
    const list = JSON.parse(signed.payload) as CodeList;
    expect(list.entries.map((e) => e[0])).toContain(hashCode(list.salt, a.qrCodeData));
    const key = await webcrypto.subtle.importKey("raw", Buffer.from(codeListPublicKey(), "base64url"), { name: "Ed25519" }, false, ["verify"]);
    const verify = (payload: string) => webcrypto.subtle.verify("Ed25519", key, Buffer.from(signed.signature, "base64url"), new TextEncoder().encode(payload));
    expect(await verify(signed.payload)).toBe(true);
    expect(await verify(signed.payload.replace("registered", "checked_in"))).toBe(false);
  });
});

describe("session mode", () => {
  it("marks the recommendation for the session attended once and logs the engagement signal", async () => {
    const { event, attendees: [a] } = await setup();
    const [item] = await h.db.select().from(eventAgendaItems).where(eq(eventAgendaItems.eventId, event.id));
    await h.db.insert(recommendations).values({ eventId: event.id, attendeeId: a.id, kind: "speaker", targetId: item.id, rank: 1, score: 0.9 });
    freeze(local("2026-12-10 10:02", zone));
    const first = await scanIntoSession(h.db, event.id, item.id, { code: a.qrCodeData, nonce: "room-0001", deviceId: "device-r" }, sam);
    expect(first).toMatchObject({ outcome: "attended", tone: "green", message: "Jo Kim0 is in Roofing margins (recommended to them)." });
    await scanIntoSession(h.db, event.id, item.id, { code: a.qrCodeData, nonce: "room-0002", deviceId: "device-r" }, sam);
    const [rec] = await h.db.select().from(recommendations).where(eq(recommendations.attendeeId, a.id));
    expect(rec.engagement).toMatchObject({ attended: local("2026-12-10 10:02", zone).toISOString() });
    const signals = await h.db.select().from(aiLearningEvents).where(and(eq(aiLearningEvents.eventId, event.id), eq(aiLearningEvents.action, "attended_session")));
    expect(signals).toHaveLength(1);
    const bad = await scanIntoSession(h.db, event.id, item.id, { code: "TPX1.nobody", nonce: "room-0003", deviceId: "device-r" }, sam);
    expect(bad.tone).toBe("red");
  });
});
