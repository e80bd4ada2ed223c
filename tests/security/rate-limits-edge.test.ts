import "../support/next-request";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { registerForEvent } from "@/app/events/[slug]/actions";
import { resetClock } from "@/lib/clock";
import { setDbHandle } from "@/lib/db";
import { limits } from "@/lib/ratelimit";
import { proxy } from "@/proxy";
import { createTestDb } from "../db";
import { asCaller } from "../support/next-request";
import type { AccessFixture } from "./access-table";
import { callRoute, makeAccessFixture } from "./harness";

/** The limits as an attacker meets them at the edge: 429 with Retry-After, and the action says so. */
let h: DbHandle;
let f: AccessFixture;

beforeAll(async () => {
  h = await createTestDb();
  setDbHandle(h);
  f = await makeAccessFixture(h.db);
});
afterAll(async () => {
  resetClock();
  setDbHandle(undefined);
  await h.close();
});

describe("rate limits at the edge", () => {
  it("registration: the same email again and again is cut off with 429 and Retry-After", async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < limits.registrationEmail.points + 2; i++) {
      last = await callRoute("app/api/event-check-in/register/route.ts", "POST", {
        url: "/api/event-check-in/register",
        body: { eventSlug: f.slug, firstName: "Bomb", lastName: "Er", email: "inbox.bomb@example.com" },
        headers: { "x-forwarded-for": `198.51.100.${i}` },
      });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, limits.registrationEmail.points).every((s) => s === 202)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await last!.json()).error.code).toBe("rate_limited");
  });

  it("the registration form says so in words", async () => {
    let state: unknown;
    for (let i = 0; i < limits.registrationEmail.points + 1; i++) {
      asCaller({ ip: `198.51.100.${100 + i}` });
      const fd = new FormData();
      for (const [k, v] of Object.entries({ firstName: "Form", lastName: "Bomb", email: "form.bomb@example.com", phone: "", companyName: "" })) fd.append(k, v);
      try {
        state = await registerForEvent(f.slug, { status: "idle" }, fd);
      } catch {
        state = "redirected";
      }
    }
    expect(state).toMatchObject({ status: "error", message: expect.stringMatching(/Too many attempts/) });
  });

  it("token pages: one IP guessing links gets 429 from the proxy before any page renders", async () => {
    const url = `http://localhost:3000/events/${f.slug}/agenda?t=${"g".repeat(32)}`;
    let res: Response | undefined;
    for (let i = 0; i <= limits.tokenPageIp.points; i++) res = await proxy(new NextRequest(url, { headers: { "x-forwarded-for": "192.0.2.77" } }));
    expect(res!.status).toBe(429);
    expect(res!.headers.get("retry-after")).toBeTruthy();
    // Another IP is not affected, and gets the security headers.
    const other = await proxy(new NextRequest(url, { headers: { "x-forwarded-for": "192.0.2.78" } }));
    expect(other.status).not.toBe(429);
    expect(other.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
