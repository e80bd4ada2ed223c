import { describe, expect, it } from "vitest";
import type { RankedPick } from "./reasons";
import { assignSponsorSlots, peerBatchTime, peerIntroductionTime } from "./slots";
import { at, slot, talk } from "./test-fixtures";

const picks = (...ids: string[]): RankedPick[] => ids.map((targetId, i) => ({ kind: "sponsor", targetId, rank: i + 1, score: 1, reasons: [] }));
const plan = (agenda: Parameters<typeof assignSponsorSlots>[1], now: Date, n = 3) =>
  assignSponsorSlots(picks(...["s1", "s2", "s3", "s4", "s5", "s6", "s7"].slice(0, n)), agenda, now).map((r) => [r.sponsorId, r.slotId, r.sendAt?.toISOString().slice(11, 16) ?? null]);

const MORNING = at("08:00");

describe("assignSponsorSlots", () => {
  it("no breaks: every sponsor is on the agenda page only", () => {
    expect(plan([talk("t", "09:00", "10:00")], MORNING)).toEqual([
      ["s1", null, null],
      ["s2", null, null],
      ["s3", null, null],
    ]);
  });

  it("one 15-minute break fits one message, at start + 2 min", () => {
    expect(plan([slot("brk", "break", "10:00", "10:15")], MORNING)).toEqual([
      ["s1", "brk", "10:02"],
      ["s2", null, null],
      ["s3", null, null],
    ]);
  });

  it("a 60-minute lunch fits six, 10 minutes apart, the last no later than 5 minutes before the end", () => {
    expect(plan([slot("lunch", "lunch", "12:00", "13:00")], MORNING, 7)).toEqual([
      ["s1", "lunch", "12:02"],
      ["s2", "lunch", "12:12"],
      ["s3", "lunch", "12:22"],
      ["s4", "lunch", "12:32"],
      ["s5", "lunch", "12:42"],
      ["s6", "lunch", "12:52"],
      ["s7", null, null],
    ]);
  });

  it("a send exactly 5 minutes before the end still fits", () => {
    expect(plan([slot("brk", "break", "10:00", "10:17")], MORNING, 2)).toEqual([
      ["s1", "brk", "10:02"],
      ["s2", "brk", "10:12"],
    ]);
  });

  it("fills the earliest slot, then the next, in rank order", () => {
    const agenda = [slot("lunch", "lunch", "12:00", "13:00"), slot("brk", "break", "10:00", "10:15"), talk("t", "10:15", "11:00")];
    // Given out of order: rank decides, not the array position.
    const ranked = assignSponsorSlots(picks("rank1", "rank2", "rank3").reverse(), agenda, MORNING);
    expect(ranked.map((r) => [r.sponsorId, r.slotId, r.sendAt?.toISOString().slice(11, 16)])).toEqual([
      ["rank1", "brk", "10:02"],
      ["rank2", "lunch", "12:02"],
      ["rank3", "lunch", "12:12"],
    ]);
  });

  it("a check-in after lunch with no break left: agenda page only", () => {
    expect(plan([slot("brk", "break", "10:00", "10:30"), slot("lunch", "lunch", "12:00", "13:00")], at("13:05"), 1)).toEqual([["s1", null, null]]);
  });

  it("a check-in in the middle of a break uses what is left of it, from the next whole minute", () => {
    const agenda = [slot("brk", "break", "10:00", "10:30"), slot("lunch", "lunch", "12:00", "13:00")];
    expect(plan(agenda, at("10:13", 20))).toEqual([
      ["s1", "brk", "10:14"],
      ["s2", "brk", "10:24"],
      ["s3", "lunch", "12:02"],
    ]);
    expect(plan(agenda, at("10:25"), 1)).toEqual([["s1", "brk", "10:25"]]);
    expect(plan(agenda, at("10:25", 1), 1)).toEqual([["s1", "lunch", "12:02"]]);
  });

  it("never plans a send before now, and ignores cancelled breaks", () => {
    const now = at("10:01", 30);
    const out = assignSponsorSlots(picks("s1"), [slot("x", "break", "10:00", "10:30", { cancelled: true }), slot("brk", "break", "10:00", "10:20")], now);
    expect(out).toEqual([{ sponsorId: "s1", slotId: "brk", sendAt: at("10:02") }]);
    expect(out[0].sendAt!.getTime()).toBeGreaterThanOrEqual(now.getTime());
  });
});

describe("peer introduction and batch times", () => {
  it("lunch: introductions at lunch + 5 min, the batch at lunch − 15 min", () => {
    const agenda = [slot("brk", "break", "10:00", "10:45"), slot("lunch", "lunch", "12:00", "13:00")];
    expect(peerIntroductionTime(agenda)).toEqual(at("12:05"));
    expect(peerBatchTime(agenda)).toEqual(at("11:45"));
  });

  it("the first lunch by time, whatever the list order", () => {
    const agenda = [slot("late", "lunch", "13:00", "14:00"), slot("early", "lunch", "11:30", "12:15")];
    expect(peerIntroductionTime(agenda)).toEqual(at("11:35"));
  });

  it("no lunch: the first break of at least 30 minutes", () => {
    const agenda = [slot("short", "break", "10:00", "10:29"), slot("long", "break", "15:00", "15:30"), slot("longer", "break", "16:00", "17:00")];
    expect(peerIntroductionTime(agenda)).toEqual(at("15:05"));
    expect(peerBatchTime(agenda)).toEqual(at("14:45"));
  });

  it("no lunch and no long break, or only cancelled ones: null (agenda page only)", () => {
    const agenda = [slot("short", "break", "10:00", "10:20"), slot("lunch", "lunch", "12:00", "13:00", { cancelled: true })];
    expect(peerIntroductionTime(agenda)).toBeNull();
    expect(peerBatchTime(agenda)).toBeNull();
    expect(peerIntroductionTime([])).toBeNull();
  });
});
