import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutralise, toCsv } from "./export-csv";

describe("CSV export", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"],
    ["+1 512 555 0100", "'+1 512 555 0100"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    [" =1+2", "' =1+2"],
    ["\u00a0@cmd", "'\u00a0@cmd"],
    ["Acme Roofing", "Acme Roofing"],
    ["a=b", "a=b"],
  ])("%j comes out as %j", (input, expected) => {
    const [, [cell]] = parse(toCsv(["v"], [[input]])) as string[][];
    expect(cell).toBe(expected);
  });

  it("writes dates as ISO, lists joined, null empty", () => {
    expect(neutralise(null)).toBe("");
    expect(neutralise(["a", "b"])).toBe("a; b");
    expect(neutralise(new Date("2026-12-03T15:00:00Z"))).toBe("2026-12-03T15:00:00.000Z");
  });
});
