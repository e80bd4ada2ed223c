import "../support/next-request";
import fc from "fast-check";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { asCaller } from "../support/next-request";
import { ACTIONS, type AccessFixture } from "./access-table";
import { closeAccessFixture, makeSessions, openAccessFixture, snapshot, type Sessions } from "./harness";
import { hostileJson, hostileString } from "./hostile";

/**
 * Every server action called as an attacker would: any number of arguments of any
 * shape React can carry (strings, numbers, objects, arrays, null), and FormData
 * with hostile fields. Must hold: it never throws (a thrown action is a 500), it
 * answers with its own refusal, and a refusal wrote nothing.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
let tried = 0;
let h: DbHandle;
let f: AccessFixture;
let sessions: Sessions;

beforeAll(async () => ({ h, f, sessions } = await openAccessFixture()));
afterAll(async () => {
  console.log(`fuzz-actions: ${tried.toLocaleString("en-US")} hostile calls, none threw`);
  await closeAccessFixture(h);
});

/** How each action says no. */
function isRefusal(result: unknown): boolean {
  if (result === null) return true;
  if (typeof result !== "object") return false;
  const r = result as { status?: string; ok?: boolean };
  return r.ok === false || r.status === "error" || r.status === "closed";
}

const formArb = fc
  .dictionary(
    fc.oneof(hostileString, fc.constantFrom("t", "method", "code", "attendeeId", "nonce", "email", "firstName", "focus_areas", "team_size", "phone", "$ACTION_ID_x")),
    fc.oneof(hostileString, fc.array(hostileString, { minLength: 2, maxLength: 3 })),
    { maxKeys: 6 },
  )
  .map((fields) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
    return fd;
  });

const argArb: fc.Arbitrary<unknown> = fc.oneof(hostileJson, formArb, fc.constant(undefined));

async function load(file: string, name: string): Promise<(...args: unknown[]) => Promise<unknown>> {
  const mod = (await import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, "")}`)) as Record<string, (...a: unknown[]) => Promise<unknown>>;
  return mod[name];
}

describe("server actions under hostile arguments", () => {
  it.each(ACTIONS.flatMap((a) => (["anonymous", "admin"] as const).map((who) => [`${a.name} (${a.file}) as ${who}`, a, who] as const)))(
    "%s: never throws, refuses, writes nothing",
    async (_n, a, who) => {
      const fn = await load(a.file, a.name);
      // Fresh sessions per case: an earlier case may have fuzzed "sign out everywhere" successfully.
      sessions = await makeSessions(h.db);
      asCaller({ cookie: who === "admin" ? sessions.admin : "" });
      await fc.assert(
        fc.asyncProperty(fc.array(argArb, { maxLength: 5 }), async (args) => {
          tried++;
          const before = await snapshot(h.db);
          let result: unknown;
          try {
            result = await fn(...args);
          } catch (err) {
            if (isRedirectError(err)) return; // a redirect is an answer (only after a success)
            throw err;
          }
          if (isRefusal(result)) expect(await snapshot(h.db)).toBe(before);
        }),
        { numRuns: RUNS },
      );
    },
    120_000,
  );

  it("the valid call of each row still works (the fuzz is not refusing everything)", async () => {
    sessions = await makeSessions(h.db);
    asCaller({ cookie: sessions.admin });
    const fn = await load("app/admin/events/[id]/outbox/actions.ts", "loadEmailPreview");
    expect(await fn(f.eventId, f.attendeeId, f.emailMessageId)).toMatchObject({ ok: true });
  });
});
