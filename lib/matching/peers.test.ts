import { describe, expect, it } from "vitest";
import { pairKey, peerPairScore } from "./peer-score";
import { matchLateArrival } from "./peers";
import { profile } from "./test-fixtures";
import { tradeRelation } from "./trades";

const roofer = profile("a", { companyName: "Acme Roofing", businessType: "Roofing", serviceArea: "Austin, TX" });

describe("peerPairScore: who may never meet", () => {
  it("never competitors: same business type and same service area, compared case-insensitively", () => {
    expect(peerPairScore(roofer, profile("b", { businessType: "roofing", serviceArea: "austin tx", focusAreas: [] }))).toBeNull();
    expect(peerPairScore(roofer, profile("b", { businessType: "Roofing contractor", serviceArea: "Austin, TX" }))).toBeNull();
  });

  it("the same trade elsewhere, or with an unknown area or type, is not a competitor", () => {
    expect(peerPairScore(roofer, profile("b", { businessType: "roofing", serviceArea: "Waco, TX" }))).toEqual({ score: 0, reasons: [] });
    expect(peerPairScore(roofer, profile("b", { businessType: "roofing", serviceArea: null }))).not.toBeNull();
    expect(peerPairScore(roofer, profile("b", { businessType: null, serviceArea: "Austin, TX" }))).not.toBeNull();
  });

  it("never the same company (legal suffixes and case ignored), never oneself", () => {
    const a = profile("a", { companyName: "Ortega Plumbing Co.", focusAreas: ["hiring"] });
    expect(peerPairScore(a, profile("b", { companyName: "ortega plumbing", focusAreas: ["hiring"] }))).toBeNull();
    expect(peerPairScore(a, { ...a })).toBeNull();
    expect(peerPairScore(a, profile("b", { companyName: "Ortega Roofing", focusAreas: ["hiring"] }))?.score).toBe(2);
  });
});

describe("peerPairScore: reasons and weights", () => {
  it("shared focus areas: 2 each, normalized", () => {
    const r = peerPairScore(profile("a", { focusAreas: ["Sales", "Customer Experience", "safety"] }), profile("b", { focusAreas: ["customer experiences", "sales"] }));
    expect(r).toEqual({ score: 4, reasons: [{ code: "shared_focus", weight: 4, values: ["Sales", "Customer Experience"] }] });
  });

  it("complementary trades from the table: 2.5, wherever they work", () => {
    const solar = profile("b", { businessType: "Solar", serviceArea: "Dallas, TX" });
    expect(peerPairScore(roofer, solar)?.reasons).toEqual([{ code: "complementary_business", weight: 2.5, values: ["Roofing", "Solar"] }]);
    expect(tradeRelation("plumbing", "HVAC")).toBe("complementary");
    expect(tradeRelation("Landscaping", "Pool construction")).toBe("complementary");
    expect(tradeRelation("remodeling", "Electrical")).toBe("complementary");
    expect(tradeRelation("roofing", "plumbing")).toBe("different");
  });

  it("different trades in the same service area: 1, weaker than the table", () => {
    const r = peerPairScore(roofer, profile("b", { businessType: "Plumbing", serviceArea: "Austin, TX" }));
    expect(r).toEqual({
      score: 1,
      reasons: [{ code: "complementary_business", weight: 1, values: ["Roofing", "Plumbing"], detail: "different trades, same service area" }],
    });
    expect(peerPairScore(roofer, profile("c", { businessType: "Plumbing", serviceArea: "Waco, TX" }))?.score).toBe(0);
  });

  it("similar size: the team-size ratio from 0.5 up, nothing below", () => {
    const size = (a: number, b: number) => peerPairScore(profile("a", { teamSize: a }), profile("b", { teamSize: b }))?.score;
    expect(size(24, 30)).toBe(0.8);
    expect(size(10, 20)).toBe(0.5);
    expect(size(10, 21)).toBe(0);
    expect(size(7, 7)).toBe(1);
    expect(peerPairScore(profile("a", { teamSize: 5 }), profile("b", { teamSize: null }))?.score).toBe(0);
  });

  it("same revenue tier: 1; everything adds up", () => {
    const a = profile("a", { businessType: "Roofing", focusAreas: ["sales"], teamSize: 20, revenueTier: "1m_5m" });
    const b = profile("b", { businessType: "solar", focusAreas: ["Sales"], teamSize: 25, revenueTier: "1M_5M" });
    const r = peerPairScore(a, b)!;
    expect(r.reasons.map((x) => [x.code, x.weight])).toEqual([
      ["shared_focus", 2],
      ["complementary_business", 2.5],
      ["similar_size", 0.8],
      ["same_revenue_tier", 1],
    ]);
    expect(r.score).toBe(6.3);
  });

  it("is symmetric in score", () => {
    const a = profile("a", { businessType: "HVAC", serviceArea: "Austin", focusAreas: ["hiring", "sales"], teamSize: 9 });
    const b = profile("b", { businessType: "plumbing", serviceArea: "Austin", focusAreas: ["sales"], teamSize: 14, revenueTier: "x" });
    expect(peerPairScore(a, b)?.score).toBe(peerPairScore(b, a)?.score);
  });
});

describe("matchLateArrival", () => {
  const late = profile("m-late", { focusAreas: ["sales", "hiring"], businessType: "roofing", serviceArea: "Austin" });
  const pool = [
    profile("p1", { focusAreas: ["sales", "hiring"] }), // 4
    profile("p2", { focusAreas: ["sales", "hiring"], businessType: "solar" }), // 6.5
    profile("p3", { focusAreas: ["sales"] }), // 2
    profile("p4", { focusAreas: ["hiring"] }), // 2
    profile("p5", { focusAreas: ["sales", "hiring"], businessType: "roofing", serviceArea: "Austin" }), // competitor
    profile("p6", { focusAreas: [] }), // 0
    profile("z0", { focusAreas: ["sales", "hiring"], teamSize: 3 }), // 4
  ];
  const opts = { maxPerPerson: 3 };

  it("takes up to 3 best-scoring peers, ids in order within each pair, ties by id", () => {
    const pairs = matchLateArrival(late, pool, new Map(), new Set(), opts);
    expect(pairs.map((p) => [p.a, p.b, p.score])).toEqual([
      ["m-late", "p2", 6.5],
      ["m-late", "p1", 4],
      ["m-late", "z0", 4],
    ]);
  });

  it("skips peers already at capacity and pairs that exist; counts the arrival's own pairs", () => {
    const counts = new Map([["p2", 3], ["p1", 2]]);
    const pairs = matchLateArrival(late, pool, counts, new Set([pairKey("z0", "m-late")]), opts);
    expect(pairs.map((p) => p.b)).toEqual(["p1", "p3", "p4"]);
    const withOwn = matchLateArrival(late, pool, new Map([["m-late", 2]]), new Set(), opts);
    expect(withOwn.map((p) => p.b)).toEqual(["p2"]);
    expect(matchLateArrival(late, pool, new Map([["m-late", 3]]), new Set(), opts)).toEqual([]);
  });

  it("never a competitor, never a zero score, never oneself", () => {
    const pairs = matchLateArrival(late, [...pool, late], new Map([["p1", 3], ["p2", 3], ["z0", 3], ["p3", 3], ["p4", 3]]), new Set(), opts);
    expect(pairs).toEqual([]);
  });

  it("orders a and b by id when the arrival sorts after the peer", () => {
    const [pair] = matchLateArrival(profile("zz", { focusAreas: ["sales"] }), [profile("aa", { focusAreas: ["sales"] })], new Map(), new Set(), opts);
    expect([pair.a, pair.b]).toEqual(["aa", "zz"]);
  });
});
