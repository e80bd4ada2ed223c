import type { Metadata } from "next";
import { referenceModel, type ReferenceOperation } from "@/lib/api/reference";
import { CodeBlock, FieldTable, Prose } from "./field-table";

export const metadata: Metadata = { title: "API reference" };

/**
 * The REST API reference, rendered on the server from the same OpenAPI document
 * as /api/v1/openapi.json: our own HTML and CSS, nothing loaded from elsewhere
 * (no Swagger UI, Redoc or Scalar from a CDN). Public: it holds no data.
 */

const METHOD_CLASS: Record<string, string> = {
  get: "bg-info/12 text-info",
  post: "bg-success/12 text-success",
  patch: "bg-warning/15 text-foreground",
  delete: "bg-destructive/12 text-destructive",
};

const anchor = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-");

export default function ApiDocsPage() {
  const { info, groups, schemas } = referenceModel();
  return (
    <div className="mx-auto grid w-full max-w-[88rem] gap-8 px-4 py-8 sm:px-6 lg:grid-cols-[14rem_minmax(0,1fr)]">
      <nav aria-label="API reference" className="lg:sticky lg:top-6 lg:self-start">
        <ul className="grid gap-3 text-sm">
          {groups.map((g) => (
            <li key={g.tag}>
              <a href={`#${anchor(g.tag)}`} className="font-medium hover:underline">{g.tag}</a>
              <ul className="mt-1 grid gap-1 border-l border-border pl-3 text-muted-foreground">
                {g.operations.map((op) => (
                  <li key={op.id}><a href={`#${op.id}`} className="hover:text-foreground hover:underline">{op.summary}</a></li>
                ))}
              </ul>
            </li>
          ))}
          <li><a href="#schemas" className="font-medium hover:underline">Schemas</a></li>
        </ul>
      </nav>
      <main id="main" className="grid min-w-0 gap-10">
        <header className="grid gap-2">
          <h1 className="text-3xl font-semibold tracking-tight">{info.title} <span className="text-base font-normal text-muted-foreground">v{info.version}</span></h1>
          <p className="max-w-3xl text-muted-foreground"><Prose text={info.description ?? ""} /></p>
          <p className="text-sm">
            Base URL <code className="rounded bg-muted px-1.5 py-0.5">/api/v1</code> · Machine-readable: <a href="/api/v1/openapi.json" className="text-primary hover:underline">openapi.json</a> (OpenAPI 3.1)
          </p>
        </header>
        {groups.map((g) => (
          <section key={g.tag} aria-labelledby={anchor(g.tag)} className="grid gap-6">
            <h2 id={anchor(g.tag)} className="border-b border-border pb-2 text-2xl font-semibold">{g.tag}</h2>
            {g.operations.map((op) => <OperationView key={op.id} op={op} />)}
          </section>
        ))}
        <section aria-labelledby="schemas" className="grid gap-6">
          <h2 id="schemas" className="border-b border-border pb-2 text-2xl font-semibold">Schemas</h2>
          {schemas.map((s) => (
            <article key={s.name} id={`schema-${s.name}`} aria-labelledby={`schema-${s.name}-title`} className="grid gap-2">
              <h3 id={`schema-${s.name}-title`} className="font-mono text-lg font-semibold">{s.name}</h3>
              {s.description ? <p className="text-sm text-muted-foreground"><Prose text={s.description} /></p> : null}
              <FieldTable rows={s.fields} caption={`Fields of ${s.name}`} />
            </article>
          ))}
        </section>
      </main>
    </div>
  );
}

function OperationView({ op }: { op: ReferenceOperation }) {
  return (
    <article id={op.id} aria-labelledby={`${op.id}-title`} className="grid gap-3 rounded-xl border border-border bg-card p-5">
      <div className="grid gap-1">
        <h3 id={`${op.id}-title`} className="text-lg font-semibold">{op.summary}</h3>
        <p className="flex flex-wrap items-center gap-2 font-mono text-sm">
          <span className={`rounded px-2 py-0.5 text-xs font-bold uppercase ${METHOD_CLASS[op.method] ?? ""}`}>{op.method}</span>
          <span className="break-all">/api/v1{op.path}</span>
        </p>
        <p className="text-sm text-muted-foreground"><Prose text={op.description} /></p>
      </div>
      {op.params.length ? <><h4 className="text-sm font-semibold">Parameters</h4><FieldTable rows={op.params} caption={`Parameters of ${op.summary}`} /></> : null}
      {op.body ? (
        <>
          <h4 className="text-sm font-semibold">Request body <a href={`#schema-${op.body.schemaName}`} className="font-mono font-normal text-primary hover:underline">{op.body.schemaName}</a></h4>
          <FieldTable rows={op.body.fields} caption={`Body of ${op.summary}`} />
        </>
      ) : null}
      <h4 className="text-sm font-semibold">Responses</h4>
      <ul className="grid gap-1 text-sm">
        {op.responses.map((r) => (
          <li key={r.status} className="flex flex-wrap gap-2">
            <code className={r.status.startsWith("2") ? "font-semibold text-success" : "font-semibold text-destructive"}>{r.status}</code>
            <span><Prose text={r.description} /></span>
            {r.schemaName ? <a href={`#schema-${r.schemaName}`} className="font-mono text-primary hover:underline">{r.schemaName}</a> : null}
          </li>
        ))}
      </ul>
      <h4 className="text-sm font-semibold">Example</h4>
      <CodeBlock label={`curl example for ${op.summary}`}>{op.curl}</CodeBlock>
      {op.responseExample !== undefined ? (
        <>
          <h4 className="text-sm font-semibold">Example response</h4>
          <CodeBlock label={`Example response of ${op.summary}`}>{JSON.stringify(op.responseExample, null, 2)}</CodeBlock>
        </>
      ) : null}
    </article>
  );
}
