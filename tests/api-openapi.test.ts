import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiDocument, OPERATIONS } from "@/lib/api/openapi";
import { referenceModel } from "@/lib/api/reference";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";

/**
 * The document must describe the API that exists: every route file under
 * app/api/v1 and every method it exports, and nothing else. A new route that is
 * not in lib/api/openapi.ts fails here.
 */

const ROOT = path.join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return routeFiles(full);
    return d.name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/events/[eventId]/route.ts → /events/{eventId} */
const toApiPath = (file: string) => "/" + path.relative(ROOT, path.dirname(file)).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/");

type Doc = ReturnType<typeof apiDocument>;
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every "$ref" in the document points at something in it. */
function unresolvedRefs(doc: Doc): string[] {
  const missing: string[] = [];
  const resolve = (ref: string) => ref.replace(/^#\//, "").split("/").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
  const walk = (node: Json) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === "object") {
      if (typeof node.$ref === "string" && resolve(node.$ref) === undefined) missing.push(node.$ref);
      Object.values(node).forEach(walk);
    }
  };
  walk(doc as unknown as Json);
  return missing;
}

describe("the OpenAPI document", () => {
  const doc = apiDocument();

  it("lists every route file under app/api/v1 with exactly the methods it exports", async () => {
    const files = routeFiles(ROOT);
    expect(files.length).toBeGreaterThanOrEqual(10);
    const fromFiles: string[] = [];
    for (const file of files) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const m of METHODS) if (typeof mod[m] === "function") fromFiles.push(`${m.toLowerCase()} ${toApiPath(file)}`);
    }
    const fromDoc = Object.entries(doc.paths ?? {}).flatMap(([p, item]) => Object.keys(item ?? {}).filter((k) => METHODS.some((m) => m.toLowerCase() === k)).map((k) => `${k} ${p}`));
    expect(fromDoc.sort()).toEqual(fromFiles.sort());
  });

  it("is a well-formed OpenAPI 3.1 document", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(unresolvedRefs(doc)).toEqual([]);
    const ids = new Set<string>();
    for (const [p, item] of Object.entries(doc.paths ?? {})) {
      expect(p).toMatch(/^\//);
      const templated = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(item ?? {})) {
        if (typeof op !== "object" || !op || !("responses" in op)) continue;
        expect(ids.has(op.operationId!), `duplicate operationId ${op.operationId}`).toBe(false);
        ids.add(op.operationId!);
        const params = (op.parameters ?? []) as Array<{ in: string; name: string; required?: boolean; schema?: unknown }>;
        const pathParams = params.filter((x) => x.in === "path");
        expect(pathParams.map((x) => x.name).sort(), `${method} ${p}`).toEqual([...templated].sort());
        for (const x of pathParams) expect(x.required).toBe(true);
        for (const x of params) expect(["path", "query", "header", "cookie"]).toContain(x.in);
        const codes = Object.keys(op.responses ?? {});
        expect(codes.some((c) => /^2\d\d$/.test(c)), `${method} ${p} has a 2xx`).toBe(true);
        for (const c of codes) {
          expect(c).toMatch(/^[1-5]\d\d$/);
          expect((op.responses as Record<string, { description?: string }>)[c].description).toBeTruthy();
        }
        if (method === "get" || method === "delete") expect(op.requestBody).toBeUndefined();
      }
    }
    // Every operation needs the bearer key except the document itself.
    expect(doc.components?.securitySchemes?.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths?.["/openapi.json"]?.get?.security).toEqual([]);
  });

  it("documents the one error shape and is served at /api/v1/openapi.json without a key", async () => {
    expect(doc.components?.schemas?.Error).toMatchObject({ type: "object", required: ["error"] });
    const res = await openapiRoute.GET(new Request("http://localhost/api/v1/openapi.json"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});

describe("the reference page's model", () => {
  it("shows every operation with a curl example, and a body example that the API accepts", async () => {
    const { groups, schemas } = referenceModel();
    const ops = groups.flatMap((g) => g.operations);
    expect(ops.map((o) => o.id).sort()).toEqual(OPERATIONS.map((o) => o.id).sort());
    for (const op of ops) {
      expect(op.curl).toMatch(/^curl /);
      expect(op.curl.includes("Authorization: Bearer"), op.id).toBe(op.id !== "getOpenApiDocument");
    }
    const register = ops.find((o) => o.id === "registerAttendee")!;
    expect(register.body?.fields.filter((f) => f.required).map((f) => f.name)).toEqual(["first_name", "last_name", "email"]);
    const { AttendeeRegister, EventCreate } = await import("@/lib/api/schemas");
    expect(AttendeeRegister.safeParse(register.body!.example).success).toBe(true);
    expect(EventCreate.safeParse(ops.find((o) => o.id === "createEvent")!.body!.example).success).toBe(true);
    expect(schemas.map((s) => s.name)).toContain("Error");
  });
});
