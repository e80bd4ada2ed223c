import { describe, expect, it } from "vitest";
import { rankSessions } from "./sessions";
import { at, profile, speaker, talk } from "./test-fixtures";

const NOW = at("08:00");
const ids = (picks: { targetId: string }[]) => picks.map((p) => p.targetId);
const dana = profile("dana", { focusAreas: ["Pricing", "hiring"], businessType: "Roofing" });

describe("rankSessions scoring", () => {
  it("orders by focus-area overlap with the topics, 3 points per shared area", () => {
    const picks = rankSessions(dana, [
      talk("one", "11:00", "11:45", { topics: ["pricing"] }),
      talk("two", "10:00", "10:45", { topics: ["pricing", "Hiring"] }),
      talk("none", "12:00", "12:45", { topics: ["safety"] }),
    ], NOW);
    expect(ids(picks)).toEqual(["two", "one"]);
    expect(picks.map((p) => p.score)).toEqual([6, 3]);
    expect(picks[0].reasons).toEqual([{ code: "topic_overlap", weight: 6, values: ["Pricing", "hiring"] }]);
    expect(picks.map((p) => p.rank)).toEqual([1, 2]);
  });

  it("compares normalized terms: case, punctuation and plurals", () => {
    const p = profile("p", { focusAreas: ["Customer Experience"] });
    const picks = rankSessions(p, [talk("cx", "10:00", "10:45", { topics: ["customer-experiences"] })], NOW);
    expect(picks[0].reasons[0]).toMatchObject({ code: "topic_overlap", weight: 3, values: ["Customer Experience"] });
  });

  it("counts the speaker's focus areas (1.5 each), the business type in the title (2) and PCR/5", () => {
    const picks = rankSessions(dana, [
      talk("s", "10:00", "10:45", { title: "Roofing crews that stay", speaker: speaker(["hiring", "sales"], 4.5) }),
    ], NOW);
    expect(picks[0].reasons).toEqual([
      { code: "speaker_focus_overlap", weight: 1.5, values: ["hiring"] },
      { code: "business_type_fit", weight: 2, values: ["Roofing"] },
      { code: "speaker_pcr", weight: 0.9, detail: "4.5" },
    ]);
    expect(picks[0].score).toBe(4.4);
  });

  it("reason weights always add up to the score", () => {
    const picks = rankSessions(dana, [
      talk("a", "10:00", "10:45", { topics: ["pricing", "roofing"], speaker: speaker(["pricing"], 4.7) }),
      talk("b", "11:00", "11:45", { topics: ["hiring"], speaker: speaker([], 3.3) }),
    ], NOW);
    for (const p of picks) expect(p.reasons.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(p.score, 9);
  });

  it("uses PCR to separate otherwise equal talks, then the earlier start, then the id", () => {
    const same = { topics: ["pricing"] };
    const byPcr = rankSessions(dana, [
      talk("early-low", "10:00", "10:45", { ...same, speaker: speaker([], 3.0) }),
      talk("late-high", "11:00", "11:45", { ...same, speaker: speaker([], 4.8) }),
    ], NOW);
    expect(ids(byPcr)).toEqual(["late-high", "early-low"]);
    const byStart = rankSessions(dana, [talk("z-late", "11:00", "11:45", same), talk("b", "10:00", "10:45", same), talk("a", "10:00", "10:45", same)], NOW);
    expect(ids(byStart)).toEqual(["a", "z-late"]); // a and b overlap: a wins on id, b is dropped
  });

  it("honours stated preferences: preferred topics (+2 each), a preferred format (+1), avoided topics never", () => {
    const p = profile("p", { focusAreas: ["sales"], preferences: { topics: ["financing"], avoid_topics: "safety", session_format: "panels" } });
    const picks = rankSessions(p, [
      talk("sales-safety", "09:00", "09:45", { topics: ["sales", "Safety"] }),
      talk("sales", "10:00", "10:45", { topics: ["sales"] }),
      talk("fin", "11:00", "11:45", { topics: ["financing"] }),
      talk("panel", "12:00", "12:45", { type: "panel", topics: ["sales"] }),
    ], NOW);
    expect(ids(picks)).toEqual(["panel", "sales", "fin"]);
    expect(picks[0].reasons.map((r) => [r.code, r.weight, r.detail])).toEqual([["topic_overlap", 3, undefined], ["preference_match", 1, "format"]]);
    expect(picks[2].reasons).toEqual([{ code: "preference_match", weight: 2, values: ["financing"], detail: "topics" }]);
  });

  it("an empty profile still gets the best-rated talks; without any signal it gets none", () => {
    const empty = profile("e");
    const rated = rankSessions(empty, [talk("a", "10:00", "10:45", { speaker: speaker([], 4) }), talk("b", "11:00", "11:45", { speaker: speaker([], 5) })], NOW);
    expect(ids(rated)).toEqual(["b", "a"]);
    expect(rankSessions(empty, [talk("a", "10:00", "10:45", { topics: ["pricing"] })], NOW)).toEqual([]);
  });
});

describe("rankSessions constraints", () => {
  it("only talks that have not started: one starting exactly now or running is out", () => {
    const now = at("10:00");
    const picks = rankSessions(dana, [
      talk("running", "09:30", "10:30", { topics: ["pricing", "hiring"] }),
      talk("starting-now", "10:00", "10:45", { topics: ["pricing", "hiring"] }),
      talk("next", "10:01", "10:45", { topics: ["pricing"] }),
    ], now);
    expect(ids(picks)).toEqual(["next"]);
  });

  it("only sessions, keynotes and panels, and none cancelled", () => {
    const topics = ["pricing"];
    const picks = rankSessions(dana, [
      talk("brk", "09:00", "09:15", { type: "break", topics }),
      talk("lunch", "12:00", "13:00", { type: "lunch", topics }),
      talk("net", "17:00", "18:00", { type: "networking", topics }),
      talk("cancelled", "10:00", "10:45", { topics: ["pricing", "hiring"], cancelled: true }),
      talk("key", "09:15", "09:45", { type: "keynote", topics }),
      talk("pan", "11:00", "11:45", { type: "panel", topics }),
      talk("ses", "14:00", "14:45", { topics }),
    ], NOW);
    expect(ids(picks).sort()).toEqual(["key", "pan", "ses"]);
  });

  it("never picks two overlapping talks; back-to-back is fine", () => {
    const picks = rankSessions(dana, [
      talk("a", "10:00", "11:00", { topics: ["pricing", "hiring"], speaker: speaker(["pricing"]) }),
      talk("b-overlaps-a", "10:30", "11:30", { topics: ["pricing", "hiring"] }),
      talk("c-after-a", "11:00", "12:00", { topics: ["pricing"], speaker: speaker([], 4) }),
      talk("d", "13:00", "14:00", { topics: ["pricing"] }),
    ], NOW);
    expect(ids(picks)).toEqual(["a", "c-after-a", "d"]);
  });

  it("takes the third pick from a compatible time when the runners-up clash", () => {
    const picks = rankSessions(dana, [
      talk("a", "10:00", "11:00", { topics: ["pricing", "hiring"] }),
      talk("b", "10:00", "11:00", { topics: ["pricing", "hiring"], speaker: speaker([], 1) }),
      talk("c", "10:30", "11:15", { topics: ["pricing"] }),
      talk("d", "11:00", "12:00", { speaker: speaker([], 2) }),
      talk("e", "15:00", "16:00", { speaker: speaker([], 1) }),
    ], NOW);
    expect(ids(picks)).toEqual(["b", "d", "e"]);
  });

  it("returns 3 whenever 3 compatible talks exist, even if the best one would block that", () => {
    // Plain greedy takes "long" then only "late" fits: 2 picks. Three compatible exist.
    const picks = rankSessions(dana, [
      talk("long", "09:00", "11:00", { topics: ["pricing", "hiring"], speaker: speaker(["pricing"]) }),
      talk("early", "09:00", "10:00", { topics: ["pricing", "hiring"] }),
      talk("mid", "10:00", "11:00", { topics: ["pricing"] }),
      talk("late", "11:00", "12:00", { speaker: speaker([], 3) }),
    ], NOW);
    expect(ids(picks)).toEqual(["early", "mid", "late"]);
  });

  it("keeps the top pick when fewer than 3 compatible talks exist at all", () => {
    const picks = rankSessions(dana, [
      talk("best", "10:00", "11:00", { topics: ["pricing", "hiring"] }),
      talk("clash", "10:30", "11:30", { topics: ["pricing"] }),
    ], NOW);
    expect(ids(picks)).toEqual(["best"]);
  });

  it("is deterministic whatever the input order", () => {
    const list = Array.from({ length: 12 }, (_, k) =>
      talk(`t${k}`, `${String(9 + (k % 6)).padStart(2, "0")}:00`, `${String(9 + (k % 6)).padStart(2, "0")}:45`, { topics: k % 2 ? ["pricing"] : ["hiring"] }),
    );
    const once = rankSessions(dana, list, NOW);
    expect(rankSessions(dana, [...list].reverse(), NOW)).toEqual(once);
    expect(once).toHaveLength(3);
  });
});
