import { apiDocument } from "./openapi";

/**
 * Reads the OpenAPI document into what the reference page (app/api-docs) shows:
 * operations grouped by tag, each schema flattened into rows of fields, and an
 * example built from the schemas' `example`s. Pure: the page only lays it out.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  description?: string;
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  additionalProperties?: boolean | Schema;
};

export type FieldRow = { name: string; type: string; required: boolean; description: string };
export type ParamRow = FieldRow & { in: string };
export type ReferenceOperation = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  params: ParamRow[];
  body: { schemaName: string; fields: FieldRow[]; example: unknown } | null;
  responses: Array<{ status: string; description: string; schemaName: string | null }>;
  /** An example of the success response. */
  responseExample: unknown;
  curl: string;
};

const doc = () => apiDocument() as unknown as { info: { title: string; version: string; description?: string }; paths: Record<string, Record<string, Record<string, unknown>>>; components: { schemas: Record<string, Schema> } };

const refName = (ref: string) => ref.split("/").pop()!;
const deref = (s: Schema): Schema => (s.$ref ? (doc().components.schemas[refName(s.$ref)] ?? {}) : s);

export function typeLabel(s: Schema): string {
  if (s.$ref) return refName(s.$ref);
  if (s.anyOf) return s.anyOf.map(typeLabel).join(" | ");
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : ["any"];
  return types.map((t) => (t === "array" && s.items ? `${typeLabel(s.items)}[]` : t === "string" && s.format ? `string (${s.format})` : t)).join(" | ");
}

function describe(s: Schema): string {
  const parts = [s.description];
  if (s.default !== undefined) parts.push(`Default ${JSON.stringify(s.default)}.`);
  if (s.minimum !== undefined && s.maximum !== undefined && s.minimum > -1e15) parts.push(`${s.minimum}–${s.maximum}.`);
  return parts.filter(Boolean).join(" ");
}

export function fieldsOf(schema: Schema): FieldRow[] {
  const s = deref(schema);
  return Object.entries(s.properties ?? {}).map(([name, p]) => ({ name, type: typeLabel(p), required: (s.required ?? []).includes(name), description: describe(p) }));
}

/** An example value: the schema's own example, else one built from its fields. */
export function exampleOf(schema: Schema, depth = 0): unknown {
  const s = deref(schema);
  if (s.example !== undefined) return s.example;
  if (depth > 4) return null;
  if (s.anyOf) return exampleOf(s.anyOf.find((x) => x.type !== "null") ?? s.anyOf[0], depth + 1);
  if (s.enum) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  if (type === "object" || s.properties) {
    return Object.fromEntries(Object.entries(s.properties ?? {}).filter(([k]) => (s.required ?? []).includes(k) || deref(s.properties![k]).example !== undefined).map(([k, p]) => [k, exampleOf(p, depth + 1)]));
  }
  if (type === "array") return s.items ? [exampleOf(s.items, depth + 1)] : [];
  if (type === "integer" || type === "number") return s.default ?? 0;
  if (type === "boolean") return s.default ?? false;
  if (s.format === "date-time") return "2026-12-10T15:00:00.000Z";
  if (s.format === "uuid") return "3f1c2a4e-8b7d-4c5e-9a0b-1d2e3f4a5b6c";
  return "string";
}

function curlFor(method: string, path: string, body: unknown, isPublic: boolean): string {
  const url = `https://tpx.example.com/api/v1${path.replace(/\{(\w+)\}/g, (_, n: string) => `$${n.replace(/Id$/, "_ID").toUpperCase()}`)}`;
  const lines = [`curl${method === "get" ? "" : ` -X ${method.toUpperCase()}`} "${url}"`];
  if (!isPublic) lines.push(`  -H "Authorization: Bearer $TPX_API_KEY"`);
  if (body !== undefined) lines.push(`  -H "Content-Type: application/json"`, `  -d '${JSON.stringify(body)}'`);
  return lines.join(" \\\n");
}

export function referenceModel() {
  const d = doc();
  const groups = new Map<string, ReferenceOperation[]>();
  for (const [path, item] of Object.entries(d.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      const op = raw as { operationId: string; tags: string[]; summary: string; description?: string; security?: unknown[]; parameters?: Array<{ in: string; name: string; required?: boolean; schema: Schema; description?: string }>; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }> };
      const bodySchema = op.requestBody?.content["application/json"]?.schema;
      const example = bodySchema ? exampleOf(bodySchema) : undefined;
      const entry: ReferenceOperation = {
        id: op.operationId,
        method,
        path,
        summary: op.summary,
        description: op.description ?? "",
        params: (op.parameters ?? []).map((p) => ({ in: p.in, name: p.name, type: typeLabel(p.schema), required: Boolean(p.required), description: p.description ?? describe(p.schema) })),
        body: bodySchema ? { schemaName: bodySchema.$ref ? refName(bodySchema.$ref) : "body", fields: fieldsOf(bodySchema), example } : null,
        responses: Object.entries(op.responses).map(([status, r]) => {
          const s = r.content?.["application/json"]?.schema;
          return { status, description: r.description, schemaName: s?.$ref ? refName(s.$ref) : null };
        }),
        responseExample: (() => {
          const ok = Object.entries(op.responses).find(([status]) => status.startsWith("2"));
          const schema = ok?.[1].content?.["application/json"]?.schema;
          return schema && op.operationId !== "getOpenApiDocument" ? exampleOf(schema) : undefined;
        })(),
        curl: curlFor(method, path, example, Array.isArray(op.security) && op.security.length === 0),
      };
      const tag = op.tags[0] ?? "Other";
      groups.set(tag, [...(groups.get(tag) ?? []), entry]);
    }
  }
  const schemas = Object.entries(d.components.schemas).map(([name, s]) => ({ name, description: s.description ?? "", fields: fieldsOf(s), example: exampleOf(s) }));
  return { info: d.info, groups: [...groups.entries()].map(([tag, operations]) => ({ tag, operations })), schemas };
}
