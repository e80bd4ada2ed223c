import { describe, expect, it } from "vitest";
import { matchPeersBatch, naiveAllPairs, rankSessions, rankSponsors } from "@/lib/matching";
import { generateAgenda, generateProfiles, generateSponsors, seededRandom } from "@/lib/matching/synthetic";
import { DEFAULT_MATCH_WEIGHTS } from "@/lib/matching/weights";
import { defaultVector, FEATURE_LABEL, FEATURES, featuresOf, weightsOf, withLearned } from "./features";
import { FIT_RULES, fitWeights, type Sample } from "./fit";
import { settle } from "./outcomes";

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Sponsor-shaped samples whose truth weighs the features `truth` (log-odds), not the defaults. */
function synthetic(n: number, truth: number[], seed = 5): Sample[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const x = [Math.floor(rand() * 3), Math.floor(rand() * 3), rand() < 0.5 ? 1 : 0, 0.6 + rand() * 0.4, rand() < 0.4 ? 1 : 0];
    const z = -2 + x.reduce((t, v, i) => t + v * truth[i], 0);
    return { x, y: rand() < sigmoid(z) ? 1 : 0 };
  });
}

const cosine = (a: number[], b: number[]) => {
  const d = a.reduce((t, v, i) => t + v * b[i], 0);
  return d / (Math.hypot(...a) * Math.hypot(...b));
};

describe("fitWeights", () => {
  const w0 = defaultVector("sponsor"); // offeringOverlap 3, focusOverlap 1.5, revenueTierTarget 2, sponsorPcr 1, specialOffer 0.5
  const truth = [0.2, 0.1, 1.5, 1.2, 1.0];

  it("moves the weights toward the truth that generated the outcomes", () => {
    const r = fitWeights(synthetic(3000, truth), w0);
    expect(r.moved).toBe(true);
    expect(cosine(r.weights, truth)).toBeGreaterThan(cosine(w0, truth) + 0.2);
    // What the truth values most rises against what it values least.
    expect(r.weights[2] / r.weights[0]).toBeGreaterThan(w0[2] / w0[0]);
    expect(r.weights[4] / r.weights[0]).toBeGreaterThan(w0[4] / w0[0]);
    expect(r.weights.every((w, i) => w >= 0 && w <= FIT_RULES.maxFactor * w0[i])).toBe(true);
  });

  it("lets a small default weight grow when many outcomes say it matters most (the prior's floor)", () => {
    // sponsorPcr's default is 1 point, the least but one; here it is what people act on.
    const pcrTruth = [0.1, 0.05, 0.3, 4, 0.2];
    const r = fitWeights(synthetic(4000, pcrTruth, 13), w0);
    expect(r.moved).toBe(true);
    expect(r.weights[3]).toBeGreaterThan(2 * w0[3]);
    expect(r.weights[3]).toBeGreaterThan(Math.max(r.weights[0], r.weights[1], r.weights[2]));
  });

  it("keeps the defaults' total: only the balance between the features moves", () => {
    const r = fitWeights(synthetic(3000, truth), w0);
    if (!r.moved) throw new Error("expected a fit");
    const total = (w: number[]) => w.reduce((t, v) => t + v, 0);
    if (r.stats.clamped.length === 0) expect(total(r.weights)).toBeCloseTo(total(w0), 6);
    else expect(total(r.weights)).toBeLessThanOrEqual(total(w0) + 1e-9);
    expect(r.stats.normalization).toBeGreaterThan(0);
  });

  it("does not move below the minimum number of outcomes, or with one side only", () => {
    const few = fitWeights(synthetic(FIT_RULES.minOutcomes - 1, truth), w0);
    expect(few).toMatchObject({ moved: false, reason: "too_few_outcomes" });
    expect(few.weights).toEqual(w0);
    const allNo = synthetic(500, truth).map((s) => ({ ...s, y: 0 as const }));
    expect(fitWeights(allNo, w0)).toMatchObject({ moved: false, reason: "one_sided", weights: w0 });
  });

  it("is deterministic", () => {
    const a = fitWeights(synthetic(1000, truth), w0);
    const b = fitWeights(synthetic(1000, truth), w0);
    expect(a).toEqual(b);
  });

  it("keeps today's weights when the outcomes follow today's weights", () => {
    const scaled = w0.map((w) => w * 0.5);
    const r = fitWeights(synthetic(4000, scaled, 9), w0);
    expect(r.moved).toBe(true);
    expect(cosine(r.weights, w0)).toBeGreaterThan(0.97);
  });
});

describe("features read back from reasons", () => {
  it("each learned weight has a label for the console", () => {
    const all = Object.values(FEATURES).flat();
    expect(all.filter((f) => !FEATURE_LABEL[f])).toEqual([]);
  });

  it("give score = Σ weight × feature for every ranking", () => {
    const day = new Date("2027-03-10T00:00:00Z");
    const profiles = generateProfiles(60, 3);
    const agenda = generateAgenda(day, 21, 4);
    const sponsors = generateSponsors(10, 5);
    const at = new Date("2027-03-10T08:40:00Z");
    const dot = (a: number[], b: number[]) => a.reduce((t, v, i) => t + v * b[i], 0);
    for (const p of profiles) {
      for (const pick of rankSessions(p, agenda, at)) expect(dot(featuresOf("speaker", pick.reasons), defaultVector("speaker"))).toBeCloseTo(pick.score, 1);
      for (const pick of rankSponsors(p, sponsors)) expect(dot(featuresOf("sponsor", pick.reasons), defaultVector("sponsor"))).toBeCloseTo(pick.score, 1);
    }
    for (const pair of matchPeersBatch(profiles, { maxPerPerson: 3 })) {
      expect(dot(featuresOf("peer", pair.reasons), defaultVector("peer"))).toBeCloseTo(pair.score, 1);
    }
  });
});

describe("the ranking reads the weights", () => {
  const day = new Date("2027-03-10T00:00:00Z");
  const at = new Date("2027-03-10T08:40:00Z");
  const profiles = generateProfiles(300, 8);
  const agenda = generateAgenda(day, 28, 9);
  const sponsors = generateSponsors(16, 10);

  it("defaults give exactly today's picks; other weights give other picks, scored with those weights", () => {
    const learned = withLearned({ speaker: { topicOverlap: 0.5, speakerPcr: 5 }, sponsor: { offeringOverlap: 0, revenueTierTarget: 8 } });
    let changed = 0;
    for (const p of profiles.slice(0, 80)) {
      expect(rankSessions(p, agenda, at, { weights: DEFAULT_MATCH_WEIGHTS.session })).toEqual(rankSessions(p, agenda, at));
      const a = rankSessions(p, agenda, at).map((x) => x.targetId);
      const b = rankSessions(p, agenda, at, { weights: learned.session });
      if (a.join() !== b.map((x) => x.targetId).join()) changed++;
      for (const pick of b) expect(pick.reasons.find((r) => r.code === "topic_overlap")?.weight ?? 0.5).toBeLessThanOrEqual(0.5 * 4);
      const s = rankSponsors(p, sponsors, { weights: learned.sponsor });
      for (const pick of s) expect(pick.reasons.some((r) => r.code === "offering_overlap")).toBe(false);
    }
    expect(changed).toBeGreaterThan(10);
  });

  it("peer weights reach the batch matcher, which still agrees with the all-pairs baseline", () => {
    const w = withLearned({ peer: weightsOf("peer", [0.1, 1, 0.5, 3, 2.5]) }).peer;
    const batch = matchPeersBatch(profiles, { maxPerPerson: 3, weights: w });
    const naive = naiveAllPairs(profiles, { maxPerPerson: 3, weights: w });
    const total = (xs: typeof batch) => xs.reduce((t, x) => t + x.score, 0);
    expect(total(batch)).toBeGreaterThan(0.97 * total(naive));
    const dflt = matchPeersBatch(profiles, { maxPerPerson: 3 });
    const key = (xs: typeof batch) => new Set(xs.map((x) => `${x.a}|${x.b}`));
    const shared = [...key(batch)].filter((k) => key(dflt).has(k)).length;
    expect(shared).toBeLessThan(batch.length * 0.8);
    for (const pair of batch) {
      const sizeReason = pair.reasons.find((r) => r.code === "similar_size");
      if (sizeReason) expect(sizeReason.weight).toBeGreaterThanOrEqual(1.5); // 3 points × a ratio of at least 0.5
    }
  });
});

describe("settle", () => {
  it("scores the strongest signal; opened alone is not acting on it", () => {
    const t = "2027-03-10T10:00:00.000Z";
    expect(settle({})).toEqual({ outcome: null, successScore: null, actedAt: null });
    expect(settle({ opened: t })).toMatchObject({ outcome: "opened", successScore: 0.1, actedAt: null });
    expect(settle({ opened: t, declined: t })).toMatchObject({ outcome: "declined", successScore: 0 });
    expect(settle({ accepted: t })).toMatchObject({ outcome: "accepted", successScore: 0.5, actedAt: new Date(t) });
    expect(settle({ accepted: t, met: "2027-03-10T11:00:00.000Z" })).toMatchObject({ outcome: "met", successScore: 1, actedAt: new Date(t) });
    expect(settle({ rated: t, rating: 4 })).toMatchObject({ outcome: "rated", successScore: 0.8 });
    expect(settle({ attended: t, rated: t, rating: 2 })).toMatchObject({ outcome: "attended", successScore: 1 });
  });
});
