import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";
import { env } from "@/lib/env";

/**
 * The one language model the app uses, or null when OPENAI_API_KEY is unset (templates then
 * write every sentence). OPENAI_BASE_URL points it at any OpenAI-compatible server.
 */

// undefined = no override; null = "no model" forced by a test.
let override: LanguageModel | null | undefined;
let built: { apiKey: string; baseURL: string | undefined; modelId: string; model: LanguageModel } | undefined;

export function getLanguageModel(): LanguageModel | null {
  if (override !== undefined) return override;
  const { OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: baseURL, OPENAI_MODEL: modelId } = env();
  if (!apiKey) return null;
  // Built on first use, never at import: importing must not need config. Rebuilt if tests change env.
  if (!built || built.apiKey !== apiKey || built.baseURL !== baseURL || built.modelId !== modelId) {
    const provider = createOpenAI({ apiKey, baseURL });
    // .chat() = Chat Completions, which every OpenAI-compatible server (vLLM, Ollama, LiteLLM…)
    // implements; the provider's default is the Responses API, which most of them don't.
    built = { apiKey, baseURL, modelId, model: provider.chat(modelId) };
  }
  return built.model;
}

/** A model (e.g. MockLanguageModelV4), null for "no model", or undefined to go back to env(). */
export function setLanguageModelForTests(model: LanguageModel | null | undefined): void {
  override = model;
}
