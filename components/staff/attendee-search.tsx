"use client";

import Form from "next/form";
import type { FormEvent } from "react";
import { CircleCheck, Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export type DeskAttendee = {
  attendeeId: string;
  name: string;
  email: string;
  companyName: string | null;
  /** "9:02 AM" in the event's zone, or null while not checked in. */
  checkedInAt: string | null;
};

/**
 * Find someone without their code: the search is a plain GET (?q=), so results are
 * server-rendered and shareable; each row checks that person in (method "manual").
 */
export function AttendeeSearch({
  searchPath,
  query,
  results,
  onCheckIn,
}: {
  searchPath: string;
  query: string;
  /** null: nothing searched yet. */
  results: DeskAttendee[] | null;
  onCheckIn: (event: FormEvent<HTMLFormElement>) => void;
}) {
  return (
    <section aria-labelledby="search-heading" className="grid gap-4">
      <h2 id="search-heading" className="text-lg font-semibold tracking-tight">
        Find an attendee
      </h2>
      <Form action={searchPath} replace scroll={false} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end" role="search">
        <div className="grid gap-1.5">
          <Label htmlFor="attendee-search">Search attendees</Label>
          <Input
            id="attendee-search"
            name="q"
            type="search"
            defaultValue={query}
            placeholder="Name, email, company or phone"
            autoComplete="off"
            minLength={2}
            className="h-14 text-lg sm:text-base"
          />
        </div>
        <Button type="submit" variant="outline" size="lg" className="h-14 px-6">
          <Search aria-hidden="true" />
          Search
        </Button>
      </Form>

      {results === null ? null : results.length === 0 ? (
        <p className="rounded-xl border border-dashed border-border px-4 py-5 text-muted-foreground">
          {query.trim().length < 2 ? "Type at least 2 letters to search." : `No registrations match “${query.trim()}”.`}
        </p>
      ) : (
        <ul className="grid gap-2" aria-label="Search results">
          {results.map((a) => (
            <li
              key={a.attendeeId}
              className="flex flex-wrap items-center gap-x-4 gap-y-3 rounded-xl border border-border bg-card p-4 shadow-xs"
            >
              <div className="grid min-w-0 flex-1 gap-0.5">
                <p className="text-lg font-semibold break-words">{a.name}</p>
                <p className="text-sm break-words text-muted-foreground">
                  {[a.companyName, a.email].filter(Boolean).join(" · ")}
                </p>
              </div>
              {a.checkedInAt ? (
                <p className="flex min-h-14 items-center gap-2 font-medium text-success">
                  <CircleCheck aria-hidden="true" className="size-5" />
                  Checked in {a.checkedInAt}
                </p>
              ) : (
                <form onSubmit={onCheckIn}>
                  <input type="hidden" name="method" value="manual" />
                  <input type="hidden" name="attendeeId" value={a.attendeeId} />
                  <Button type="submit" size="lg" className="h-14 min-w-36 text-base">
                    Check in<span className="sr-only"> {a.name}</span>
                  </Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
