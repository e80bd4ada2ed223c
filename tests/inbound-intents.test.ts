import { describe, expect, it } from "vitest";
import { parseBundleRatings, parseIntents, type Expecting, type Intent } from "@/lib/inbound/intents";

type Case = [text: string, expecting: Expecting, intents: Array<Intent | Intent["kind"]>];

const Q = (text: string): Intent => ({ kind: "question", text });

// ≥ 80 replies as attendees write them (SPEC §6): text, what they were last asked, what it means.
const CASES: Case[] = [
  // Opt-out: keywords in any case, punctuation, filler; natural phrasing; never a question.
  ["STOP", null, ["opt_out"]],
  ["stop", "intro", ["opt_out"]],
  ["Stop.", null, ["opt_out"]],
  ["STOP!!!", "rating", ["opt_out"]],
  ["  stop  ", null, ["opt_out"]],
  ["StopAll", null, ["opt_out"]],
  ["UNSUBSCRIBE", null, ["opt_out"]],
  ["cancel", null, ["opt_out"]],
  ["END", null, ["opt_out"]],
  ["quit", null, ["opt_out"]],
  ["Revoke", null, ["opt_out"]],
  ["OPTOUT", null, ["opt_out"]],
  ["opt out", null, ["opt_out"]],
  ["opt-out", null, ["opt_out"]],
  ["stop please", null, ["opt_out"]],
  ["please stop", null, ["opt_out"]],
  ["please stop texting me", null, ["opt_out"]],
  ["stop texting me", null, ["opt_out"]],
  ["Stop sending me these messages", null, ["opt_out"]],
  ["don't text me again", null, ["opt_out"]],
  ["remove me from this list", null, ["opt_out"]],
  ["no more texts please", null, ["opt_out"]],
  ["how do I unsubscribe?", null, ["opt_out"]],
  ["alto", null, ["opt_out"]],
  ["ALTO", "intro", ["opt_out"]],
  ["🛑", null, ["opt_out"]],
  ["stop by booth 12?", null, [Q("stop by booth 12?")]],
  ["Should I stop by the Acme booth?", null, [Q("Should I stop by the Acme booth?")]],
  ["when does the keynote end?", null, [Q("when does the keynote end?")]],
  ["cancel my lunch order", null, [Q("cancel my lunch order")]],
  // Opt back in; help.
  ["START", null, ["opt_in"]],
  ["unstop", null, ["opt_in"]],
  ["Start.", null, ["opt_in"]],
  ["HELP", null, ["help"]],
  ["help!", null, ["help"]],
  ["info", null, ["help"]],
  ["ayuda", null, ["help"]],
  // YES / NO to an introduction.
  ["YES", "intro", ["yes"]],
  ["yes", null, ["yes"]],
  ["Yes please", "intro", ["yes"]],
  ["yes please!", "intro", ["yes"]],
  ["Sure", "intro", ["yes"]],
  ["sure thing", "intro", ["yes"]],
  ["count me in", "intro", ["yes"]],
  ["I'm in", "intro", ["yes"]],
  ["yeah", "intro", ["yes"]],
  ["yep", "intro", ["yes"]],
  ["Y", "intro", ["yes"]],
  ["ok", "intro", ["yes"]],
  ["absolutely!", "intro", ["yes"]],
  ["sounds good", "intro", ["yes"]],
  ["👍", "intro", ["yes"]],
  ["✅", "intro", ["yes"]],
  ["sí", "intro", ["yes"]],
  ["Si", "intro", ["yes"]],
  ["claro que sí", "intro", ["yes"]],
  ["NO", "intro", ["no"]],
  ["no thanks", "intro", ["no"]],
  ["No thank you.", "intro", ["no"]],
  ["nope", "intro", ["no"]],
  ["nah", "intro", ["no"]],
  ["not interested", "intro", ["no"]],
  ["pass", "intro", ["no"]],
  ["👎", "intro", ["no"]],
  ["no gracias", "intro", ["no"]],
  // The attendance check ("Did you get to meet Dana?").
  ["yes we met", "attendance", ["yes"]],
  ["we did!", "attendance", ["yes"]],
  ["didn't get the chance", "attendance", ["no"]],
  // Two intents in one text.
  ["yes! and where is lunch?", "intro", ["yes", Q("where is lunch?")]],
  ["Sure, what room is the keynote in?", "intro", ["yes", Q("what room is the keynote in?")]],
  ["yes and I'd give it a 5", "intro", ["yes", { kind: "rating", score: 5 }]],
  ["no thanks, but when is the next session?", "intro", ["no", Q("when is the next session?")]],
  // Ratings 1–5, with the comment kept.
  ["5", "rating", [{ kind: "rating", score: 5 }]],
  ["4", null, [{ kind: "rating", score: 4 }]],
  ["5/5", "rating", [{ kind: "rating", score: 5 }]],
  ["4 / 5", "rating", [{ kind: "rating", score: 4 }]],
  ["3 out of 5", "rating", [{ kind: "rating", score: 3 }]],
  ["five", "rating", [{ kind: "rating", score: 5 }]],
  ["Four!", "rating", [{ kind: "rating", score: 4 }]],
  ["I'd give it a 4", "rating", [{ kind: "rating", score: 4 }]],
  ["id give it a 3", "rating", [{ kind: "rating", score: 3 }]],
  ["give it a 5", "rating", [{ kind: "rating", score: 5 }]],
  ["I would rate it 2", "rating", [{ kind: "rating", score: 2 }]],
  ["a solid 4", "rating", [{ kind: "rating", score: 4 }]],
  ["4 - great talk", "rating", [{ kind: "rating", score: 4, comment: "great talk" }]],
  ["5! Loved the pricing examples", "rating", [{ kind: "rating", score: 5, comment: "Loved the pricing examples" }]],
  ["2, too much of a sales pitch", "rating", [{ kind: "rating", score: 2, comment: "too much of a sales pitch" }]],
  ["5 stars", "rating", [{ kind: "rating", score: 5 }]],
  ["5 stars - best session today", "rating", [{ kind: "rating", score: 5, comment: "best session today" }]],
  ["⭐⭐⭐⭐", "rating", [{ kind: "rating", score: 4 }]],
  ["1", "rating", [{ kind: "rating", score: 1 }]],
  ["cinco", "rating", [{ kind: "rating", score: 5 }]],
  ["10/10", "rating", [Q("10/10")]],
  ["7", "rating", [Q("7")]],
  // Booth numbers after the sponsor batch check.
  ["12, 105 and 7", "booths", [{ kind: "booths", booths: ["12", "105", "7"] }]],
  ["booths 101 & 104", "booths", [{ kind: "booths", booths: ["101", "104"] }]],
  ["105", "booths", [{ kind: "booths", booths: ["105"] }]],
  ["3", "booths", [{ kind: "booths", booths: ["3"] }]],
  ["I visited 102 and 103", "booths", [{ kind: "booths", booths: ["102", "103"] }]],
  ["none", "booths", [{ kind: "booths", booths: [] }]],
  // "here" after a speaker alert.
  ["here", "alert", ["here"]],
  ["I'm here", "alert", ["here"]],
  ["in the room", "alert", ["here"]],
  ["made it!", "alert", ["here"]],
  ["aquí", "alert", ["here"]],
  // Questions for the concierge.
  ["where is booth 105?", null, [Q("where is booth 105?")]],
  ["what's next?", null, [Q("what's next?")]],
  ["when is lunch", null, [Q("when is lunch")]],
  ["what's the wifi password", null, [Q("what's the wifi password")]],
  ["Can I get my agenda link?", null, [Q("Can I get my agenda link?")]],
  ["❤️", null, [Q("❤️")]],
  ["Thanks for organizing this!", null, [Q("Thanks for organizing this!")]],
  ["is there no parking?", null, [Q("is there no parking?")]],
];

describe("parseIntents", () => {
  it("has at least 80 cases", () => expect(CASES.length).toBeGreaterThanOrEqual(80));

  it.each(CASES)("%j (expecting %s)", (text, expecting, want) => {
    const got = parseIntents(text, expecting);
    const normalized = want.map((w) => (typeof w === "string" ? { kind: w } : w));
    expect(got).toEqual(normalized);
  });
});

describe("parseBundleRatings (a reply to 'rate the last two talks: reply A4 B5')", () => {
  const cases: Array<[string, number, Array<{ member: number; score: number; comment?: string }> | null]> = [
    ["A4 B5", 2, [{ member: 0, score: 4 }, { member: 1, score: 5 }]],
    ["a4b5", 2, [{ member: 0, score: 4 }, { member: 1, score: 5 }]],
    ["A: 4, B: 5", 2, [{ member: 0, score: 4 }, { member: 1, score: 5 }]],
    ["a=3 & b=1", 2, [{ member: 0, score: 3 }, { member: 1, score: 1 }]],
    ["B5 A2", 2, [{ member: 0, score: 2 }, { member: 1, score: 5 }]],
    ["A4", 2, [{ member: 0, score: 4 }]],
    ["A4/5 and B3/5", 2, [{ member: 0, score: 4 }, { member: 1, score: 3 }]],
    ["4 5", 2, [{ member: 0, score: 4 }, { member: 1, score: 5 }]],
    ["4, 5, 3", 3, [{ member: 0, score: 4 }, { member: 1, score: 5 }, { member: 2, score: 3 }]],
    ["A4 B5 great talks!", 2, [{ member: 0, score: 4 }, { member: 1, score: 5, comment: "great talks!" }]],
    ["a 4 y b 5", 2, [{ member: 0, score: 4 }, { member: 1, score: 5 }]],
    ["A4 A2", 2, [{ member: 0, score: 2 }]],
    ["C3", 2, [{ member: 2, score: 3 }]],
    ["4 5", 3, null],
    ["5", 2, null],
    ["45", 2, null],
    ["A6 B5", 2, null],
    ["where is booth A4?", 2, null],
    ["A4 B5", 1, null],
  ];
  it.each(cases)("%s (bundle of %i)", (text, size, expected) => {
    expect(parseBundleRatings(text, size)).toEqual(expected);
  });

  it("parseIntents reads them only for an open bundled rating request", () => {
    expect(parseIntents("A4 B5", "rating", { bundleSize: 2 })).toEqual([
      { kind: "rating", member: 0, score: 4 },
      { kind: "rating", member: 1, score: 5 },
    ]);
    expect(parseIntents("4 5", "rating", { bundleSize: 2 }).map((i) => i.kind)).toEqual(["rating", "rating"]);
    // Without a bundle "4 5" is one rating of 4, and "A4 B5" is not a rating at all.
    expect(parseIntents("4 5", "rating")).toEqual([{ kind: "rating", score: 4 }]);
    expect(parseIntents("A4 B5", "booths", { bundleSize: 2 })).toEqual([{ kind: "booths", booths: ["A4", "B5"] }]);
    // An opt-out still wins.
    expect(parseIntents("stop", "rating", { bundleSize: 2 })).toEqual([{ kind: "opt_out" }]);
  });
});
