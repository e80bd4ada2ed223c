import { createOpenAI } from "@ai-sdk/openai";
import { MockLanguageModelV4 } from "ai/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventAgendaItems, events } from "@/db/schema";
import { answerQuestion } from "@/lib/concierge";
import { loadConciergeFacts } from "@/lib/concierge/facts";
import { validateAnswer } from "@/lib/concierge/validate";
import { segmentCount } from "@/lib/inbound/segments";
import { createTestDb } from "./db";
import { local, makeEvent } from "./factories";
import { startOpenAIFake, type OpenAIFake } from "./fakes/openai-fake";
import { makeSponsor, makeTexter } from "./inbound-support";

/** The concierge with a model: tools over this attendee's data, a validator, a template when late. */
const zone = "America/Chicago";
const AT = local("2026-12-10 11:50", zone);
let h: DbHandle;
let fake: OpenAIFake;

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 20, text: 20, reasoning: undefined },
};

async function setup() {
  const e = await makeEvent(h.db, {
    agenda: [
      { type: "session", title: "Pricing for Profit", start: "2026-12-10 11:00", end: "2026-12-10 12:00" },
      { type: "lunch", title: "Lunch", start: "2026-12-10 12:00", end: "2026-12-10 13:00" },
    ],
  });
  await h.db.update(eventAgendaItems).set({ room: "Salon B" }).where(eq(eventAgendaItems.eventId, e.id));
  await h.db.update(events).set({ wifiInfo: "TPX-Guest / summit2026" }).where(eq(events.id, e.id));
  await makeSponsor(h.db, e, "Acme Supply", "105");
  const t = await makeTexter(h.db, e);
  const [event] = await h.db.select().from(events).where(eq(events.id, e.id));
  return { who: { event, attendee: t.attendee, contractor: t.contractor }, t };
}

beforeAll(async () => {
  h = await createTestDb();
  fake = await startOpenAIFake();
});
afterAll(async () => {
  await fake.close();
  await h.close();
});

describe("with MockLanguageModelV4", () => {
  it("calls a tool, then answers with what the tool returned", async () => {
    const { who } = await setup();
    const calls: unknown[] = [];
    const model = new MockLanguageModelV4({
      doGenerate: async (options) => {
        calls.push(options.prompt);
        if (calls.length === 1) {
          return {
            content: [{ type: "tool-call", toolCallId: "c1", toolName: "agendaNowAndNext", input: "{}" }],
            finishReason: { unified: "tool-calls", raw: undefined }, usage, warnings: [],
          };
        }
        return { content: [{ type: "text", text: "Lunch is next, at 12:00 PM CST in Salon B." }], finishReason: { unified: "stop", raw: undefined }, usage, warnings: [] };
      },
    });
    const a = await answerQuestion(h.db, who, "what's next?", AT, { model });
    expect(a).toMatchObject({ source: "model", answer: "Lunch is next, at 12:00 PM CST in Salon B.", toolCalls: ["agendaNowAndNext"] });
    // The second call carried the tool's result: the agenda from the database.
    expect(JSON.stringify(calls[1])).toContain("Salon B");
  });

  it("rejects an answer with an invented room and answers from the template", async () => {
    const { who } = await setup();
    const model = new MockLanguageModelV4({
      doGenerate: async () => ({ content: [{ type: "text", text: "Lunch is at 12:00 PM CST in the Grand Ballroom." }], finishReason: { unified: "stop", raw: undefined }, usage, warnings: [] }),
    });
    const a = await answerQuestion(h.db, who, "when is lunch?", AT, { model });
    expect(a.source).toBe("template");
    expect(a.answer).toBe("Lunch is 12:00 PM CST to 1:00 PM CST in Salon B.");
    expect(a.rejected?.join()).toMatch(/Grand Ballroom/);
  });
});

describe("with the fake OpenAI-compatible server", () => {
  const model = () => createOpenAI({ apiKey: "sk-test", baseURL: `${fake.url}/v1` }).chat("gpt-test");

  it("uses the tool results: the booth comes from the sponsors tool", async () => {
    const { who } = await setup();
    fake.setMode([{ toolCalls: [{ name: "sponsors", arguments: { query: "105" } }] }, { content: "Booth 105 is Acme Supply. Ask about their free estimate." }]);
    const a = await answerQuestion(h.db, who, "who is at booth 105?", AT, { model: model() });
    expect(a).toMatchObject({ source: "model", answer: "Booth 105 is Acme Supply. Ask about their free estimate." });
    const second = fake.chatRequests().at(-1)!;
    expect(JSON.stringify(second.messages)).toContain("Acme Supply");
    expect(second.tools?.length).toBe(5);
  });

  it("rejects an invented time and room", async () => {
    const { who } = await setup();
    fake.setMode({ content: "The keynote starts at 3:15 PM in Room 404." });
    const a = await answerQuestion(h.db, who, "when is the keynote?", AT, { model: model() });
    expect(a.source).toBe("handoff");
    expect(a.handoff).toBe(true);
    expect(a.rejected).toEqual(expect.arrayContaining([expect.stringMatching(/3:15/), expect.stringMatching(/404/)]));
  });

  it("a timeout is answered by the template", async () => {
    const { who } = await setup();
    fake.setMode("hang");
    const started = performance.now();
    const a = await answerQuestion(h.db, who, "what's the wifi?", AT, { model: model(), timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(a).toMatchObject({ source: "template", answer: "Wi-Fi: TPX-Guest / summit2026" });
  });

  it("keeps a long answer within 2 segments, cut at a word", async () => {
    const { who } = await setup();
    fake.setMode({ content: "Acme Supply is a great sponsor to visit. ".repeat(20) });
    const a = await answerQuestion(h.db, who, "tell me about sponsors", AT, { model: model() });
    expect(segmentCount(a.answer)).toBeLessThanOrEqual(2);
    expect(a.answer).toMatch(/\w\.\.\.$/);
  });
});

describe("validateAnswer", () => {
  it("accepts facts from the data and rejects anything else", async () => {
    const { who } = await setup();
    const facts = await loadConciergeFacts(h.db, who, AT);
    expect(validateAnswer("Lunch is at 12:00 PM CST in Salon B.", facts)).toEqual({ ok: true });
    expect(validateAnswer("Visit Acme Supply at booth 105.", facts)).toEqual({ ok: true });
    expect(validateAnswer("Visit booth 999.", facts)).toMatchObject({ ok: false });
    expect(validateAnswer("Ask for Jordan Blake at the desk.", facts)).toMatchObject({ ok: false });
    expect(validateAnswer("It starts at 9am.", facts)).toMatchObject({ ok: true }); // the event's own start
    expect(validateAnswer("It starts at 10am.", facts)).toMatchObject({ ok: false });
  });
});
