import { and, desc, eq } from "drizzle-orm";
import type { LanguageModel, ModelMessage } from "ai";
import type { Db } from "@/db/client";
import { aiConversationMemory, type Attendee, type Contractor, type Event } from "@/db/schema";
import { getLanguageModel } from "@/lib/ai/model";
import { fitSegments } from "@/lib/inbound/segments";
import { answerFromTemplates, handoffReply } from "./deterministic";
import { loadConciergeFacts, type ConciergeFacts } from "./facts";
import { askModel, CONCIERGE_TIMEOUT_MS } from "./model";
import { validateAnswer } from "./validate";

/**
 * The concierge (SPEC §6): "anything else" an attendee texts. With a model: tools over
 * this attendee's data, an answer checked against the facts, a template when the model
 * is late, fails or invents; without one: templates for the common questions. What
 * neither can answer is handed to staff (the console's inbox).
 */
export type ConciergeAnswer = {
  answer: string;
  source: "model" | "template" | "handoff";
  handoff: boolean;
  topic?: string;
  /** Why a model answer was not used. */
  rejected?: string[];
  toolCalls?: string[];
  ms: number;
};

export type ConciergeDeps = { model?: LanguageModel | null; timeoutMs?: number; facts?: ConciergeFacts };

const MEMORY_TURNS = 8;

export async function answerQuestion(
  db: Db,
  who: { event: Event; attendee: Attendee; contractor: Contractor },
  question: string,
  at: Date,
  deps: ConciergeDeps = {},
): Promise<ConciergeAnswer> {
  const started = performance.now();
  const facts = deps.facts ?? (await loadConciergeFacts(db, who, at));
  const model = deps.model === undefined ? getLanguageModel() : deps.model;
  const template = answerFromTemplates(question, facts);
  const done = (a: Omit<ConciergeAnswer, "ms">): ConciergeAnswer => ({ ...a, answer: fitSegments(a.answer), ms: Math.round(performance.now() - started) });
  const fallback = (rejected?: string[], toolCalls?: string[]) =>
    template
      ? done({ answer: template.answer, source: "template", handoff: false, topic: template.topic, rejected, toolCalls })
      : done({ answer: handoffReply(facts), source: "handoff", handoff: true, rejected, toolCalls });

  if (!model) return fallback();
  try {
    const memory = await loadMemory(db, who.contractor.id, who.event.id);
    const reply = await askModel(model, facts, question, memory, deps.timeoutMs ?? CONCIERGE_TIMEOUT_MS);
    if (!reply.text) return fallback(["empty answer"], reply.toolCalls);
    const check = validateAnswer(reply.text, facts, reply.toolResults.map((r) => JSON.stringify(r ?? "")));
    if (!check.ok) return fallback(check.problems, reply.toolCalls);
    return done({ answer: reply.text, source: "model", handoff: false, toolCalls: reply.toolCalls });
  } catch (err) {
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return fallback([reason.slice(0, 200)]);
  }
}

/** The recent turns with this person, oldest first, as chat messages (the new text is added by the caller). */
export async function loadMemory(db: Db, contractorId: string, eventId: string): Promise<ModelMessage[]> {
  const rows = await db
    .select({ role: aiConversationMemory.role, content: aiConversationMemory.content })
    .from(aiConversationMemory)
    .where(and(eq(aiConversationMemory.contractorId, contractorId), eq(aiConversationMemory.eventId, eventId)))
    .orderBy(desc(aiConversationMemory.createdAt))
    .limit(MEMORY_TURNS + 1);
  // The newest row is the text being answered (stored before the concierge runs).
  return rows
    .slice(1)
    .reverse()
    .map((r) => (r.role === "user" ? { role: "user" as const, content: r.content } : { role: "assistant" as const, content: r.content }));
}
