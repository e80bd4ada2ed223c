import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contractors, eventAttendees, eventMessages, events } from "@/db/schema";
import { advance, freeze, resetClock } from "@/lib/clock";
import { COMPLETION_CHUNK, completeEvent, completionChunkSize, dueCompletions, FOLLOWUP_LEASE_MS } from "@/lib/followup/complete";
import { POST_EVENT_TYPES } from "@/lib/followup/schedule";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";

/**
 * Decision 0212: completion plans the post-event rows in chunks, checked-in first, each
 * chunk in its own transaction under a lease; a completion that dies half-way is taken
 * over when its lease runs out, and nobody's rows are planned twice.
 */
const zone = "America/Chicago";
let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  resetClock();
  await h.close();
});
beforeEach(() => resetClock());

const END = "2026-12-10 17:00";

/** `n` registrations, the first `came` of them checked in, inserted directly (registration is tested elsewhere). */
let calls = 0;
async function eventWith(n: number, came: number) {
  const base = ++calls * 1000;
  const ev = await makeEvent(h.db, { start: "2026-12-10 09:00", end: END });
  const tag = ev.id.slice(0, 8);
  const people = await h.db
    .insert(contractors)
    .values(Array.from({ length: n }, (_, i) => ({ email: `p${i}-${tag}@example.com`, firstName: `P${i}`, phone: `+1512${String(1_000_0000 + base + i).slice(1)}`, smsOptIn: true })))
    .returning({ id: contractors.id });
  const attendees = await h.db
    .insert(eventAttendees)
    .values(
      people.map((c, i) => ({
        eventId: ev.id, contractorId: c.id, registrationDate: local("2026-12-01 09:00", zone),
        qrCodeData: `qr-${tag}-${i}`, accessToken: `tok-${tag}-${i}`,
        checkInTime: i < came ? local("2026-12-10 08:45", zone) : null,
      })),
    )
    .returning({ id: eventAttendees.id, checkInTime: eventAttendees.checkInTime });
  return { ev, attendees };
}

async function postRows(eventId: string) {
  return h.db
    .select({ attendeeId: eventMessages.attendeeId, type: eventMessages.type, channel: eventMessages.channel, version: eventMessages.scheduleVersion })
    .from(eventMessages)
    .where(and(eq(eventMessages.eventId, eventId), inArray(eventMessages.type, [...POST_EVENT_TYPES])));
}

const eventRow = async (id: string) => (await h.db.select().from(events).where(eq(events.id, id)))[0];

describe("completion in chunks (decision 0212)", () => {
  it("commits each chunk before planning the next, checked-in registrations first", async () => {
    const { ev, attendees } = await eventWith(COMPLETION_CHUNK * 2 + 30, COMPLETION_CHUNK + 10);
    const came = new Set(attendees.filter((a) => a.checkInTime).map((a) => a.id));
    const seen: Array<{ chunk: number; size: number; sponsorChecks: number; planned: number }> = [];
    const at = local(END, zone);
    freeze(at);
    const done = await completeEvent(h.db, ev.id, at, {
      afterChunk: async (chunk, size) => {
        // Another connection's view: what this chunk committed is there for the driver to send.
        const rows = await postRows(ev.id);
        seen.push({ chunk, size, sponsorChecks: rows.filter((r) => r.type === "sponsor_batch_check").length, planned: new Set(rows.map((r) => r.attendeeId)).size });
      },
    });
    expect(done).toMatchObject({ status: "completed", attendees: COMPLETION_CHUNK * 2 + 30 });
    // 10, 20, 40, 80, then 80 left: the first texts are committed after 10 registrations, not all of them.
    expect(seen.map((s) => s.size)).toEqual([10, 20, 40, 80, 80]);
    expect([0, 1, 2, 3, 4, 5].map(completionChunkSize)).toEqual([10, 20, 40, 80, 100, 100]);
    // Checked-in first: every chunk's sponsor checks (due now) were committed before the next chunk began.
    let total = 0;
    for (const s of seen) {
      total += s.size;
      expect(s).toMatchObject({ planned: total, sponsorChecks: Math.min(total, came.size) });
    }
    const rows = await postRows(ev.id);
    expect(rows.filter((r) => r.type === "sponsor_batch_check").every((r) => came.has(r.attendeeId!))).toBe(true);
    // Attended: sponsor check, 2 thank-yous, rating, summary, 2 feedback requests; no-show: 2 thank-yous.
    expect(rows).toHaveLength(came.size * 7 + (attendees.length - came.size) * 2);
    const after = await eventRow(ev.id);
    expect(after.status).toBe("completed");
    expect(after.followupPlannedAt?.getTime()).toBe(at.getTime());
    expect(await dueCompletions(h.db, local("2026-12-11 09:00", zone))).not.toContain(ev.id);
  });

  it("a completion that dies after its first chunk is taken over when its lease runs out, and plans nobody twice", async () => {
    const { ev, attendees } = await eventWith(COMPLETION_CHUNK * 2 + 5, 150);
    const at = local(END, zone);
    freeze(at);
    await expect(
      completeEvent(h.db, ev.id, at, {
        afterChunk: (chunk) => {
          if (chunk === 0) throw new Error("process killed");
        },
      }),
    ).rejects.toThrow("process killed");
    const half = await eventRow(ev.id);
    expect(half.status).toBe("completed");
    expect(half.followupPlannedAt).toBeNull();
    expect(new Set((await postRows(ev.id)).map((r) => r.attendeeId)).size).toBe(completionChunkSize(0));

    // Within the lease nobody takes over: the planner may only be slow.
    advance(FOLLOWUP_LEASE_MS - 1000);
    expect(await dueCompletions(h.db, at)).not.toContain(ev.id);
    expect(await completeEvent(h.db, ev.id, at)).toEqual({ status: "not-open", current: "completed" });

    advance(1000);
    expect(await dueCompletions(h.db, at)).toContain(ev.id);
    const resumed = await completeEvent(h.db, ev.id, at);
    expect(resumed).toMatchObject({ status: "completed", resumed: true, attendees: attendees.length - completionChunkSize(0) });
    const rows = await postRows(ev.id);
    expect(new Set(rows.map((r) => r.attendeeId)).size).toBe(attendees.length);
    // Nobody planned twice: the first chunk's rows were not re-written (version 0), and one row per type and channel.
    expect(rows.every((r) => r.version === 0)).toBe(true);
    expect(new Set(rows.map((r) => `${r.attendeeId}/${r.type}/${r.channel}`)).size).toBe(rows.length);
    expect(rows).toHaveLength(150 * 7 + (attendees.length - 150) * 2);
    expect((await eventRow(ev.id)).followupPlannedAt).not.toBeNull();
    expect(await completeEvent(h.db, ev.id, at)).toEqual({ status: "not-open", current: "completed" });
  });

  it("a planner taken over commits nothing more (its lease is fenced)", async () => {
    const { ev } = await eventWith(COMPLETION_CHUNK + 20, 0);
    const at = local(END, zone);
    freeze(at);
    let rival: Awaited<ReturnType<typeof completeEvent>> | undefined;
    const slow = await completeEvent(h.db, ev.id, at, {
      afterChunk: async (chunk) => {
        if (chunk !== 0) return;
        // The first planner stalls past its lease; a second one takes over and finishes.
        advance(FOLLOWUP_LEASE_MS);
        rival = await completeEvent(h.db, ev.id, at);
      },
    });
    expect(rival).toMatchObject({ status: "completed", resumed: true, attendees: COMPLETION_CHUNK + 20 - completionChunkSize(0) });
    expect(slow).toEqual({ status: "not-open", current: "completed" });
    const rows = await postRows(ev.id);
    expect(rows).toHaveLength((COMPLETION_CHUNK + 20) * 2);
    expect(rows.every((r) => r.version === 0)).toBe(true);
  });

  it("a chunk that fails (rolled back) hands the lease back: the retry takes over at once", async () => {
    const { ev, attendees } = await eventWith(COMPLETION_CHUNK + 40, 60);
    const at = local(END, zone);
    freeze(at);
    await expect(
      completeEvent(h.db, ev.id, at, {
        inChunk: (chunk) => {
          if (chunk === 1) throw new Error("statement failed");
        },
      }),
    ).rejects.toThrow("statement failed");
    // The second chunk rolled back: only the first chunk is planned.
    expect(new Set((await postRows(ev.id)).map((r) => r.attendeeId)).size).toBe(completionChunkSize(0));
    expect(await dueCompletions(h.db, at)).toContain(ev.id);
    expect(await completeEvent(h.db, ev.id, at)).toMatchObject({ status: "completed", resumed: true, attendees: attendees.length - completionChunkSize(0) });
    const rows = await postRows(ev.id);
    expect(rows).toHaveLength(60 * 7 + (attendees.length - 60) * 2);
    expect(rows.every((r) => r.version === 0)).toBe(true);
  });

  it("an event marked completed without a completion run (an import) is not taken over", async () => {
    const { ev } = await eventWith(3, 1);
    await h.db.update(events).set({ status: "completed" }).where(eq(events.id, ev.id));
    advance(FOLLOWUP_LEASE_MS * 10);
    expect(await dueCompletions(h.db, local("2026-12-11 09:00", zone))).not.toContain(ev.id);
    expect(await completeEvent(h.db, ev.id, local("2026-12-11 09:00", zone))).toEqual({ status: "not-open", current: "completed" });
    expect(await postRows(ev.id)).toHaveLength(0);
  });
});
