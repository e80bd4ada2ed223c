import { afterEach, describe, expect, it } from "vitest";
import { freeze, resetClock } from "@/lib/clock";
import { buildEventIcs, escapeText, foldLine, type IcsAgendaItem, type IcsEvent } from "./ics";
import { offsetTransitions, zoneAbbreviation } from "./timezone";

const STAMP = new Date("2026-06-01T12:00:00Z");

function event(p: Partial<IcsEvent> = {}): IcsEvent {
  return {
    name: "Contractor Growth Summit",
    slug: "growth-summit",
    description: null,
    venue: "Seaport Hotel",
    address: "1 Seaport Ln, Boston, MA",
    timezone: "America/New_York",
    startsAt: new Date("2026-12-03T14:00:00Z"),
    endsAt: new Date("2026-12-03T22:00:00Z"),
    status: "published",
    updatedAt: new Date("2026-05-01T00:00:00Z"),
    organizerName: "Power100 Events",
    organizerEmail: "events@power100.io",
    ...p,
  };
}

function item(p: Partial<IcsAgendaItem> & Pick<IcsAgendaItem, "id" | "startsAt" | "endsAt">): IcsAgendaItem {
  return { type: "session", title: "Session", description: null, room: null, cancelledAt: null, ...p };
}

const lines = (ics: string) => ics.replace(/\r\n /g, "").split("\r\n");

/** The VTIMEZONE observances as compact tuples, in file order. */
function observances(ics: string): string[][] {
  const out: string[][] = [];
  let current: string[] | null = null;
  for (const line of lines(ics)) {
    if (line === "BEGIN:STANDARD" || line === "BEGIN:DAYLIGHT") current = [line.slice(6)];
    else if (line === "END:STANDARD" || line === "END:DAYLIGHT") {
      out.push(current!);
      current = null;
    }
    else if (current) current.push(line);
  }
  return out;
}

afterEach(() => resetClock());

describe("buildEventIcs: America/New_York", () => {
  it("writes a December event in local wall time with TZID", () => {
    const ics = buildEventIcs({ event: event(), uid: "att-1@tpx.example.com", stamp: STAMP });
    const l = lines(ics);
    expect(l).toContain("DTSTART;TZID=America/New_York:20261203T090000");
    expect(l).toContain("DTEND;TZID=America/New_York:20261203T170000");
    expect(l).toContain("UID:att-1@tpx.example.com");
    expect(l).toContain("DTSTAMP:20260601T120000Z");
    expect(l.slice(0, 5)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//TPX//Event Orchestration//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
    ]);
    expect(l).toContain("LOCATION:Seaport Hotel\\, 1 Seaport Ln\\, Boston\\, MA");
    expect(l).toContain('ORGANIZER;CN="Power100 Events":mailto:events@power100.io');
  });

  it("lists the real 2026 transitions for a March event, plus the one in force on Jan 1", () => {
    // Tue Mar 10 2026, 9:00 EDT: two days after the spring-forward.
    const ics = buildEventIcs({
      event: event({ startsAt: new Date("2026-03-10T13:00:00Z"), endsAt: new Date("2026-03-10T21:00:00Z") }),
      uid: "u",
      stamp: STAMP,
    });
    expect(lines(ics)).toContain("DTSTART;TZID=America/New_York:20260310T090000");
    expect(observances(ics)).toEqual([
      ["STANDARD", "DTSTART:20251102T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "TZNAME:EST"],
      ["DAYLIGHT", "DTSTART:20260308T020000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "TZNAME:EDT"],
      ["STANDARD", "DTSTART:20261101T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "TZNAME:EST"],
    ]);
  });

  it("keeps 9:00 on the wall clock for a November event after fall-back", () => {
    // Thu Nov 5 2026, 9:00 EST = 14:00Z (it would be 10:00 had the offset stayed -0400).
    const ics = buildEventIcs({
      event: event({ startsAt: new Date("2026-11-05T14:00:00Z"), endsAt: new Date("2026-11-05T22:00:00Z") }),
      uid: "u",
      stamp: STAMP,
    });
    expect(lines(ics)).toContain("DTSTART;TZID=America/New_York:20261105T090000");
    expect(lines(ics)).toContain("DTEND;TZID=America/New_York:20261105T170000");
    expect(observances(ics).map((o) => o[1])).toEqual([
      "DTSTART:20251102T020000",
      "DTSTART:20260308T020000",
      "DTSTART:20261101T020000",
    ]);
  });

  it("covers both years for an event that crosses New Year", () => {
    const ics = buildEventIcs({
      event: event({ startsAt: new Date("2026-12-31T23:00:00Z"), endsAt: new Date("2027-01-01T05:00:00Z") }),
      uid: "u",
      stamp: STAMP,
    });
    expect(observances(ics).map((o) => o[1])).toEqual([
      "DTSTART:20251102T020000",
      "DTSTART:20260308T020000",
      "DTSTART:20261101T020000",
      "DTSTART:20270314T020000",
      "DTSTART:20271107T020000",
    ]);
  });
});

describe("buildEventIcs: zones elsewhere", () => {
  it("gives Asia/Kolkata (no DST) a single STANDARD observance", () => {
    const ics = buildEventIcs({
      event: event({ timezone: "Asia/Kolkata", startsAt: new Date("2026-12-03T03:30:00Z"), endsAt: new Date("2026-12-03T11:30:00Z") }),
      uid: "u",
      stamp: STAMP,
    });
    expect(lines(ics)).toContain("DTSTART;TZID=Asia/Kolkata:20261203T090000");
    expect(lines(ics)).toContain("TZID:Asia/Kolkata");
    expect(observances(ics)).toEqual([
      ["STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0530", "TZOFFSETTO:+0530", "TZNAME:IST"],
    ]);
  });

  it("gets Pacific/Auckland's southern-hemisphere DST right", () => {
    // Thu Dec 3 2026 9:00 NZDT (+13) = Dec 2 20:00Z.
    const ics = buildEventIcs({
      event: event({ timezone: "Pacific/Auckland", startsAt: new Date("2026-12-02T20:00:00Z"), endsAt: new Date("2026-12-03T04:00:00Z") }),
      uid: "u",
      stamp: STAMP,
    });
    expect(lines(ics)).toContain("DTSTART;TZID=Pacific/Auckland:20261203T090000");
    expect(observances(ics)).toEqual([
      ["DAYLIGHT", "DTSTART:20250928T020000", "TZOFFSETFROM:+1200", "TZOFFSETTO:+1300", "TZNAME:NZDT"],
      ["STANDARD", "DTSTART:20260405T030000", "TZOFFSETFROM:+1300", "TZOFFSETTO:+1200", "TZNAME:NZST"],
      ["DAYLIGHT", "DTSTART:20260927T020000", "TZOFFSETFROM:+1200", "TZOFFSETTO:+1300", "TZNAME:NZDT"],
    ]);
  });
});

describe("buildEventIcs: content", () => {
  it("uses CRLF everywhere and ends with CRLF", () => {
    const ics = buildEventIcs({ event: event({ description: "Line one\nLine two" }), uid: "u", stamp: STAMP });
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(lines(ics)).toContain("DESCRIPTION:Line one\\nLine two");
  });

  it("folds long lines at 75 octets without splitting a UTF-8 character", () => {
    const description = "Join 400 contractors — roofers, plumbers, électriciens — for a day of growth 🚀. ".repeat(4);
    const ics = buildEventIcs({ event: event({ description }), uid: "u", stamp: STAMP, url: "https://tpx.example.com/e/x" });
    const physical = ics.split("\r\n");
    const decoder = new TextDecoder("utf-8", { fatal: true });
    for (const line of physical) {
      const bytes = new TextEncoder().encode(line);
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(bytes)).not.toThrow();
    }
    expect(physical.filter((l) => l.startsWith(" ")).length).toBeGreaterThan(3);
    expect(lines(ics)).toContain(`DESCRIPTION:${escapeText(`${description.trim()}\n\nhttps://tpx.example.com/e/x`)}`);
  });

  it("starts at the first live agenda item when it is earlier than the event row", () => {
    const agenda = [
      item({ id: "a", startsAt: new Date("2026-12-03T12:00:00Z"), endsAt: new Date("2026-12-03T13:00:00Z"), cancelledAt: new Date() }),
      item({ id: "b", startsAt: new Date("2026-12-03T13:30:00Z"), endsAt: new Date("2026-12-03T23:00:00Z") }),
    ];
    const l = lines(buildEventIcs({ event: event(), agenda, uid: "u", stamp: STAMP }));
    expect(l).toContain("DTSTART;TZID=America/New_York:20261203T083000");
    expect(l).toContain("DTEND;TZID=America/New_York:20261203T180000");
  });

  it("writes one VEVENT per item when items are given", () => {
    const items = [
      item({ id: "s1", title: "Pricing, margins; cash", room: "Room A", startsAt: new Date("2026-12-03T15:00:00Z"), endsAt: new Date("2026-12-03T15:45:00Z") }),
      item({ id: "s2", title: "Hiring", startsAt: new Date("2026-12-03T18:00:00Z"), endsAt: new Date("2026-12-03T19:00:00Z") }),
    ];
    const l = lines(buildEventIcs({ event: event(), items, uid: "att-1@tpx", stamp: STAMP }));
    expect(l.filter((x) => x === "BEGIN:VEVENT")).toHaveLength(2);
    expect(l).toContain("UID:s1-att-1@tpx");
    expect(l).toContain("UID:s2-att-1@tpx");
    expect(l).toContain("SUMMARY:Pricing\\, margins\\; cash (Contractor Growth Summit)");
    expect(l).toContain("LOCATION:Room A\\, Seaport Hotel\\, 1 Seaport Ln\\, Boston\\, MA");
    expect(l).toContain("DTSTART;TZID=America/New_York:20261203T100000");
    expect(l).toContain("DTSTART;TZID=America/New_York:20261203T130000");
  });

  it("marks a cancelled event and stamps with the app clock", () => {
    freeze(new Date("2026-11-01T08:09:10Z"));
    const l = lines(buildEventIcs({ event: event({ status: "cancelled" }), uid: "u" }));
    expect(l).toContain("STATUS:CANCELLED");
    expect(l).toContain("DTSTAMP:20261101T080910Z");
  });

  it("refuses an empty item list", () => {
    expect(() => buildEventIcs({ event: event(), items: [], uid: "u" })).toThrow(/no agenda items/);
  });
});

describe("text helpers", () => {
  it("escapes TEXT values", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
  });

  it("leaves short lines alone and folds at exactly 75 octets", () => {
    expect(foldLine("SUMMARY:short")).toBe("SUMMARY:short");
    const folded = foldLine("X".repeat(160));
    expect(folded.split("\r\n").map((l) => l.length)).toEqual([75, 75, 12]);
  });

  it("finds a transition to the minute", () => {
    expect(offsetTransitions("America/New_York", new Date("2026-03-01T00:00:00Z"), new Date("2026-03-31T00:00:00Z"))).toEqual([
      { at: new Date("2026-03-08T07:00:00Z"), offsetFrom: -300, offsetTo: -240 },
    ]);
  });

  it.each([
    ["America/New_York", "2026-12-03T14:00:00Z", "EST"],
    ["Europe/London", "2026-07-03T14:00:00Z", "BST"],
    ["Europe/London", "2026-12-03T14:00:00Z", "GMT"],
    ["Asia/Kolkata", "2026-12-03T14:00:00Z", "IST"],
    ["Pacific/Auckland", "2026-12-03T14:00:00Z", "NZDT"],
    ["Asia/Tokyo", "2026-12-03T14:00:00Z", "GMT+9"],
  ])("names %s at %s %s", (zone, at, name) => {
    expect(zoneAbbreviation(new Date(at), zone)).toBe(name);
  });
});
