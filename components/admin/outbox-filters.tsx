"use client";

import Form from "next/form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { MessageType } from "@/db/schema";
import { CHANNEL_LABELS, MESSAGE_STATUSES, MESSAGE_TYPE_LABELS } from "./message-labels";

export type OutboxFilterValues = { attendee: string; status: string; channel: string; type: string };

/**
 * Filters live in the URL (?attendee=&status=&channel=&type=), so a filtered view
 * can be linked and reloaded. Changing a select applies it; the button is there
 * for keyboard users and without JavaScript.
 */
export function OutboxFilters({
  action,
  values,
  attendees,
}: {
  action: string;
  values: OutboxFilterValues;
  attendees: Array<{ id: string; name: string; email: string }>;
}) {
  const submitOnChange = (e: React.ChangeEvent<HTMLSelectElement>) => e.currentTarget.form?.requestSubmit();
  const active = Object.values(values).some(Boolean);
  return (
    // Keyed by the applied filters: "Clear" and back/forward re-seed the selects from the URL.
    <Form key={JSON.stringify(values)} action={action} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_2fr_auto] lg:items-end">
      <div className="grid gap-1.5">
        <Label htmlFor="filter-attendee">Attendee</Label>
        <Select id="filter-attendee" name="attendee" defaultValue={values.attendee} onChange={submitOnChange}>
          <option value="">All attendees</option>
          {attendees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.email})
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-status">Status</Label>
        <Select id="filter-status" name="status" defaultValue={values.status} onChange={submitOnChange}>
          <option value="">All statuses</option>
          {MESSAGE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s[0].toUpperCase() + s.slice(1)}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-channel">Channel</Label>
        <Select id="filter-channel" name="channel" defaultValue={values.channel} onChange={submitOnChange}>
          <option value="">All channels</option>
          {Object.entries(CHANNEL_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-type">Type</Label>
        <Select id="filter-type" name="type" defaultValue={values.type} onChange={submitOnChange}>
          <option value="">All types</option>
          {(Object.keys(MESSAGE_TYPE_LABELS) as MessageType[]).map((t) => (
            <option key={t} value={t}>
              {MESSAGE_TYPE_LABELS[t]}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex items-center gap-2">
        <Button type="submit" variant="outline" className="h-11">
          Apply filters
        </Button>
        {active ? (
          <Button asChild variant="ghost" className="h-11">
            <Link href={action}>Clear</Link>
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
