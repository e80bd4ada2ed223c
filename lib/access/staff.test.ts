import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { users } from "@/db/schema";
import { setChannelsForTests, type Channels, type OutgoingEmail } from "@/lib/channels";
import { checkIn } from "@/lib/checkin/check-in";
import { freeze, resetClock } from "@/lib/clock";
import { registerAttendee } from "@/lib/registration/register";
import { createTestDb } from "@/tests/db";
import { local, makeEvent } from "@/tests/factories";
import { canWorkEventDesk } from "./assignments";
import { acceptInvite, findOpenInvite, inviteStaff, revokeStaff, setAssignment } from "./staff";

let h: DbHandle;
const sent: OutgoingEmail[] = [];
const channels = {
  email: { name: "dev-outbox", send: async (e: OutgoingEmail) => (sent.push(e), { ok: true as const, provider: "dev-outbox", providerMessageId: "x" }) },
  sms: { name: "dev-outbox", send: async () => ({ ok: true as const, provider: "dev-outbox", providerMessageId: "y" }), lookup: async () => ({ found: false as const }) },
} satisfies Channels;

beforeAll(async () => {
  h = await createTestDb();
  setChannelsForTests(channels);
});
afterAll(async () => {
  setChannelsForTests(undefined);
  await h.close();
});
afterEach(() => resetClock());

const tokenOf = (e: OutgoingEmail) => /invite\?t=([A-Za-z0-9_-]+)/.exec(e.text)![1];

describe("staff invites and assignments", () => {
  it("invite → one-time link by email → password → staff of one event cannot check in for another", async () => {
    freeze(local("2026-12-10 08:30", "America/Chicago"));
    const [admin] = await h.db.insert(users).values({ email: "org@tpx.test", name: "Org", role: "admin" }).returning();
    const a = await makeEvent(h.db);
    const b = await makeEvent(h.db);
    const bad = await inviteStaff(h.db, { email: "sam@x.com", name: "Sam", eventIds: [] }, { userId: admin.id, email: admin.email });
    expect(!bad.ok && bad.error.fields).toEqual({ eventIds: "choose at least one event" });
    const r = await inviteStaff(h.db, { email: "Sam@X.com", name: "Sam", eventIds: [a.id] }, { userId: admin.id, email: admin.email });
    expect(r.ok && r.sent).toBe(true);
    const token = tokenOf(sent.at(-1)!);
    expect((await acceptInvite(h.db, token, "short")).ok).toBe(false);
    expect((await acceptInvite(h.db, token, "a long enough password")).ok).toBe(true);
    expect(await findOpenInvite(h.db, token)).toBeNull();
    expect((await acceptInvite(h.db, token, "a long enough password")).ok).toBe(false); // one-time
    const [sam] = await h.db.select().from(users).where(eq(users.email, "sam@x.com"));
    expect(sam.role).toBe("staff");
    expect(sam.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(await canWorkEventDesk(h.db, sam, a.id)).toBe(true);
    expect(await canWorkEventDesk(h.db, sam, b.id)).toBe(false);

    const reg = await registerAttendee(h.db, { eventSlug: b.slug, firstName: "Pat", lastName: "Lee", email: "pat@x.com", smsConsent: false });
    if (!reg.ok) throw new Error(reg.error.message);
    const actor = { kind: "staff" as const, userId: sam.id, name: sam.name };
    const refused = await checkIn(h.db, { method: "manual", attendeeId: reg.attendeeId, eventId: b.id }, actor);
    expect(!refused.ok && refused.error.code).toBe("not_assigned");
    expect((await setAssignment(h.db, sam.id, a.id, false, { userId: admin.id, email: admin.email })).ok).toBe(false); // last one
    expect((await setAssignment(h.db, sam.id, b.id, true, { userId: admin.id, email: admin.email })).ok).toBe(true);
    expect((await checkIn(h.db, { method: "manual", attendeeId: reg.attendeeId, eventId: b.id }, actor)).ok).toBe(true);

    expect((await revokeStaff(h.db, sam.id, { userId: admin.id, email: admin.email })).ok).toBe(true);
    const [after] = await h.db.select().from(users).where(eq(users.id, sam.id));
    expect([Boolean(after.revokedAt), after.sessionVersion]).toEqual([true, 1]);
  });
});
