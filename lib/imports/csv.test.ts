import { describe, expect, it } from "vitest";
import type { Event } from "@/db/schema";
import { parseCsv } from "./csv";

const event = {
  id: "11111111-1111-4111-8111-111111111111",
  name: "Summit",
  slug: "summit",
  timezone: "America/Chicago",
  startsAt: new Date("2026-12-10T14:30:00Z"),
  endsAt: new Date("2026-12-10T23:30:00Z"),
} as Event;

describe("CSV import parsing", () => {
  it("names the true line and the column of each bad row, counting quoted line breaks", () => {
    const csv = [
      "name,booth_number,focus_areas,pcr_score",
      'Acme Supply,12,"roofing; hvac",4.5',
      '"Multi',
      'Line Co",13,,3',
      "Bad Score Inc,14,,9",
      ",15,,",
    ].join("\n");
    const r = parseCsv(csv, "sponsors", event);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { line: 5, column: "pcr_score", message: "must be between 0 and 5" },
      { line: 6, column: "name", message: "is required" },
    ]);
  });

  it("accepts a valid sponsors file with keys from names and ;-lists", () => {
    const r = parseCsv("Name,Focus Areas\nAcme Supply,Roofing; HVAC\n", "sponsors", event);
    expect(r.ok && r.file.sponsors).toEqual([expect.objectContaining({ key: "acme-supply", name: "Acme Supply", focus_areas: ["roofing", "hvac"] })]);
  });

  it("refuses unknown and missing columns on line 1, and a ragged row on its line", () => {
    const r = parseCsv("nme,booth\nAcme,1\n", "sponsors", event);
    expect(!r.ok && r.errors.map((e) => [e.line, e.column])).toEqual([[1, "nme"], [1, "booth"], [1, "name"]]);
    const ragged = parseCsv("name,booth_number\nAcme,1\nBeta,2,extra\n", "sponsors", event);
    expect(!ragged.ok && ragged.errors[0].line).toBe(3);
  });

  it("reads agenda times as the event's wall clock and checks end after start and speaker keys", () => {
    const ok = parseCsv("type,title,starts_at,ends_at\nlunch,Lunch,2026-12-10T12:00,2026-12-10T13:00\n", "agenda", event);
    expect(ok.ok && ok.file.agenda[0].starts_at.toISOString()).toBe("2026-12-10T18:00:00.000Z");
    const bad = parseCsv("type,title,starts_at,ends_at,speaker\nsession,A,2026-12-10T12:00,2026-12-10T11:00,nobody\n", "agenda", event, [{ key: "ann", name: "Ann" }]);
    expect(!bad.ok && bad.errors).toEqual([
      { line: 2, column: "ends_at", message: "must be after starts_at" },
      { line: 2, column: "speaker", message: 'no speaker with key "nobody"' },
    ]);
  });

  it("attendees: emails normalised, duplicates point at the other line, bad phones named", () => {
    const r = parseCsv("email,first_name,phone,sms_opt_in\nA@x.com,Ann,+15125550100,yes\na@x.com,Ann2,,\nb@x.com,Bob,555-12,no\n", "attendees", event);
    // Field errors come first (the event file's shape check); cross-row checks once every row is well-formed.
    expect(!r.ok && r.errors).toEqual([{ line: 4, column: "phone", message: "not a valid phone number" }]);
    const fixed = parseCsv("email,first_name,phone,sms_opt_in\nA@x.com,Ann,+15125550100,yes\na@x.com,Ann2,,\nb@x.com,Bob,,no\n", "attendees", event);
    expect(!fixed.ok && fixed.errors).toEqual([{ line: 3, column: "email", message: 'duplicate email "a@x.com" (also on line 2)' }]);
  });
});
