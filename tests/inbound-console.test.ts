import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contractors, eventMessages, users } from "@/db/schema";
import { setLanguageModelForTests } from "@/lib/ai/model";
import { freeze, resetClock } from "@/lib/clock";
import { getConversation, getInbox, replyAsStaff, simulateInbound } from "@/lib/inbound/conversations";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";
import { makeTexter } from "./inbound-support";

/** The console's side: simulator, handoff inbox, staff reply, conversation view data. */
const AT = local("2026-12-10 12:40", "America/Chicago");
let h: DbHandle;
let staffId = "";

beforeAll(async () => {
  h = await createTestDb();
  const [u] = await h.db.insert(users).values({ email: "org@example.com", name: "Olga Organizer", role: "admin" }).returning();
  staffId = u.id;
  setLanguageModelForTests(null);
  freeze(AT);
});
afterAll(async () => {
  setLanguageModelForTests(undefined);
  resetClock();
  await h.close();
});

describe("conversations", () => {
  it("a simulated question the templates cannot answer lands in the inbox; a staff reply resolves it", async () => {
    const e = await makeEvent(h.db);
    const t = await makeTexter(h.db, e, { contractor: { firstName: "Rosa" } });
    const r = await simulateInbound(h.db, e.id, t.attendee.id, "Is the dinner vegetarian-friendly?", AT);
    expect(r).toMatchObject({ duplicate: false, handledAs: "handoff" });

    let inbox = await getInbox(h.db, e.id);
    expect(inbox.handoffs.map((x) => [x.name, x.body])).toEqual([["Rosa " + t.contractor.lastName, "Is the dinner vegetarian-friendly?"]]);
    expect(inbox.attendees.find((a) => a.attendeeId === t.attendee.id)?.texts).toBe(1);

    const reply = await replyAsStaff(h.db, { eventId: e.id, attendeeId: t.attendee.id, body: "Yes, there is a vegetarian menu.", userId: staffId, at: AT });
    expect(reply).toMatchObject({ ok: true });
    inbox = await getInbox(h.db, e.id);
    expect(inbox.handoffs).toEqual([]);

    const c = await getConversation(h.db, e.id, t.attendee.id);
    expect(c!.timeline.map((m) => [m.kind, m.text])).toEqual([
      ["in", "Is the dinner vegetarian-friendly?"],
      ["out", expect.stringMatching(/passed it to the Summit Team team/)],
      ["out", "Yes, there is a vegetarian menu."],
    ]);
  });

  it("refuses a cold staff text to someone who never agreed to texts, and a simulator or reply across events", async () => {
    const e = await makeEvent(h.db);
    const other = await makeEvent(h.db);
    const t = await makeTexter(h.db, e);
    await h.db.update(contractors).set({ smsOptIn: false }).where(eq(contractors.id, t.contractor.id));
    const cold = await replyAsStaff(h.db, { eventId: e.id, attendeeId: t.attendee.id, body: "Hi!", userId: staffId, at: AT });
    expect(cold).toMatchObject({ ok: false });
    expect(await h.db.select().from(eventMessages).where(and(eq(eventMessages.attendeeId, t.attendee.id), eq(eventMessages.type, "sms_reply")))).toEqual([]);
    expect(await simulateInbound(h.db, other.id, t.attendee.id, "hi", AT)).toBeNull();
    expect(await getConversation(h.db, other.id, t.attendee.id)).toBeNull();
  });
});
