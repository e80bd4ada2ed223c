import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { ACTIONS, ACTORS, KEY_ACTORS, PAGES, ROUTES, accessOf, keyAccessOf, type AccessFixture, type Actor, type KeyActor, type RouteRow } from "./access-table";
import { callRoute, closeAccessFixture, cookieOf, keyHeaders, openAccessFixture, snapshot, type Sessions } from "./harness";

const ROOT = join(import.meta.dirname, "..", "..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

function filesUnder(dir: string, name: (f: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    if (name(entry.name)) out.push(relative(ROOT, full));
  }
  return out.sort();
}

describe("the access table covers every page, route and server action", () => {
  it("every route handler method has a row", async () => {
    const listed = new Set(ROUTES.map((r) => `${r.file} ${r.method}`));
    const missing: string[] = [];
    for (const file of filesUnder("app", (n) => n === "route.ts")) {
      const src = readFileSync(join(ROOT, file), "utf8");
      for (const m of METHODS) {
        if (new RegExp(`export (const|async function|function) ${m}\\b|export const \\{[^}]*\\b${m}\\b`).test(src) && !listed.has(`${file} ${m}`)) missing.push(`${file} ${m}`);
      }
    }
    expect(missing, "add these to tests/security/access-table.ts").toEqual([]);
  });

  it("every page has a row", () => {
    const listed = new Set(PAGES.map((p) => p.file));
    const missing = filesUnder("app", (n) => n === "page.tsx").filter((f) => !listed.has(f));
    expect(missing, "add these to tests/security/access-table.ts").toEqual([]);
  });

  it("every server action has a row", async () => {
    const listed = new Set(ACTIONS.map((a) => `${a.file} ${a.name}`));
    const missing: string[] = [];
    const sources = [...filesUnder("app", (n) => /\.tsx?$/.test(n)), ...filesUnder("components", (n) => /\.tsx?$/.test(n)), ...filesUnder("lib", (n) => /\.tsx?$/.test(n))];
    for (const file of sources) {
      const src = readFileSync(join(ROOT, file), "utf8");
      if (!/^\s*["']use server["']/.test(src)) {
        // An inline "use server" inside a component is an action the table cannot see by name: not allowed.
        expect(/["']use server["']/.test(src), `${file}: put server actions in an actions.ts module with "use server" at the top`).toBe(false);
        continue;
      }
      for (const m of src.matchAll(/export (?:const|async function) (\w+)/g)) if (!listed.has(`${file} ${m[1]}`)) missing.push(`${file} ${m[1]}`);
    }
    expect(missing, "add these to tests/security/access-table.ts").toEqual([]);
  });

  it("every /api/v1 row states each API key's access, and outside /api/v1 a key never gets more than anonymous", () => {
    const isApi = (r: RouteRow) => r.file.startsWith("app/api/v1/");
    expect(ROUTES.filter((r) => isApi(r) && !r.keys).map((r) => `${r.file} ${r.method}`), "add `keys` to these rows").toEqual([]);
    const elevated = ROUTES.filter((r) => !isApi(r) && KEY_ACTORS.some((k) => keyAccessOf(r, k) === "allow" && r.access.anonymous === "deny"));
    expect(elevated.map((r) => `${r.file} ${r.method}`), "an API key is no credential outside /api/v1").toEqual([]);
  });

  it("every row points at something that exists", () => {
    const files = new Set([...filesUnder("app", () => true)]);
    for (const f of [...ROUTES.map((r) => r.file), ...PAGES.map((p) => p.file), ...ACTIONS.map((a) => a.file)]) expect(files.has(f), f).toBe(true);
  });
});

describe("route handlers × callers", () => {
  let h: DbHandle;
  let f: AccessFixture;
  let sessions: Sessions;

  beforeAll(async () => ({ h, f, sessions } = await openAccessFixture()));
  afterAll(() => closeAccessFixture(h));

  const cases = ROUTES.filter((r) => !r.skipRun).flatMap((r) => ACTORS.map((actor) => ({ r, actor: actor as Actor })));
  it.each(cases.map((c) => [`${c.r.method} ${c.r.file.replace(/^app|\/route\.ts$/g, "")} as ${c.actor}: ${accessOf(c.r.access, c.actor)}`, c] as const))(
    "%s",
    async (_name, { r, actor }) => {
      const before = await snapshot(h.db);
      const res = await callRoute(r.file, r.method, { ...r.request(f, actor), cookie: cookieOf(sessions, actor) });
      if (accessOf(r.access, actor) === "allow") {
        expect(res.status < 400 || res.status === 409, `status ${res.status}: ${await res.clone().text()}`).toBe(true);
      } else {
        expect([400, 401, 403, 404], `status ${res.status}: ${await res.clone().text()}`).toContain(res.status);
        expect(await snapshot(h.db), "a refused request changed nothing").toBe(before);
        const body = await res.json();
        expect(body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      }
    },
  );
});

describe("route handlers × API keys", () => {
  let h: DbHandle;
  let f: AccessFixture;

  beforeAll(async () => ({ h, f } = await openAccessFixture()));
  afterAll(() => closeAccessFixture(h));

  // A key is sent alone (no session), with the request anonymous would make.
  const cases = ROUTES.filter((r) => !r.skipRun).flatMap((r) => KEY_ACTORS.map((k) => ({ r, k: k as KeyActor })));
  it.each(cases.map((c) => [`${c.r.method} ${c.r.file.replace(/^app|\/route\.ts$/g, "")} with ${c.k}: ${keyAccessOf(c.r, c.k)}`, c] as const))(
    "%s",
    async (_name, { r, k }) => {
      const before = await snapshot(h.db);
      const res = await callRoute(r.file, r.method, { ...r.request(f, "anonymous"), headers: keyHeaders(f, k) });
      if (keyAccessOf(r, k) === "allow") {
        expect(res.status < 400 || res.status === 409, `status ${res.status}: ${await res.clone().text()}`).toBe(true);
      } else {
        expect([400, 401, 403, 404], `status ${res.status}: ${await res.clone().text()}`).toContain(res.status);
        expect(await snapshot(h.db), "a refused request changed nothing").toBe(before);
        const body = await res.json();
        expect(body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        // On /api/v1 a refused key is told why: revoked → 401, read key on a write → 403.
        if (r.file.startsWith("app/api/v1/")) expect(res.status).toBe(k === "revokedKey" ? 401 : 403);
      }
    },
  );
});
