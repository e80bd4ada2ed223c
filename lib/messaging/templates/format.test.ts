import { describe, expect, it } from "vitest";
import { formatDateTime, formatRange, joinList, shorten } from "./format";
import { gsm7Length, isGsm7, smsSegments, toGsm7 } from "./gsm7";

describe("time formats", () => {
  const at = new Date("2026-12-03T14:00:00Z");
  it.each([
    ["America/New_York", "Thu, Dec 3 · 9:00 AM EST"],
    ["America/Los_Angeles", "Thu, Dec 3 · 6:00 AM PST"],
    ["Europe/London", "Thu, Dec 3 · 2:00 PM GMT"],
    ["Asia/Kolkata", "Thu, Dec 3 · 7:30 PM IST"],
    ["Pacific/Auckland", "Fri, Dec 4 · 3:00 AM NZDT"],
  ])("%s → %s", (zone, expected) => {
    expect(formatDateTime(at, zone)).toBe(expected);
  });

  it("uses the summer name after a DST change", () => {
    expect(formatDateTime(new Date("2026-07-02T13:00:00Z"), "Europe/London")).toBe("Thu, Jul 2 · 2:00 PM BST");
  });

  it("adds the year only when it differs from the reference", () => {
    expect(formatDateTime(at, "America/New_York", { ref: new Date("2025-12-01T00:00:00Z") })).toBe("Thu, Dec 3, 2026 · 9:00 AM EST");
    expect(formatDateTime(at, "America/New_York", { ref: new Date("2026-01-01T12:00:00Z"), sep: ", " })).toBe("Thu, Dec 3, 9:00 AM EST");
  });

  it("formats ranges on one day, and names both zones across a DST change", () => {
    expect(formatRange(at, new Date("2026-12-03T22:00:00Z"), "America/New_York")).toBe("Thu, Dec 3 · 9:00 AM – 5:00 PM EST");
    // Sat Oct 31 22:00 EDT to Sun Nov 1 04:00 EST: two days, two names.
    expect(formatRange(new Date("2026-11-01T02:00:00Z"), new Date("2026-11-01T09:00:00Z"), "America/New_York")).toBe(
      "Sat, Oct 31 · 10:00 PM EDT – Sun, Nov 1 · 4:00 AM EST",
    );
  });
});

describe("text helpers", () => {
  it("joins lists the way people write them", () => {
    expect(joinList([])).toBe("");
    expect(joinList(["a"])).toBe("a");
    expect(joinList(["a", "b"])).toBe("a and b");
    expect(joinList(["a", "b", "c"])).toBe("a, b and c");
  });

  it("shortens at a word boundary", () => {
    expect(shorten("Contractor Growth Summit 2026", 40)).toBe("Contractor Growth Summit 2026");
    expect(shorten("The Annual Home Services Contractor Growth and Profit Summit", 30)).toBe("The Annual Home Services...");
  });
});

describe("GSM-7", () => {
  it("rewrites typography and drops what SMS can't carry", () => {
    expect(toGsm7("Dana’s “Summit” — 9:00 · Room 1… 🚀 Façade")).toBe("Dana's \"Summit\" - 9:00 - Room 1... Facade");
    // é, ü, Ñ are in the GSM table; ú is not (only ù), so it loses its accent.
    expect(toGsm7("Café Zürich Ñandú")).toBe("Café Zürich Ñandu");
  });

  it("counts extension characters twice and segments at 160/153", () => {
    expect(gsm7Length("a{b}")).toBe(6);
    expect(gsm7Length("’")).toBe(Infinity);
    expect(isGsm7("plain text @ £5")).toBe(true);
    expect(smsSegments("x".repeat(160))).toBe(1);
    expect(smsSegments("x".repeat(161))).toBe(2);
    expect(smsSegments("x".repeat(307))).toBe(3);
  });
});
