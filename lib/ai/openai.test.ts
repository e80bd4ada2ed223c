import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { startOpenAIFake, type OpenAIFake } from "@/tests/fakes/openai-fake";
import { inputOf, sessionPicks, sponsorPicks } from "./fixtures";
import { getLanguageModel, setLanguageModelForTests } from "./model";
import { writeSessionWhys, writeSponsorPitches } from "./personalize";
import { sessionWhy } from "./templates";

const ctx = { attendee: inputOf([]).attendee, eventName: inputOf([]).eventName };
const ENV_KEYS = ["OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL"] as const;

describe("the real @ai-sdk/openai chat model against a fake OpenAI-compatible server", () => {
  let fake: OpenAIFake;
  const saved: Partial<Record<(typeof ENV_KEYS)[number], string>> = {};

  beforeAll(async () => {
    fake = await startOpenAIFake();
    for (const k of ENV_KEYS) saved[k] = process.env[k];
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    process.env.OPENAI_API_KEY = "sk-test-key";
    process.env.OPENAI_BASE_URL = `${fake.url}/v1`;
    process.env.OPENAI_MODEL = "tpx-test-model";
    resetEnvForTests();
    setLanguageModelForTests(undefined);
  });
  afterEach(() => {
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    resetEnvForTests();
  });

  it("sends a Chat Completions request with the model name and a json_schema, and uses the answer", async () => {
    fake.setMode((request) => {
      // Echo back the ids the prompt asked about, as a real model would.
      const prompt = String(request.messages.at(-1)?.content);
      const ids = sessionPicks.map((p) => p.targetId).filter((id) => prompt.includes(id));
      return { items: ids.map((targetId) => ({ targetId, why: `From the model for ${targetId}.` })) };
    });

    const result = await writeSessionWhys(inputOf(sessionPicks));

    expect(result).toEqual({ source: "model", items: sessionPicks.map((p) => ({ targetId: p.targetId, why: `From the model for ${p.targetId}.` })) });
    const [request] = fake.chatRequests();
    expect(fake.requests[0].path).toBe("/v1/chat/completions");
    expect(fake.requests[0].headers.authorization).toBe("Bearer sk-test-key");
    expect(request.model).toBe("tpx-test-model");
    expect(request.temperature).toBe(0.2);
    expect(request.tools).toBeUndefined();
    expect(request.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "personalized_items", strict: true } });
    expect(request.messages[0]).toMatchObject({ role: "system", content: expect.stringContaining("Never add, drop, merge or reorder picks") });
  });

  it("falls back to templates when the server hangs past the timeout", async () => {
    fake.setMode("hang");
    const started = Date.now();
    const result = await writeSessionWhys(inputOf(sessionPicks), { timeoutMs: 200 });

    expect(Date.now() - started).toBeLessThan(1500);
    expect(result).toMatchObject({ source: "template", error: "model timed out after 200ms" });
    expect(result.items.map((i) => i.why)).toEqual(sessionPicks.map((p) => sessionWhy(ctx, p)));
  });

  it("falls back on an HTTP error without retrying", async () => {
    fake.setMode({ status: 500, message: "The server had an error" });
    const result = await writeSponsorPitches(inputOf(sponsorPicks));

    expect(result).toMatchObject({ source: "template", error: expect.stringContaining("The server had an error") });
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it("is null without a key, so templates are used", async () => {
    delete process.env.OPENAI_API_KEY;
    resetEnvForTests();
    expect(getLanguageModel()).toBeNull();
    expect((await writeSessionWhys(inputOf(sessionPicks))).source).toBe("template");
    expect(fake.requests).toHaveLength(0);
  });
});
