import { generateText, isStepCount, tool, type LanguageModel, type ModelMessage } from "ai";
import { z } from "zod";
import { nowAndNext, type ConciergeFacts } from "./facts";

/**
 * The concierge with a model (SPEC §6): the `ai` SDK with tools that read this attendee's
 * plan, the agenda now and next, the sponsors and the event's facts. The tools are closures
 * over facts the server loaded for the attendee who texted: no tool takes an attendee id,
 * so the model cannot ask about anyone else.
 */
export const CONCIERGE_TIMEOUT_MS = 6000;

const INSTRUCTIONS = `You are the SMS concierge of a business conference. Answer the attendee's text in at most 2 short sentences (under 280 characters), plain text, no emoji, no markdown.
Use the tools for every fact. Only state times, rooms, booth numbers and names exactly as a tool returned them. If the tools do not have the answer, say you will pass the question to the event team.`;

const pickAgenda = (a: ConciergeFacts["agenda"][number]) => ({ title: a.title, type: a.type, room: a.room, start: a.start, end: a.end, speaker: a.speaker });

export function conciergeTools(facts: ConciergeFacts) {
  return {
    myPlan: tool({
      description: "The attendee's personal plan: recommended sessions, sponsors to visit and peers to meet, and their agenda link.",
      inputSchema: z.object({}),
      execute: async () => ({
        sessions: facts.plan.sessions.map(pickAgenda),
        sponsors: facts.plan.sponsors.map((s) => ({ name: s.name, booth: s.booth })),
        peers: facts.plan.peers,
        agendaLink: facts.agendaLink,
      }),
    }),
    agendaNowAndNext: tool({
      description: "What is on right now and what starts next at the event, with rooms and times.",
      inputSchema: z.object({}),
      execute: async () => {
        const { now, next } = nowAndNext(facts);
        return { now: now.map(pickAgenda), next: next ? pickAgenda(next) : null };
      },
    }),
    fullAgenda: tool({
      description: "The whole day's agenda (sessions, breaks, lunch) with rooms and times.",
      inputSchema: z.object({}),
      execute: async () => ({ items: facts.agenda.map(pickAgenda) }),
    }),
    sponsors: tool({
      description: "Sponsors and their booth numbers; optionally filtered by a name or booth number.",
      inputSchema: z.object({ query: z.string().max(80).optional() }),
      execute: async ({ query }) => {
        const q = query?.trim().toLowerCase();
        const list = facts.sponsors.filter((s) => !q || s.name.toLowerCase().includes(q) || s.booth?.toLowerCase() === q.replace(/^booth\s*/, ""));
        return { sponsors: list.map((s) => ({ name: s.name, booth: s.booth, offer: s.offer, offerings: s.offerings })) };
      },
    }),
    eventFacts: tool({
      description: "The event's name, venue, address, Wi-Fi, start and end time, and the organizer's contact.",
      inputSchema: z.object({}),
      execute: async () => ({ ...facts.event }),
    }),
  };
}

export type ModelAnswer = { text: string; toolResults: unknown[]; toolCalls: string[] };

export async function askModel(
  model: LanguageModel,
  facts: ConciergeFacts,
  question: string,
  memory: ModelMessage[],
  timeoutMs: number = CONCIERGE_TIMEOUT_MS,
): Promise<ModelAnswer> {
  const result = await generateText({
    model,
    instructions: INSTRUCTIONS,
    messages: [...memory, { role: "user", content: question }],
    tools: conciergeTools(facts),
    stopWhen: isStepCount(4),
    maxRetries: 0,
    temperature: 0.2,
    timeout: timeoutMs,
  });
  const steps = result.steps ?? [];
  return {
    text: result.text.trim(),
    toolResults: steps.flatMap((s) => s.toolResults.map((r) => ("output" in r ? r.output : undefined))),
    toolCalls: steps.flatMap((s) => s.toolCalls.map((c) => c.toolName)),
  };
}
