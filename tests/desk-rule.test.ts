import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { staffAssignments, users } from "@/db/schema";
import { userMayWorkEventDesk, userMayWorkEventDeskSql } from "@/lib/access/assignments";
import { createTestDb } from "./db";
import { makeEvent } from "./factories";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h.close();
});

/** The check-in reads the desk rule in SQL (lib/checkin/check-in.ts); it must answer as the function does. */
describe("the desk rule in SQL", () => {
  it("agrees with userMayWorkEventDesk for admin, unscoped staff, scoped staff, revoked and unknown accounts", async () => {
    const [mine, other] = [await makeEvent(h.db), await makeEvent(h.db)];
    const [admin, unscoped, scoped, revoked, revokedAdmin] = await h.db
      .insert(users)
      .values([
        { email: "admin@desk-rule.test", name: "A", role: "admin" },
        { email: "unscoped@desk-rule.test", name: "U", role: "staff" },
        { email: "scoped@desk-rule.test", name: "S", role: "staff" },
        { email: "revoked@desk-rule.test", name: "R", role: "staff", revokedAt: new Date() },
        { email: "revoked-admin@desk-rule.test", name: "RA", role: "admin", revokedAt: new Date() },
      ])
      .returning();
    await h.db.insert(staffAssignments).values([{ userId: scoped.id, eventId: mine.id }, { userId: revoked.id, eventId: mine.id }]);
    const unknown = "00000000-0000-4000-8000-000000000000";
    const cases: Array<[string, string, boolean]> = [];
    for (const [who, id] of [["admin", admin.id], ["unscoped", unscoped.id], ["scoped", scoped.id], ["revoked", revoked.id], ["revoked admin", revokedAdmin.id], ["unknown", unknown]] as const) {
      for (const ev of [mine, other]) {
        const [row] = await h.db.select({ ok: userMayWorkEventDeskSql(id, sql`${ev.id}::uuid`).mapWith(Boolean) }).from(users).where(eq(users.id, admin.id));
        expect([who, ev.id, row.ok]).toEqual([who, ev.id, await userMayWorkEventDesk(h.db, id, ev.id)]);
        cases.push([who, ev === mine ? "mine" : "other", row.ok]);
      }
    }
    expect(cases).toEqual([
      ["admin", "mine", true], ["admin", "other", true],
      ["unscoped", "mine", true], ["unscoped", "other", true],
      ["scoped", "mine", true], ["scoped", "other", false],
      ["revoked", "mine", false], ["revoked", "other", false],
      ["revoked admin", "mine", false], ["revoked admin", "other", false],
      ["unknown", "mine", false], ["unknown", "other", false],
    ]);
  });
});
