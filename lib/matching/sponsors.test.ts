import { describe, expect, it } from "vitest";
import { rankSponsors, sponsorTalkingPoint } from "./sponsors";
import { profile, sponsor } from "./test-fixtures";

const luis = profile("luis", { focusAreas: ["Financing", "hiring"], revenueTier: "500k_1m" });
const ids = (picks: { targetId: string }[]) => picks.map((p) => p.targetId);

describe("rankSponsors", () => {
  it("scores offerings (3 per focus area), sponsor focus areas (1.5), tier (2), PCR/5 and an offer (0.5)", () => {
    const picks = rankSponsors(luis, [
      sponsor("offer-only", { specialOffer: "Free coffee" }),
      sponsor("tier-only", { targetRevenueTiers: ["under_500k", "500K_1M"] }),
      sponsor("offering", { offerings: ["Customer financing", "Same-day approvals"] }),
      sponsor("nothing", { targetRevenueTiers: ["5m_plus"], offerings: ["Trucks"] }),
    ]);
    expect(ids(picks)).toEqual(["offering", "tier-only", "offer-only"]);
    expect(picks.map((p) => p.score)).toEqual([3, 2, 0.5]);
    expect(picks[0].reasons).toEqual([{ code: "offering_overlap", weight: 3, values: ["Financing"], detail: "Customer financing" }]);
    expect(picks[1].reasons).toEqual([{ code: "revenue_tier_target", weight: 2, values: ["500k_1m"] }]);
    expect(picks[2].reasons).toEqual([{ code: "special_offer", weight: 0.5, detail: "Free coffee" }]);
  });

  it("adds the sponsor's focus areas and PCR, weights summing to the score", () => {
    const [pick] = rankSponsors(luis, [
      sponsor("s", { offerings: ["Technician recruiting"], focusAreas: ["Hiring", "financing"], pcrScore: 4.1, specialOffer: "No fee" }),
    ]);
    expect(pick.reasons.map((r) => [r.code, r.weight])).toEqual([
      ["focus_overlap", 3],
      ["sponsor_pcr", 0.82],
      ["special_offer", 0.5],
    ]);
    expect(pick.score).toBe(4.32);
    expect(pick.reasons.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(pick.score, 9);
  });

  it("never recommends a removed sponsor, however good", () => {
    const picks = rankSponsors(luis, [
      sponsor("removed", { offerings: ["Financing", "Hiring help"], removed: true }),
      sponsor("kept", { specialOffer: "x" }),
    ]);
    expect(ids(picks)).toEqual(["kept"]);
  });

  it("keeps 3, PCR separating equals, then the id", () => {
    const picks = rankSponsors(luis, [
      sponsor("b", { focusAreas: ["hiring"] }),
      sponsor("a", { focusAreas: ["hiring"] }),
      sponsor("rated", { focusAreas: ["hiring"], pcrScore: 2.5 }),
      sponsor("c", { focusAreas: ["hiring"] }),
    ]);
    expect(ids(picks)).toEqual(["rated", "a", "b"]);
    expect(picks.map((p) => p.rank)).toEqual([1, 2, 3]);
  });

  it("an empty profile gets sponsors by PCR and offers only", () => {
    const picks = rankSponsors(profile("e"), [sponsor("x", { offerings: ["Financing"] }), sponsor("y", { pcrScore: 5 })]);
    expect(ids(picks)).toEqual(["y"]);
  });
});

describe("sponsorTalkingPoint", () => {
  const talk = (s: ReturnType<typeof sponsor>, p = luis) => sponsorTalkingPoint(p, s, rankSponsors(p, [s])[0]?.reasons ?? []);

  it("picks the talking point sharing most words with what matched", () => {
    const s = sponsor("fin", {
      offerings: ["Equipment financing", "Truck leasing"],
      talkingPoints: ["Section 179 questions welcome", "Ask about equipment financing with no money down", "Lease-to-own on vans"],
    });
    expect(talk(s)).toBe("Ask about equipment financing with no money down");
  });

  it("builds one from the matched offering when no point matches", () => {
    const s = sponsor("fin", { boothNumber: "102", offerings: ["Customer financing"], talkingPoints: ["Ask about 12-month same-as-cash plans"] });
    expect(talk(s)).toBe("Ask about customer financing at booth 102");
    expect(talk(sponsor("seo", { offerings: ["SEO for hiring pages"] }))).toBe("Ask about SEO for hiring pages");
  });

  it("falls back to the first point, then the offer, then an invitation", () => {
    expect(talk(sponsor("a", { pcrScore: 4, talkingPoints: ["First point", "Second point"] }))).toBe("First point");
    expect(talk(sponsor("b", { boothNumber: "7", specialOffer: "20% off" }))).toBe("Ask about their offer at booth 7: 20% off");
    expect(talk(sponsor("c", { pcrScore: 3 }))).toBe("Stop by Sponsor c");
  });

  it("uses all focus areas when only PCR or an offer matched", () => {
    const s = sponsor("d", { specialOffer: "x", talkingPoints: ["Dispatch demo", "Hiring tips for summer crews"] });
    expect(talk(s)).toBe("Hiring tips for summer crews");
  });
});
