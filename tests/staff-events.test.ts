import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { staffAssignments, users } from "@/db/schema";
import { listDeskEventsFor } from "@/lib/checkin/staff";
import { freeze, resetClock } from "@/lib/clock";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";

/** /staff's event picker (SPEC §8): staff see the events they are assigned to, and no other. */
const zone = "America/Chicago";
let h: DbHandle;
let a: { id: string; name: string };
let b: { id: string; name: string };
let c: { id: string; name: string };
type Account = { id: string; role: "admin" | "staff" };
let admin: Account, staffOfA: Account, staffOfAandC: Account, staffOfB: Account, unscoped: Account;

beforeAll(async () => {
  h = await createTestDb();
  freeze(local("2026-12-01 12:00", zone));
  a = await makeEvent(h.db, { start: "2026-12-10 09:00", end: "2026-12-10 17:00" });
  b = await makeEvent(h.db, { start: "2026-12-11 09:00", end: "2026-12-11 17:00", status: "live" });
  c = await makeEvent(h.db, { start: "2026-12-12 09:00", end: "2026-12-12 17:00" });
  await makeEvent(h.db, { status: "draft" });
  const rows = await h.db
    .insert(users)
    .values([
      { email: "org@staff-events.test", name: "Org", role: "admin" },
      { email: "a@staff-events.test", name: "Ana", role: "staff" },
      { email: "ac@staff-events.test", name: "Cal", role: "staff" },
      { email: "b@staff-events.test", name: "Bo", role: "staff" },
      { email: "any@staff-events.test", name: "Desk", role: "staff" },
    ])
    .returning({ id: users.id, role: users.role });
  [admin, staffOfA, staffOfAandC, staffOfB, unscoped] = rows as Account[];
  await h.db.insert(staffAssignments).values([
    { userId: staffOfA.id, eventId: a.id },
    { userId: staffOfAandC.id, eventId: a.id },
    { userId: staffOfAandC.id, eventId: c.id },
    { userId: staffOfB.id, eventId: b.id },
  ]);
});
afterAll(async () => {
  resetClock();
  await h.close();
});
beforeEach(() => freeze(local("2026-12-01 12:00", zone)));

const names = async (user: { id: string; role: string }) => (await listDeskEventsFor(h.db, user)).map((e) => e.name);

describe("the staff event picker", () => {
  it("lists an organizer every open desk event, soonest first (no draft)", async () => {
    expect(await names(admin)).toEqual([a.name, b.name, c.name]);
  });

  it("lists a staff account only the events it is assigned to", async () => {
    expect(await names(staffOfA)).toEqual([a.name]);
    expect(await names(staffOfB)).toEqual([b.name]);
    expect(await names(staffOfAandC)).toEqual([a.name, c.name]);
  });

  it("lists an unscoped desk account (no assignment at all) every open event", async () => {
    expect(await names(unscoped)).toEqual([a.name, b.name, c.name]);
  });

  it("drops an assigned event once its check-in has closed (24 h after its end)", async () => {
    freeze(local("2026-12-11 18:00", zone));
    expect(await names(staffOfAandC)).toEqual([c.name]);
    expect(await names(staffOfA)).toEqual([]);
  });

  it("lists nothing for a role that is not staff or admin", async () => {
    expect(await names({ id: staffOfA.id, role: "attendee" })).toEqual([]);
  });
});
