import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { formatUtc } from "@/components/events/datetime";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listApiKeys } from "@/lib/access/api-keys";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { CreateKeyForm } from "./create-key-form";
import { RevokeKeyButton } from "./revoke-key-button";

export const metadata: Metadata = { title: "API keys" };

/** Organizers create, list and revoke the keys integrators use for /api/v1 (SPEC §8). */
export default async function ApiKeysPage() {
  const auth = await requireUser("admin", "/admin/api-keys");
  if (!auth.ok) forbidden();
  const keys = await listApiKeys(await getDb());

  return (
    <div className="grid gap-8">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
        <p className="text-muted-foreground">
          Keys for the REST API. See the <Link href="/api-docs" className="text-primary underline-offset-4 hover:underline">API reference</Link>.
        </p>
      </div>

      <section aria-labelledby="new-key-heading" className="grid gap-3 rounded-xl border border-border bg-card p-5">
        <h2 id="new-key-heading" className="text-lg font-semibold">New key</h2>
        <CreateKeyForm />
      </section>

      <section aria-labelledby="keys-heading" className="grid gap-3">
        <h2 id="keys-heading" className="text-lg font-semibold">Keys</h2>
        {keys.length === 0 ? (
          <p className="rounded-xl border border-dashed border-border p-8 text-center text-muted-foreground">No API keys yet.</p>
        ) : (
          <Table aria-labelledby="keys-heading" containerClassName="rounded-xl border border-border bg-card">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Name</TableHead>
                <TableHead>Key</TableHead>
                <TableHead>Scope</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>Last used</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {keys.map((k) => (
                <TableRow key={k.id}>
                  <TableCell className="font-medium">{k.name}</TableCell>
                  <TableCell>
                    <code className="text-xs">{k.prefix}…</code>
                  </TableCell>
                  <TableCell>
                    <Badge variant={k.scope === "write" ? "info" : "secondary"} className="capitalize">
                      {k.scope}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-sm">
                    {formatUtc(k.createdAt)}
                    {k.createdByName ? <span className="block text-xs text-muted-foreground">by {k.createdByName}</span> : null}
                  </TableCell>
                  <TableCell className="text-sm">{k.lastUsedAt ? formatUtc(k.lastUsedAt) : <span className="text-muted-foreground">Never</span>}</TableCell>
                  <TableCell>
                    {k.revokedAt ? <Badge variant="destructive">Revoked {formatUtc(k.revokedAt)}</Badge> : <Badge variant="success">Active</Badge>}
                  </TableCell>
                  <TableCell className="text-right">{k.revokedAt ? null : <RevokeKeyButton id={k.id} name={k.name} />}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
