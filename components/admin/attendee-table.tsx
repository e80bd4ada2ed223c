"use client";

import { useTransition, type FormEvent } from "react";
import Link from "next/link";
import { parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { flexRender } from "@tanstack/react-table";
import { getCoreRowModel, useLegacyTable, type LegacyColumnDef } from "@tanstack/react-table/legacy";
import { ArrowDown, ArrowUp } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type AttendeeTableRow = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  company: string | null;
  registered: string;
  checkedIn: string | null;
  profileComplete: boolean;
  optedOut: boolean;
  cancelled: boolean;
};

const SORTS = ["registered", "name", "email", "company", "checked_in"] as const;
const YES_NO = ["yes", "no"] as const;

/** The URL is the state (nuqs); every change asks the server for the page (shallow: false). */
const parsers = {
  q: parseAsString.withDefault(""),
  profile: parseAsStringLiteral(["complete", "pending"] as const),
  checkedIn: parseAsStringLiteral(YES_NO),
  optedOut: parseAsStringLiteral(YES_NO),
  cancelled: parseAsStringLiteral(YES_NO),
  sort: parseAsStringLiteral(SORTS).withDefault("registered"),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("desc"),
  page: parseAsInteger.withDefault(1),
  size: parseAsInteger.withDefault(50),
};

const SORTABLE: Record<string, (typeof SORTS)[number]> = { name: "name", email: "email", company: "company", registered: "registered", checkedIn: "checked_in" };

export function AttendeeTable({ eventId, rows, total, pages }: { eventId: string; rows: AttendeeTableRow[]; total: number; pages: number }) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(parsers, { shallow: false, startTransition, history: "push" });

  const columns: LegacyColumnDef<AttendeeTableRow>[] = [
    {
      id: "name",
      header: "Name",
      cell: ({ row }) => (
        <Link className="font-medium underline-offset-2 hover:underline" href={`/admin/events/${eventId}/attendees/${row.original.id}`}>
          {row.original.name}
        </Link>
      ),
    },
    { id: "email", header: "Email", accessorKey: "email" },
    { id: "phone", header: "Phone", cell: ({ row }) => row.original.phone ?? "—" },
    { id: "company", header: "Company", cell: ({ row }) => row.original.company ?? "—" },
    { id: "registered", header: "Registered", accessorKey: "registered" },
    { id: "checkedIn", header: "Checked in", cell: ({ row }) => row.original.checkedIn ?? "—" },
    {
      id: "status",
      header: "Status",
      cell: ({ row }) => (
        <span className="flex flex-wrap gap-1">
          {row.original.cancelled ? <Badge variant="destructive">Cancelled</Badge> : null}
          <Badge variant={row.original.profileComplete ? "success" : "secondary"}>{row.original.profileComplete ? "Profile complete" : "Profile pending"}</Badge>
          {row.original.optedOut ? <Badge variant="outline" className="border-warning text-foreground">Opted out</Badge> : null}
        </span>
      ),
    },
  ];
  const table = useLegacyTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualPagination: true, manualSorting: true, pageCount: pages, getRowId: (r) => r.id });

  function onSearch(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const get = (k: string) => String(data.get(k) ?? "");
    const pick = <T extends string>(k: string, allowed: readonly T[]) => (allowed.includes(get(k) as T) ? (get(k) as T) : null);
    void setState({
      q: get("q").trim() || null,
      profile: pick("profile", ["complete", "pending"] as const),
      checkedIn: pick("checkedIn", YES_NO),
      optedOut: pick("optedOut", YES_NO),
      cancelled: pick("cancelled", YES_NO),
      page: null,
    });
  }

  const sortBy = (col: string) => {
    const key = SORTABLE[col];
    if (!key) return;
    void setState({ sort: key, dir: state.sort === key && state.dir === "asc" ? "desc" : "asc", page: null });
  };
  const select = (name: string, label: string, value: string | null, options: Array<[string, string]>) => (
    <div className="grid gap-1">
      <Label htmlFor={`f-${name}`}>{label}</Label>
      <Select id={`f-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">Any</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    </div>
  );

  return (
    <div className="grid gap-4" aria-busy={pending || undefined}>
      <form role="search" aria-label="Find attendees" onSubmit={onSearch} className="grid items-end gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <div className="grid gap-1 sm:col-span-3 lg:col-span-2">
          <Label htmlFor="f-q">Search</Label>
          <Input id="f-q" name="q" type="search" defaultValue={state.q} placeholder="Name, email, company or phone" />
        </div>
        {select("profile", "Profile", state.profile, [["complete", "Complete"], ["pending", "Pending"]])}
        {select("checkedIn", "Checked in", state.checkedIn, [["yes", "Yes"], ["no", "No"]])}
        {select("optedOut", "Opted out of SMS", state.optedOut, [["yes", "Yes"], ["no", "No"]])}
        {select("cancelled", "Cancelled", state.cancelled, [["yes", "Yes"], ["no", "No"]])}
        <div className="sm:col-span-3 lg:col-span-6">
          <Button type="submit">{pending ? "Searching…" : "Search"}</Button>
        </div>
      </form>
      <p role="status" className="text-sm text-muted-foreground">
        {total} {total === 1 ? "attendee" : "attendees"} · page {Math.min(state.page, pages)} of {pages}
      </p>
      <Table aria-label="Attendees" containerClassName="rounded-xl border border-border bg-card">
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((h) => {
                const key = SORTABLE[h.column.id];
                const active = key && state.sort === key;
                return (
                  <TableHead key={h.id} aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : undefined}>
                    {key ? (
                      <button type="button" className="inline-flex items-center gap-1 font-semibold tracking-wide uppercase" onClick={() => sortBy(h.column.id)}>
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        {active ? state.dir === "asc" ? <ArrowUp aria-hidden="true" className="size-3" /> : <ArrowDown aria-hidden="true" className="size-3" /> : null}
                      </button>
                    ) : (
                      flexRender(h.column.columnDef.header, h.getContext())
                    )}
                  </TableHead>
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {table.getRowModel().rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={columns.length} className="py-8 text-center text-muted-foreground">
                No attendees match.
              </TableCell>
            </TableRow>
          ) : (
            table.getRowModel().rows.map((row) => (
              <TableRow key={row.id}>
                {row.getAllCells().map((cell) => (
                  <TableCell key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</TableCell>
                ))}
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
      <nav aria-label="Pages" className="flex flex-wrap items-center gap-2">
        <Button variant="outline" size="sm" disabled={state.page <= 1} onClick={() => void setState({ page: state.page - 1 })}>
          Previous page
        </Button>
        <Button variant="outline" size="sm" disabled={state.page >= pages} onClick={() => void setState({ page: state.page + 1 })}>
          Next page
        </Button>
        <Label htmlFor="f-size" className="ml-auto">
          Per page
        </Label>
        <Select id="f-size" className="w-24" value={String(state.size)} onChange={(e) => void setState({ size: Number(e.target.value), page: null })}>
          {[25, 50, 100].map((n) => (
            <option key={n}>{n}</option>
          ))}
        </Select>
      </nav>
    </div>
  );
}
