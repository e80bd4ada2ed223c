import { describe, expect, it } from "vitest";
import { containsPhrase, normalizeCompany, normalizeTerm, stringList, words } from "./text";

describe("term normalization", () => {
  it.each([
    ["Customer Experience", "customer experience"],
    ["customer-experiences", "customer experience"],
    ["  SALES ", "sale"],
    ["Utilities", "utility"],
    ["Windows & Doors", "window and door"],
    ["HVAC", "hvac"],
    ["Business", "business"],
    ["Señor Ñandú", "señor ñandú"],
    ["", ""],
    [null, ""],
  ])("%s → %s", (input, key) => {
    expect(normalizeTerm(input)).toBe(key);
  });

  it("finds a phrase only as whole words, in order", () => {
    expect(containsPhrase(words("Customer financing"), words("financing"))).toBe(true);
    expect(containsPhrase(words("Equipment financing plans"), words("financing plan"))).toBe(true);
    expect(containsPhrase(words("refinancing"), words("financing"))).toBe(false);
    expect(containsPhrase(words("plans financing"), words("financing plan"))).toBe(false);
    expect(containsPhrase(words("anything"), [])).toBe(false);
  });

  it("compares companies without case, punctuation or legal suffixes", () => {
    expect(normalizeCompany("Ortega Plumbing Co.")).toBe(normalizeCompany("ortega plumbing"));
    expect(normalizeCompany("The Acme Roofing, LLC")).toBe("acme roofing");
    expect(normalizeCompany("Company")).toBe("company");
    expect(normalizeCompany(null)).toBe("");
  });

  it("reads a preference as a list", () => {
    expect(stringList("pricing")).toEqual(["pricing"]);
    expect(stringList(["a", 3, "", "b"])).toEqual(["a", "b"]);
    expect(stringList({ x: 1 })).toEqual([]);
  });
});
