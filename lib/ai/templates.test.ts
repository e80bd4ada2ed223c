import { describe, expect, it } from "vitest";
import type { Reason } from "@/lib/matching/reasons";
import { dana, peerPicks, sessionPicks, sponsorPicks } from "./fixtures";
import { peerCommonGround, peerWhy, sessionWhy, sponsorTalkingPoint, sponsorWhy } from "./templates";
import { midSentence, mentionsForeignTime, tierPhrase, truncateOnWord } from "./text";

const ctx = { attendee: dana, eventName: "Austin Contractor Summit" };
const r = (code: Reason["code"], values?: string[], detail?: string): Reason => ({ code, weight: 1, values, detail });
const session = (reasons: Reason[], speakerName: string | null = "Maria Lopez") => ({ ...sessionPicks[0], speakerName, reasons });
const sponsor = (reasons: Reason[], extra: Partial<(typeof sponsorPicks)[0]> = {}) => ({ ...sponsorPicks[0], reasons, ...extra });
const peer = (reasons: Reason[]) => ({ ...peerPicks[0], reasons });

describe("session why", () => {
  it.each([
    ["focus areas and rating (the brief's example)", session([r("topic_overlap", ["pricing", "hiring"]), r("speaker_pcr", undefined, "4.8")]),
      "Covers pricing and hiring — two of your focus areas — and Maria Lopez is one of the best-rated speakers here (4.8)."],
    ["one focus area and business fit", sessionPicks[1],
      "Covers marketing, one of your focus areas, and the session is made for roofing businesses like yours."],
    ["speaker focus leads, rating doesn't repeat the name", sessionPicks[2],
      "Tom Brennan works on hiring, just like you, and is one of the best-rated speakers here (4.7)."],
    ["three topics, nothing else", session([r("topic_overlap", ["pricing", "hiring", "marketing"])]),
      "Covers pricing, hiring and marketing — three of your focus areas."],
    ["topics plus a speaker focus not already named", session([r("topic_overlap", ["pricing"]), r("speaker_focus_overlap", ["pricing", "hiring"])]),
      "Covers pricing, one of your focus areas, and Maria Lopez works on hiring too."],
    ["business fit only", session([r("business_type_fit", ["roofing"])]), "Made for roofing businesses like yours."],
    ["preference with detail", session([r("preference_match", undefined, "keynotes")]), "Matches a preference you shared (keynotes)."],
    ["rating only, no speaker name", session([r("speaker_pcr", undefined, "4.6")], null), "The speaker is one of the best-rated speakers here (4.6)."],
    ["no reasons at all", session([]), "One of the best fits for you on the Austin Contractor Summit agenda."],
    ["empty value lists are ignored, not printed", session([r("topic_overlap", []), r("speaker_focus_overlap", [" "]), r("business_type_fit")]),
      "Made for roofing businesses like yours."],
  ])("%s", (_name, pick, expected) => {
    expect(sessionWhy(ctx, pick)).toBe(expected);
  });
});

describe("sponsor why and talking point", () => {
  it.each([
    ["tier, offering and special offer", sponsorPicks[0],
      "They work with roofing companies in the $1M–5M range; ask about their equipment financing — first month's lease payment waived at the booth."],
    ["focus area and special offer, no matching offering", sponsorPicks[1],
      "They specialize in marketing, one of your focus areas; stop by booth 103 for their offer — free local search audit."],
    ["rating only", sponsorPicks[2], "They're one of the best-rated sponsors here (4.2); find them at booth 105."],
    ["an offer that already mentions the booth isn't told twice", sponsor([r("offering_overlap", ["Customer financing"])], { specialOffer: "No setup fee when you enroll at the booth" }),
      "Ask about their customer financing — no setup fee when you enroll at the booth."],
    ["names keep their capitals", sponsor([r("focus_overlap", ["marketing", "technology"]), r("offering_overlap", ["Google Local Services Ads"])], { specialOffer: null }),
      "They specialize in marketing and technology — two of your focus areas; ask about their Google Local Services Ads."],
    ["nothing but a booth", sponsor([], { specialOffer: null, boothNumber: "101" }), "Find them at booth 101."],
    ["nothing at all", sponsor([], { specialOffer: null, boothNumber: null }), "Worth a stop in the expo."],
  ])("%s", (_name, pick, expected) => {
    expect(sponsorWhy(ctx, pick)).toBe(expected);
  });

  it("uses the ranking's talking point, else asks about the matching offering", () => {
    expect(sponsorTalkingPoint(ctx, sponsorPicks[0])).toBe("Ask about lease-to-own on upfitted vans");
    expect(sponsorTalkingPoint(ctx, sponsorPicks[2])).toBe("Ask how their technician recruiting works for a roofing company your size.");
    const noType = { ...ctx, attendee: { ...dana, businessType: null } };
    expect(sponsorTalkingPoint(noType, sponsor([], { talkingPoint: null, offerings: [] }))).toBe("Ask what they have for contractors like yours.");
  });
});

describe("peer why and common ground", () => {
  it.each([
    ["shared focus and complementary business (the brief's example)", peerPicks[0],
      "Nina Alvarez runs Alvarez Solar, a solar company in San Antonio, TX — your work complements theirs, so there may be referrals both ways.",
      "You both focus on marketing and hiring, and Nina's solar business complements your roofing work."],
    ["same tier and size", peerPicks[1],
      "Megan Foster runs Foster Home Services, an HVAC company in Austin, TX — a business your size, likely facing the same growing pains.",
      "You're both in the $1M–5M range, and your companies are about the same size."],
    ["a blank profile and no reasons", peerPicks[2],
      "Aisha Brooks is here too — worth a hello while you're both at Austin Contractor Summit.",
      "You're both at Austin Contractor Summit to grow your businesses."],
    ["shared focus only", peer([r("shared_focus", ["pricing"])]),
      "Nina Alvarez runs Alvarez Solar, a solar company in San Antonio, TX — a good person to compare notes with on pricing.",
      "You both focus on pricing."],
  ])("%s", (_name, pick, why, commonGround) => {
    expect(peerWhy(ctx, pick)).toBe(why);
    expect(peerCommonGround(ctx, pick)).toBe(commonGround);
  });

  it("never says a sentence about an unknown business type", () => {
    const pick = { ...peerPicks[0], businessType: null, reasons: [r("complementary_business")] };
    expect(peerCommonGround(ctx, pick)).toBe("Your businesses complement each other.");
  });
});

describe("limits", () => {
  it("keeps every template sentence within its limit, cut on a word", () => {
    const long = Array.from({ length: 12 }, (_, i) => `very long focus area number ${i}`);
    const why = sessionWhy(ctx, session([r("topic_overlap", long), r("speaker_pcr", undefined, "4.8")]));
    expect(why.length).toBeLessThanOrEqual(200);
    expect(why).toMatch(/ number \d+…$|[a-z]…$/);
    const cg = peerCommonGround(ctx, peer([r("shared_focus", long)]));
    expect(cg.length).toBeLessThanOrEqual(160);
  });
});

describe("text helpers", () => {
  it("truncates on a word boundary", () => {
    expect(truncateOnWord("  one two   three  ", 50)).toBe("one two three");
    expect(truncateOnWord("alpha beta gamma delta", 15)).toBe("alpha beta…");
  });

  it("lower-cases sentence-case phrases only", () => {
    expect(midSentence("Equipment financing")).toBe("equipment financing");
    expect(midSentence("Google Local Services Ads")).toBe("Google Local Services Ads");
    expect(midSentence("SEO audits")).toBe("SEO audits");
  });

  it("says revenue tiers the way people do", () => {
    expect(tierPhrase("under_500k")).toBe("doing under $500K a year");
    expect(tierPhrase("5m_plus")).toBe("doing over $5M a year");
    expect(tierPhrase("10m_50m")).toBe("in the $10M–50M range");
    expect(tierPhrase("enterprise")).toBeNull();
  });

  it("spots clock times other than the session's own local start", () => {
    const start = "2026-03-12T14:15:00.000Z"; // 9:15 AM in Chicago
    expect(mentionsForeignTime("Starts at 9:15 AM sharp", start, "America/Chicago")).toBe(false);
    expect(mentionsForeignTime("Kicks off at 9:15", start, "America/Chicago")).toBe(false);
    expect(mentionsForeignTime("Kicks off at 10:30 AM", start, "America/Chicago")).toBe(true);
    expect(mentionsForeignTime("see you at 3pm", start, "America/Chicago")).toBe(true);
    expect(mentionsForeignTime("Rated 4.8, $1M–5M, 12-month plans", start, "America/Chicago")).toBe(false);
    expect(mentionsForeignTime("at 9:15 AM", start)).toBe(true); // no zone: can't tell, so reject
  });
});
