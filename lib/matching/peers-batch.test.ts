import { describe, expect, it } from "vitest";
import { encodePeers, forbidden, pointsWithoutFocus, sharedFocusCount } from "./peer-encode";
import { peerPairScore, preparePeer, scorePreparedPair } from "./peer-score";
import { matchPeersBatch, naiveAllPairs } from "./peers";
import { generateProfiles } from "./synthetic";
import { profile } from "./test-fixtures";
import type { MatchProfile, PeerPair } from "./types";
import { PEER_WEIGHTS } from "./weights";

const opts = { maxPerPerson: 3 };
const total = (pairs: PeerPair[]) => pairs.reduce((s, p) => s + p.score, 0);

/** Every rule the output must keep, whatever the input. */
function expectValid(pairs: PeerPair[], profiles: MatchProfile[], max: number) {
  const byId = new Map(profiles.map((p) => [p.attendeeId, p]));
  const counts = new Map<string, number>();
  const keys = new Set<string>();
  for (const p of pairs) {
    expect(p.a < p.b).toBe(true);
    const key = `${p.a}|${p.b}`;
    expect(keys.has(key)).toBe(false);
    keys.add(key);
    const check = peerPairScore(byId.get(p.a)!, byId.get(p.b)!);
    expect(check).not.toBeNull();
    expect(p.score).toBeGreaterThan(0);
    expect(p.score).toBe(check!.score);
    expect(p.reasons.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(p.score, 9);
    for (const id of [p.a, p.b]) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  for (const c of counts.values()) expect(c).toBeLessThanOrEqual(max);
  return counts;
}

describe("matchPeersBatch on hand-made groups", () => {
  it("takes pairs greedily by score: the best pair first, then the best that still fits", () => {
    const people = [
      profile("a", { focusAreas: ["sales", "hiring", "pricing"] }),
      profile("b", { focusAreas: ["sales", "hiring", "pricing"] }), // a–b 6
      profile("c", { focusAreas: ["sales", "hiring"] }), // a–c 4, b–c 4
      profile("d", { focusAreas: ["hiring"] }), // c–d 2
    ];
    const pairs = matchPeersBatch(people, { maxPerPerson: 1 });
    expect(pairs.map((p) => [p.a, p.b, p.score])).toEqual([
      ["a", "b", 6],
      ["c", "d", 2],
    ]);
    expect(naiveAllPairs(people, { maxPerPerson: 1 })).toEqual(pairs);
  });

  it("nobody gets more than maxPerPerson, and every pair is mutual (listed once, for both)", () => {
    const hub = profile("hub", { focusAreas: ["sales", "hiring", "pricing", "safety"] });
    const spokes = Array.from({ length: 6 }, (_, k) => profile(`s${k}`, { focusAreas: k < 3 ? ["sales", "hiring"] : ["sales"], teamSize: 10 }));
    const pairs = matchPeersBatch([hub, ...spokes], opts);
    const counts = expectValid(pairs, [hub, ...spokes], 3);
    expect(counts.get("hub")).toBe(3);
    expect(pairs.filter((p) => p.a === "hub" || p.b === "hub").map((p) => [p.a, p.b].find((x) => x !== "hub")).sort()).toEqual(["s0", "s1", "s2"]);
  });

  it("never pairs competitors or colleagues, however much they share", () => {
    const shared = { focusAreas: ["sales", "hiring", "pricing"], teamSize: 20, revenueTier: "1m_5m" };
    const people = [
      profile("r1", { ...shared, businessType: "Roofing", serviceArea: "Austin" }),
      profile("r2", { ...shared, businessType: "roofing", serviceArea: "AUSTIN" }),
      profile("c1", { ...shared, companyName: "Delgado Roofing & Solar LLC", businessType: "solar", serviceArea: "Waco" }),
      profile("c2", { ...shared, companyName: "delgado roofing and solar", businessType: "electrical", serviceArea: "Dallas" }),
    ];
    const pairs = matchPeersBatch(people, opts);
    const keys = pairs.map((p) => `${p.a}|${p.b}`);
    expect(keys).not.toContain("r1|r2");
    expect(keys).not.toContain("c1|c2");
    expect(keys.sort()).toEqual(["c1|r1", "c1|r2", "c2|r1", "c2|r2"]);
  });

  it("people with no focus areas still match, through complementary trades and size", () => {
    const people = [
      profile("roof", { businessType: "roofing", teamSize: 10 }),
      profile("solar", { businessType: "solar" }),
      profile("plumb", { businessType: "plumbing", teamSize: 12 }),
      profile("nobody"),
    ];
    const pairs = matchPeersBatch(people, opts);
    expect(pairs.map((p) => [p.a, p.b, p.score])).toEqual([
      ["roof", "solar", 2.5],
      ["plumb", "roof", 0.83],
    ]);
  });

  it("with all scores tied, still everyone gets a full set (ties do not crowd onto the same few people)", () => {
    const people = Array.from({ length: 60 }, (_, k) => profile(`p${String(k).padStart(2, "0")}`, { focusAreas: ["sales"] }));
    const counts = expectValid(matchPeersBatch(people, { maxPerPerson: 3, candidatesPerPerson: 4 }), people, 3);
    expect([...counts.values()].filter((c) => c === 3)).toHaveLength(60);
  });

  it("a room of competitors gives no pairs at all", () => {
    const people = Array.from({ length: 50 }, (_, k) => profile(`r${k}`, { businessType: "Roofing", serviceArea: "Austin", focusAreas: ["sales"], teamSize: 10 }));
    expect(matchPeersBatch(people, opts)).toEqual([]);
  });

  it("an empty or single-person pool gives no pairs; duplicate ids are a bug", () => {
    expect(matchPeersBatch([], opts)).toEqual([]);
    expect(matchPeersBatch([profile("a", { focusAreas: ["x"] })], opts)).toEqual([]);
    expect(() => matchPeersBatch([profile("a"), profile("a")], opts)).toThrow(/duplicate/);
  });
});

describe("matchPeersBatch against the naive O(n²) matcher", () => {
  it.each([11, 12, 13])("finds at least 95 percent of the naive total under the same constraints (400 people, seed %i)", (seed) => {
    const people = generateProfiles(400, seed);
    const fast = matchPeersBatch(people, opts);
    const naive = naiveAllPairs(people, opts);
    expectValid(fast, people, 3);
    expectValid(naive, people, 3);
    expect(total(fast)).toBeGreaterThanOrEqual(0.95 * total(naive));
    expect(fast.length).toBeGreaterThan(people.length); // most people get several peers
  });

  it("keeps the same rules with small lists and other capacities", () => {
    const people = generateProfiles(300, 5);
    for (const max of [1, 2, 5]) {
      const fast = matchPeersBatch(people, { maxPerPerson: max, candidatesPerPerson: 4 });
      expectValid(fast, people, max);
      expect(total(fast)).toBeGreaterThanOrEqual(0.95 * total(naiveAllPairs(people, { maxPerPerson: max })));
    }
  });

  it("the integer encoding scores every pair exactly as peerPairScore does", () => {
    const people = [...generateProfiles(150, 21), profile("x", { companyName: "att company 3, LLC" }), profile("y", { businessType: "Roofing contractor", serviceArea: "Austin, TX" })];
    const prepared = people.map((p) => preparePeer(p));
    const e = encodePeers(prepared);
    for (let i = 0; i < e.n; i++) {
      for (let j = 0; j < e.n; j++) {
        const r = scorePreparedPair(e.peers[i], e.peers[j]);
        expect(forbidden(e, i, j)).toBe(r === null);
        if (r) expect(PEER_WEIGHTS.sharedFocus * sharedFocusCount(e, i, j) + pointsWithoutFocus(e, i, j)).toBe(r.points);
      }
    }
  });
});
