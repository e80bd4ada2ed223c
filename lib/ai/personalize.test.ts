import { MockLanguageModelV4 } from "ai/test";
import { afterEach, describe, expect, it } from "vitest";
import { inputOf, peerPicks, sessionPicks, sponsorPicks } from "./fixtures";
import { setLanguageModelForTests } from "./model";
import { writePeerIntros, writeSessionWhys, writeSponsorPitches } from "./personalize";
import { peerWhy, sessionWhy, sponsorTalkingPoint, sponsorWhy } from "./templates";

const ctx = { attendee: inputOf([]).attendee, eventName: inputOf([]).eventName };

/** A model whose every call answers `text` (or never answers, for "hang"). */
function scriptedModel(text: string | "hang") {
  return new MockLanguageModelV4({
    doGenerate: async () => {
      if (text === "hang") return new Promise<never>(() => {}); // ignores the abort signal on purpose
      return {
        content: [{ type: "text", text }],
        finishReason: { unified: "stop", raw: undefined },
        usage: {
          inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 20, text: 20, reasoning: undefined },
        },
        warnings: [],
      };
    },
  });
}

const json = (items: object[]) => JSON.stringify({ items });
const ids = (items: { targetId: string }[]) => items.map((i) => i.targetId);

afterEach(() => setLanguageModelForTests(undefined));

describe("with a model", () => {
  it("uses the model's sentences, keeps ids and order, and asks for structured output at low temperature", async () => {
    const model = scriptedModel(
      json([
        { targetId: "s-panel", why: "Tom has scaled a crew past 50 techs." },
        { targetId: "s-pricing", why: "Maria shows how to price roofing jobs for margin." },
        { targetId: "s-seo", why: "Local search is where your next roofing leads come from." },
      ]),
    );
    const result = await writeSessionWhys(inputOf(sessionPicks), { model });

    expect(result).toEqual({
      source: "model",
      items: [
        { targetId: "s-pricing", why: "Maria shows how to price roofing jobs for margin." },
        { targetId: "s-seo", why: "Local search is where your next roofing leads come from." },
        { targetId: "s-panel", why: "Tom has scaled a crew past 50 techs." },
      ],
    });
    const [call] = model.doGenerateCalls;
    expect(call.temperature).toBe(0.2);
    expect(call.responseFormat).toMatchObject({ type: "json", name: "personalized_items" });
    const prompt = JSON.stringify(call.prompt);
    expect(prompt).toContain("s-pricing");
    expect(prompt).toContain("topic_overlap");
    expect(prompt).not.toContain("Main Ballroom"); // rooms and times are never shown to the model
    expect(prompt).not.toContain("2026-03-12T14:15");
  });

  it("ignores unknown ids and fills a missing pick from the template", async () => {
    const model = scriptedModel(
      json([
        { targetId: "sp-intruder", why: "Buy from us!", talkingPoint: "Hi" },
        { targetId: "sp-fleet", why: "Equipment financing for your next two trucks.", talkingPoint: "Ask about lease-to-own vans." },
        { targetId: "sp-talent", why: "They fill tech roles fast.", talkingPoint: "" },
      ]),
    );
    const result = await writeSponsorPitches(inputOf(sponsorPicks), { model });

    expect(result.source).toBe("model");
    expect(ids(result.items)).toEqual(["sp-fleet", "sp-locallift", "sp-talent"]);
    expect(result.items[0]).toEqual({ targetId: "sp-fleet", why: "Equipment financing for your next two trucks.", talkingPoint: "Ask about lease-to-own vans." });
    expect(result.items[1]).toEqual({ targetId: "sp-locallift", why: sponsorWhy(ctx, sponsorPicks[1]), talkingPoint: sponsorTalkingPoint(ctx, sponsorPicks[1]) });
    // An empty opener keeps the model's pitch and takes the template's opener.
    expect(result.items[2]).toEqual({ targetId: "sp-talent", why: "They fill tech roles fast.", talkingPoint: sponsorTalkingPoint(ctx, sponsorPicks[2]) });
  });

  it("replaces a sentence that invents a time, another pick's room or another booth", async () => {
    const sessions = await writeSessionWhys(inputOf(sessionPicks), {
      model: scriptedModel(
        json([
          { targetId: "s-pricing", why: "Starts at 9:15 AM: pricing that protects your margin." }, // its own time: fine
          { targetId: "s-seo", why: "Head to the Bluebonnet Room for local SEO." }, // another pick's room
          { targetId: "s-panel", why: "Catch it at 4:30 PM." }, // not its time
        ]),
      ),
    });
    expect(sessions.items.map((i) => i.why)).toEqual([
      "Starts at 9:15 AM: pricing that protects your margin.",
      sessionWhy(ctx, sessionPicks[1]),
      sessionWhy(ctx, sessionPicks[2]),
    ]);

    const sponsors = await writeSponsorPitches(inputOf(sponsorPicks.slice(0, 1)), {
      model: scriptedModel(json([{ targetId: "sp-fleet", why: "Visit booth 999 for vans.", talkingPoint: "Ask about vans." }])),
    });
    expect(sponsors).toMatchObject({ source: "template", error: "model returned no usable sentence for any pick" });
    expect(sponsors.items[0].why).toBe(sponsorWhy(ctx, sponsorPicks[0]));
  });

  it("trims long model sentences to the limits on a word boundary", async () => {
    const long = "Nina and you both chase the same storm-season roofing and solar leads across Texas ".repeat(4);
    const result = await writePeerIntros(inputOf(peerPicks.slice(0, 1)), {
      model: scriptedModel(json([{ targetId: "p-nina", why: long, commonGround: long }])),
    });
    expect(result.source).toBe("model");
    expect(result.items[0].why.length).toBeLessThanOrEqual(200);
    expect(result.items[0].commonGround!.length).toBeLessThanOrEqual(160);
    expect(result.items[0].why).toMatch(/\w…$/);

    const quoted = await writeSessionWhys(inputOf(sessionPicks.slice(0, 1)), {
      model: scriptedModel(json([{ targetId: "s-pricing", why: '"Pricing that protects your margin."' }])),
    });
    expect(quoted.items[0].why).toBe("Pricing that protects your margin.");
  });

  it("falls back to templates within the timeout when the model hangs", async () => {
    const started = Date.now();
    const result = await writePeerIntros(inputOf(peerPicks), { model: scriptedModel("hang"), timeoutMs: 200 });

    expect(Date.now() - started).toBeLessThan(1500);
    expect(result).toMatchObject({ source: "template", error: "model timed out after 200ms" });
    expect(result.items.map((i) => i.why)).toEqual(peerPicks.map((p) => peerWhy(ctx, p)));
  });

  it.each([
    ["not JSON", "Sure! Here are your sentences: ..."],
    ["the wrong shape", JSON.stringify({ sentences: ["a", "b", "c"] })],
    ["items without why", json([{ targetId: "s-pricing" }])],
  ])("falls back to templates when the output is %s", async (_name, text) => {
    const result = await writeSessionWhys(inputOf(sessionPicks), { model: scriptedModel(text) });
    expect(result.source).toBe("template");
    expect(result.error).toMatch(/AI_NoObjectGeneratedError|No object generated/);
    expect(result.items).toEqual(sessionPicks.map((p) => ({ targetId: p.targetId, why: sessionWhy(ctx, p) })));
  });

  it("falls back when the model throws", async () => {
    const model = new MockLanguageModelV4({ doGenerate: async () => Promise.reject(new Error("connection reset")) });
    const result = await writeSessionWhys(inputOf(sessionPicks), { model });
    expect(result).toMatchObject({ source: "template", error: expect.stringContaining("connection reset") });
  });
});

describe("without a model", () => {
  it("uses templates and never calls anything", async () => {
    setLanguageModelForTests(null);
    const result = await writeSponsorPitches(inputOf(sponsorPicks));
    expect(result).toEqual({
      source: "template",
      items: sponsorPicks.map((p) => ({ targetId: p.targetId, why: sponsorWhy(ctx, p), talkingPoint: sponsorTalkingPoint(ctx, p) })),
    });
    expect(result.items[0].why).toBe(
      "They work with roofing companies in the $1M–5M range; ask about their equipment financing — first month's lease payment waived at the booth.",
    );
  });

  it("takes the test override from getLanguageModel() by default", async () => {
    const model = scriptedModel(json([{ targetId: "p-nina", why: "Nina sells solar to your roofing customers.", commonGround: "Both of you hire in Texas." }]));
    setLanguageModelForTests(model);
    const result = await writePeerIntros(inputOf(peerPicks.slice(0, 1)));
    expect(result).toEqual({
      source: "model",
      items: [{ targetId: "p-nina", why: "Nina sells solar to your roofing customers.", commonGround: "Both of you hire in Texas." }],
    });
  });

  it("returns no items for no picks without calling the model", async () => {
    const model = scriptedModel("hang");
    expect(await writeSessionWhys(inputOf([]), { model })).toEqual({ items: [], source: "template" });
    expect(model.doGenerateCalls).toHaveLength(0);
  });
});
