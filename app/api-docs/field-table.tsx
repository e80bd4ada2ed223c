import type { FieldRow, ParamRow } from "@/lib/api/reference";

/** A schema's fields (or an operation's parameters) as a small table. */
export function FieldTable({ rows, caption }: { rows: Array<FieldRow | ParamRow>; caption: string }) {
  if (rows.length === 0) return null;
  const withIn = rows.some((r) => "in" in r);
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-muted/60 text-xs text-muted-foreground uppercase">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Name</th>
            {withIn ? <th scope="col" className="px-3 py-2 font-medium">In</th> : null}
            <th scope="col" className="px-3 py-2 font-medium">Type</th>
            <th scope="col" className="px-3 py-2 font-medium">Description</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${"in" in r ? r.in : ""}${r.name}`} className="border-t border-border align-top">
              <td className="px-3 py-2 font-mono text-xs">
                {r.name}
                {r.required ? <span className="ml-1 text-destructive" title="required">*</span> : null}
              </td>
              {withIn ? <td className="px-3 py-2 text-xs">{"in" in r ? r.in : ""}</td> : null}
              <td className="px-3 py-2 font-mono text-xs break-all">{r.type}</td>
              <td className="px-3 py-2 text-muted-foreground"><Prose text={r.description} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CodeBlock({ children, label }: { children: string; label: string }) {
  return (
    <pre aria-label={label} className="overflow-x-auto rounded-lg bg-muted p-3 font-mono text-xs leading-relaxed">
      <code>{children}</code>
    </pre>
  );
}

/** Descriptions use `backticks` for code, as in the OpenAPI document. */
export function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/).map((part, i) =>
        part.startsWith("`") && part.endsWith("`") && part.length > 1 ? (
          <code key={i} className="rounded bg-muted px-1 py-0.5 font-mono text-[0.85em] text-foreground">{part.slice(1, -1)}</code>
        ) : (
          part
        ),
      )}
    </>
  );
}
