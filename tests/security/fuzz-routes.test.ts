import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createApiKey } from "@/lib/access/api-keys";
import { ROUTES, type AccessFixture, type Actor } from "./access-table";
import { callRoute, closeAccessFixture, cookieOf, openAccessFixture, snapshot, type Sessions } from "./harness";
import { hostileJson, hostileString, mutate } from "./hostile";

/**
 * Every route handler driven with arbitrary input (SPEC §8: bad input is a 4xx
 * with the error shape, a 500 is a bug): hostile path segments, query values and
 * bodies, as anonymous and as an organizer, and every /api/v1 route with a write key
 * (without one the API answers 401 before parsing anything, so only a key reaches its
 * parsers and handlers). Must hold: never a 5xx; a 4xx carries
 * { error: { code, message } }; a 4xx wrote nothing. FUZZ_RUNS sets runs per case
 * (npm run fuzz runs many more); the total tried is printed.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
let tried = 0;

let h: DbHandle;
let f: AccessFixture;
let sessions: Sessions;

beforeAll(async () => ({ h, f, sessions } = await openAccessFixture()));
afterAll(async () => {
  console.log(`fuzz-routes: ${tried.toLocaleString("en-US")} hostile requests, no 5xx`);
  await closeAccessFixture(h);
});

type Input = { path: string; query: Record<string, string | string[]>; body: { kind: "json"; value: unknown } | { kind: "raw"; value: string } | { kind: "none" } };

function inputFor(file: string, valid: { url: string; body?: unknown }): fc.Arbitrary<Input> {
  const [path, search = ""] = valid.url.split("?");
  const validQuery = Object.fromEntries(new URLSearchParams(search));
  const segments = path.split("/");
  const dynamic = file
    .replace(/^app/, "")
    .replace(/\/route\.ts$/, "")
    .split("/")
    .map((seg, i) => (/^\[.+\]$/.test(seg) ? i : -1))
    .filter((i) => i >= 0);
  const pathArb = fc.array(hostileString, { minLength: dynamic.length, maxLength: dynamic.length }).map((vals) => {
    const out = [...segments];
    dynamic.forEach((i, k) => (out[i] = encodeSegment(vals[k]) || "x"));
    return out.join("/");
  });
  const queryArb = fc.oneof(
    fc.constant(validQuery),
    mutate(validQuery).map((q) => Object.fromEntries(Object.entries(q).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v) ?? ""]))),
    fc.dictionary(fc.constantFrom("t", "attendee", "attendee_id", "status", "channel", "type", "q", "callbackUrl"), fc.oneof(hostileString, fc.array(hostileString, { minLength: 2, maxLength: 3 })), { maxKeys: 3 }),
  ) as fc.Arbitrary<Record<string, string | string[]>>;
  const validBody = typeof valid.body === "object" && valid.body !== null ? (valid.body as Record<string, unknown>) : {};
  const bodyArb: fc.Arbitrary<Input["body"]> = fc.oneof(
    fc.constant({ kind: "none" as const }),
    hostileJson.map((value) => ({ kind: "json" as const, value })),
    mutate(validBody).map((value) => ({ kind: "json" as const, value })),
    fc.oneof(hostileString, fc.constantFrom("{", "[1,", '{"a":', "null", '"str"', "1".repeat(70_000))).map((value) => ({ kind: "raw" as const, value })),
  );
  return fc.record({ path: fc.oneof(fc.constant(path), pathArb), query: queryArb, body: bodyArb });
}

/** As a browser sends it: UTF-8, percent-encoded (a lone surrogate becomes U+FFFD on the wire). */
function encodeSegment(s: string): string {
  return Array.from(new TextEncoder().encode(s), (b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, "0").toUpperCase()}`)).join("");
}

function urlOf(i: Input): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(i.query)) for (const x of Array.isArray(v) ? v : [v]) sp.append(k, x);
  const qs = sp.toString();
  return qs ? `${i.path}?${qs}` : i.path;
}

// next-auth's catch-all is its own code (driven over HTTP in e2e); the rest are ours.
const FUZZED = ROUTES.filter((r) => !r.file.includes("[...nextauth]"));
type Fuzzer = Actor | "writeKey";
const ACTORS_FUZZED: Actor[] = ["anonymous", "admin"];
const fuzzersOf = (r: (typeof ROUTES)[number]): Fuzzer[] => (r.keys ? [...ACTORS_FUZZED, "writeKey"] : ACTORS_FUZZED);

describe("route handlers under hostile input", () => {
  it.each(FUZZED.flatMap((r) => fuzzersOf(r).map((a) => [`${r.method} ${r.file.replace(/^app|\/route\.ts$/g, "")} as ${a}`, r, a] as const)))(
    "%s: never 5xx, 4xx has the error shape and writes nothing",
    async (_n, r, actor) => {
      // A key of its own per case: the per-key limit (600 a minute) would otherwise answer 429 to later cases.
      const key = actor === "writeKey" ? (await createApiKey(h.db, { name: `fuzz ${r.method} ${r.file}`, scope: "write", createdBy: null })).key : undefined;
      await fc.assert(
        fc.asyncProperty(inputFor(r.file, r.request(f, "attendee")), async (input) => {
          tried++;
          const before = await snapshot(h.db);
          const res = await callRoute(r.file, r.method, {
            url: urlOf(input),
            cookie: actor === "writeKey" ? undefined : cookieOf(sessions, actor),
            ...(input.body.kind === "json" ? { rawBody: JSON.stringify(input.body.value) ?? "null" } : {}),
            ...(input.body.kind === "raw" ? { rawBody: input.body.value } : {}),
            headers: { ...(input.body.kind === "none" ? {} : { "content-type": "application/json" }), ...(key ? { authorization: `Bearer ${key}` } : {}) },
          });
          expect(res.status, `${r.method} ${urlOf(input).slice(0, 200)} → ${res.status}`).toBeLessThan(500);
          if (res.status >= 400) {
            const ct = res.headers.get("content-type") ?? "";
            expect(ct).toContain("application/json");
            const body = await res.json();
            expect(body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
            expect(await snapshot(h.db)).toBe(before);
          }
        }),
        { numRuns: RUNS },
      );
    },
    120_000,
  );
});
