import { describe, expect, it } from "vitest";
import { isProfileComplete, missingProfileFieldLabels, missingProfileFields, type ProfileFacts } from "./profile-fields";

const complete: ProfileFacts = {
  firstName: "Dana",
  lastName: "Reyes",
  email: "dana@acmeroofing.com",
  phone: "+16175550123",
  companyName: "Acme Roofing",
  revenueTier: "1m_5m",
  teamSize: 12,
  focusAreas: ["marketing"],
};

describe("missingProfileFields", () => {
  it("finds nothing missing in a complete profile", () => {
    expect(missingProfileFields(complete)).toEqual([]);
    expect(isProfileComplete(complete)).toBe(true);
  });

  it.each<[Partial<ProfileFacts>, string[]]>([
    [{ firstName: null }, ["first_name"]],
    [{ lastName: "   " }, ["last_name"]],
    [{ email: "" }, ["email"]],
    [{ phone: null }, ["phone"]],
    [{ companyName: null }, ["company_name"]],
    [{ revenueTier: "" }, ["revenue_tier"]],
    [{ teamSize: null }, ["team_size"]],
    [{ focusAreas: [] }, ["focus_areas"]],
    [{ focusAreas: ["", " "] }, ["focus_areas"]],
    [{ teamSize: 0 }, []],
    [{ phone: null, companyName: "", focusAreas: [] }, ["phone", "company_name", "focus_areas"]],
  ])("%o → %o", (change, expected) => {
    expect(missingProfileFields({ ...complete, ...change })).toEqual(expected);
  });

  it("gives human labels in form order", () => {
    expect(missingProfileFieldLabels({ ...complete, teamSize: null, revenueTier: null, phone: null })).toEqual([
      "mobile number",
      "annual revenue range",
      "team size",
    ]);
  });
});
