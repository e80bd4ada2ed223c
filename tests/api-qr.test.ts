import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventAttendees } from "@/db/schema";
import { GET } from "@/app/api/qr/[attendeeId]/route";
import { freeze, resetClock } from "@/lib/clock";
import { setDbHandle } from "@/lib/db";
import { qrPngBase64 } from "@/lib/messaging/qr";
import { qrImageSignature, qrImageUrl } from "@/lib/messaging/qr-link";
import { cancelRegistration } from "@/lib/registration/cancel";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";

/** The hosted check-in QR the emails show (decision 0197), called as Next calls the handler. */
let h: DbHandle;
let n = 0;
beforeAll(async () => {
  h = await createTestDb();
  setDbHandle(h);
  freeze(local("2026-12-01 10:00", "America/Chicago"));
});
afterAll(async () => {
  resetClock();
  setDbHandle(undefined);
  await h.close();
});

async function person() {
  const event = await makeEvent(h.db);
  const r = await registerAttendee(h.db, { eventSlug: event.slug, firstName: "Quinn", lastName: "Ramos", email: `qr-${++n}@example.com`, smsConsent: false });
  if (!r.ok) throw new Error(r.error.message);
  const [a] = await h.db.select().from(eventAttendees).where(eq(eventAttendees.id, r.attendeeId));
  return a;
}

/** GET the path as the mail client's image proxy would, from one address. */
async function get(pathAndQuery: string, ip = "203.0.113.7") {
  const url = new URL(pathAndQuery, "http://localhost");
  const attendeeId = decodeURIComponent(url.pathname.split("/").at(-1)!);
  return GET(new Request(url, { headers: { "x-forwarded-for": ip } }), { params: Promise.resolve({ attendeeId }) });
}

describe("GET /api/qr/{attendee}?s=…", () => {
  it("answers the attendee's own check-in QR as a PNG for the link the emails carry", async () => {
    const a = await person();
    const res = await get(qrImageUrl(a.id));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("public, max-age=86400");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(await qrPngBase64(a.qrCodeData), "base64"))).toBe(true);
  });

  it("answers 404 to another attendee's signature, a tampered one and a cancelled registration, with the error shape", async () => {
    const [a, b] = [await person(), await person()];
    for (const url of [`/api/qr/${a.id}?s=${qrImageSignature(b.id)}`, `/api/qr/${a.id}?s=${qrImageSignature(a.id).replace(/^./, (c) => (c === "A" ? "B" : "A"))}`, `/api/qr/${a.id}?s=`]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: "link_not_found" } });
    }
    await cancelRegistration(h.db, b.id);
    expect((await get(qrImageUrl(b.id))).status).toBe(404);
  });

  it("answers 400 naming the field for a malformed id or signature, never 500", async () => {
    const a = await person();
    const cases: Array<[string, string]> = [
      [`/api/qr/not-an-id?s=${qrImageSignature(a.id)}`, "attendeeId"],
      [`/api/qr/${a.id}`, "s"],
      [`/api/qr/${a.id}?s=${"x".repeat(65)}`, "s"],
      [`/api/qr/${a.id}?s=a&s=b`, "s"],
    ];
    for (const [url, field] of cases) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(JSON.stringify(await res.json()), url).toContain(field);
    }
  });

  it("limits wrong signatures per address (120 a minute), not right ones", async () => {
    const a = await person();
    const wrong = `/api/qr/${a.id}?s=${qrImageSignature("guess")}`;
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) statuses.push((await get(wrong, "198.51.100.9")).status);
    expect(statuses.slice(0, 120).every((s) => s === 404)).toBe(true);
    expect(statuses[120]).toBe(429);
    // The same address still gets the images it has the links for (an image proxy fetches for many people).
    expect((await get(qrImageUrl(a.id), "198.51.100.9")).status).toBe(200);
  }, 60_000);
});
