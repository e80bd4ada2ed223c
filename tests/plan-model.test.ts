import { and, eq } from "drizzle-orm";
import { MockLanguageModelV4 } from "ai/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { eventAttendees, recommendations, users } from "@/db/schema";
import { setLanguageModelForTests } from "@/lib/ai/model";
import { checkIn } from "@/lib/checkin/check-in";
import { freeze, resetClock } from "@/lib/clock";
import { buildDemoEventInput } from "@/lib/demo/demo-event";
import { parseEventFile } from "@/lib/events/event-file";
import { importEventFile } from "@/lib/events/import";
import { buildAttendeePlan, rankPlanStep } from "@/lib/orchestration/build";
import { createTestDb } from "./db";
import { local } from "./factories";

/** With a model configured, the model writes the sentences and nothing else: the picks are the ranking's. */
const zone = "America/Chicago";
const day = "2026-12-03";
let h: DbHandle;
let attendeeIds: string[] = [];

/** Answers every call with one sentence per id it finds in the prompt, reversed, plus an id it invented. */
const writer = new MockLanguageModelV4({
  doGenerate: async (options) => {
    const prompt = JSON.stringify(options.prompt);
    const ids = [...new Set([...prompt.matchAll(/targetId\\?":\\?"([0-9a-f-]{36})/g)].map((m) => m[1]))];
    const items = [...ids.reverse(), "00000000-0000-0000-0000-000000000000"].map((targetId) => ({
      targetId, why: `Model says ${targetId.slice(0, 4)} fits you.`, talkingPoint: "Ask about their crew plans.", commonGround: "You both grow crews.",
    }));
    return {
      content: [{ type: "text", text: JSON.stringify({ items }) }],
      finishReason: { unified: "stop", raw: undefined },
      usage: { inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 1, text: 1, reasoning: undefined } },
      warnings: [],
    };
  },
});

beforeAll(async () => {
  h = await createTestDb();
  freeze(local("2026-11-26 09:00", zone));
  const parsed = parseEventFile(buildDemoEventInput(day));
  if (!parsed.ok) throw new Error("demo invalid");
  const { eventId } = await importEventFile(h.db, parsed.file, { now: local("2026-11-26 09:00", zone) });
  const [u] = await h.db.insert(users).values({ email: "sam@tpx.test", name: "Sam", role: "staff" }).returning();
  freeze(local(`${day} 08:45`, zone));
  const rows = await h.db.select().from(eventAttendees).where(eq(eventAttendees.eventId, eventId)).limit(2);
  for (const a of rows) await checkIn(h.db, { method: "qr_code", code: a.qrCodeData }, { kind: "staff", userId: u.id, name: u.name });
  attendeeIds = rows.map((r) => r.id);
});
afterAll(async () => {
  setLanguageModelForTests(undefined);
  resetClock();
  await h.close();
});

describe("plan with a model", () => {
  it("stores the model's sentences on the ranking's picks, in the ranking's order", async () => {
    const [id] = attendeeIds;
    const plan = await rankPlanStep(h.db, id, local(`${day} 08:45`, zone));
    expect(await buildAttendeePlan(h.db, id, { model: writer })).toBe("ready");
    const recs = await h.db.select().from(recommendations).where(and(eq(recommendations.attendeeId, id), eq(recommendations.kind, "speaker"))).orderBy(recommendations.rank);
    expect(recs.map((r) => r.targetId)).toEqual(plan!.sessions.map((p) => p.targetId));
    expect(recs.every((r) => r.textSource === "model" && r.whyText === `Model says ${r.targetId.slice(0, 4)} fits you.`)).toBe(true);
    expect(writer.doGenerateCalls.length).toBeGreaterThanOrEqual(2); // sessions and sponsors, one call each
  });

  it("falls back to templates when the model fails, and the plan is still built", async () => {
    const [, id] = attendeeIds;
    const broken = new MockLanguageModelV4({ doGenerate: async () => Promise.reject(new Error("503 from the model server")) });
    expect(await buildAttendeePlan(h.db, id, { model: broken })).toBe("ready");
    const recs = await h.db.select().from(recommendations).where(eq(recommendations.attendeeId, id));
    expect(recs.length).toBe(6);
    expect(recs.every((r) => r.textSource === "template" && (r.whyText ?? "").length > 20)).toBe(true);
  });
});
