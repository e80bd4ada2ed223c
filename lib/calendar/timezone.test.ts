import { describe, expect, it } from "vitest";
import { computeVtimezoneLines, vtimezoneLines } from "./timezone";

describe("vtimezoneLines: computed once per zone and year range", () => {
  const zones = ["America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe", "America/Sao_Paulo", "UTC"];

  it("returns exactly what the computation gives, for every zone and range asked", () => {
    for (const zone of zones) {
      for (const [from, to] of [[2026, 2026], [2026, 2027], [2019, 2020]] as const) {
        expect(vtimezoneLines(zone, from, to)).toEqual(computeVtimezoneLines(zone, from, to));
      }
    }
  });

  it("keys on every argument: another zone or year never gets a cached answer", () => {
    const ny = vtimezoneLines("America/New_York", 2026, 2026);
    expect(vtimezoneLines("America/Chicago", 2026, 2026)).not.toEqual(ny);
    expect(vtimezoneLines("America/New_York", 2027, 2027)).not.toEqual(ny);
    expect(vtimezoneLines("America/New_York", 2026, 2026)).toBe(ny);
  });

  it("hands out a frozen array, so no caller can change what the next one gets", () => {
    const lines = vtimezoneLines("Europe/Berlin", 2026, 2026) as string[];
    expect(() => lines.push("X")).toThrow(TypeError);
    expect(vtimezoneLines("Europe/Berlin", 2026, 2026)).toEqual(computeVtimezoneLines("Europe/Berlin", 2026, 2026));
  });
});
