import { generateText, Output, type LanguageModel } from "ai";
import type { z } from "zod";
import { getLanguageModel } from "./model";
import * as prompts from "./prompts";
import { templatePeerItem, templateSessionItem, templateSponsorItem, type TemplateContext } from "./templates";
import { mentionsForeignTime, truncateOnWord } from "./text";
import type { PeerPick, PersonalizedItem, PersonalizeDeps, PersonalizeInput, PersonalizeResult, SessionPick, SponsorPick } from "./types";
import { LIMITS } from "./types";

/**
 * The model writes sentences for picks the ranking already chose (SPEC §5.2). Whatever it
 * answers, the result has one item per pick, in order, with the same ids; anything late,
 * malformed or suspicious is replaced by the template sentence. Three entry points because
 * each runs in its own Inngest step.
 */
export const DEFAULT_TIMEOUT_MS = 8000;

export function writeSessionWhys(input: PersonalizeInput<SessionPick>, deps: PersonalizeDeps = {}) {
  return personalize(input, deps, {
    instructions: prompts.SESSION_INSTRUCTIONS,
    schema: prompts.sessionOutputSchema,
    facts: prompts.sessionFacts,
    template: templateSessionItem,
    accept(m, pick) {
      const rooms = otherValues(input.picks.map((p) => p.room), pick.room);
      const why = usable(m.why, LIMITS.why, { startsAt: pick.startsAt, timeZone: input.timeZone, forbidden: rooms });
      return why ? { targetId: pick.targetId, why } : null;
    },
  });
}

export function writeSponsorPitches(input: PersonalizeInput<SponsorPick>, deps: PersonalizeDeps = {}) {
  return personalize(input, deps, {
    instructions: prompts.SPONSOR_INSTRUCTIONS,
    schema: prompts.sponsorOutputSchema,
    facts: prompts.sponsorFacts,
    template: templateSponsorItem,
    accept(m, pick, template) {
      const check = { forbidden: [], booth: pick.boothNumber };
      const why = usable(m.why, LIMITS.why, check);
      if (!why) return null;
      // A usable pitch with an unusable opener keeps the pitch and takes the template's opener.
      const talkingPoint = usable(m.talkingPoint, LIMITS.talkingPoint, check) ?? template.talkingPoint;
      return { targetId: pick.targetId, why, talkingPoint };
    },
  });
}

export function writePeerIntros(input: PersonalizeInput<PeerPick>, deps: PersonalizeDeps = {}) {
  return personalize(input, deps, {
    instructions: prompts.PEER_INSTRUCTIONS,
    schema: prompts.peerOutputSchema,
    facts: prompts.peerFacts,
    template: templatePeerItem,
    accept(m, pick, template) {
      const why = usable(m.why, LIMITS.why, { forbidden: [] });
      if (!why) return null;
      const commonGround = usable(m.commonGround, LIMITS.commonGround, { forbidden: [] }) ?? template.commonGround;
      return { targetId: pick.targetId, why, commonGround };
    },
  });
}

type Kind<P, M extends { targetId: string }> = {
  instructions: string;
  schema: z.ZodType<{ items: M[] }>;
  facts: (pick: P) => object;
  template: (ctx: TemplateContext, pick: P) => PersonalizedItem;
  /** The item built from the model's answer for this pick, or null to use the template. */
  accept: (modelItem: M, pick: P, template: PersonalizedItem) => PersonalizedItem | null;
};

async function personalize<P extends { targetId: string }, M extends { targetId: string }>(
  input: PersonalizeInput<P>,
  deps: PersonalizeDeps,
  kind: Kind<P, M>,
): Promise<PersonalizeResult> {
  const ctx: TemplateContext = { attendee: input.attendee, eventName: input.eventName };
  const templates = input.picks.map((pick) => kind.template(ctx, pick));
  const model = deps.model === undefined ? getLanguageModel() : deps.model;
  if (!model || input.picks.length === 0) return { items: templates, source: "template" };

  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let answer: { items: M[] };
  try {
    answer = await callModel(model, kind, input, timeoutMs);
  } catch (err) {
    return { items: templates, source: "template", error: describeError(err) };
  }

  // Keyed by id, first answer wins: the model's order, extra ids and repeats change nothing.
  const byId = new Map<string, M>();
  for (const item of answer.items) if (!byId.has(item.targetId)) byId.set(item.targetId, item);
  let fromModel = 0;
  const items = input.picks.map((pick, i) => {
    const m = byId.get(pick.targetId);
    const accepted = m ? kind.accept(m, pick, templates[i]) : null;
    if (accepted) fromModel++;
    return accepted ?? templates[i];
  });
  if (fromModel === 0) return { items: templates, source: "template", error: "model returned no usable sentence for any pick" };
  return { items, source: "model" };
}

async function callModel<P, M extends { targetId: string }>(
  model: LanguageModel,
  kind: Kind<P, M>,
  input: PersonalizeInput<P>,
  timeoutMs: number,
): Promise<{ items: M[] }> {
  const signal = AbortSignal.timeout(timeoutMs);
  // A model that ignores the signal still can't hold the step past the deadline.
  const deadline = new Promise<never>((_, reject) =>
    signal.addEventListener("abort", () => reject(new Error(`model timed out after ${timeoutMs}ms`)), { once: true }),
  );
  const call = generateText({
    model,
    instructions: kind.instructions,
    prompt: prompts.buildPrompt(input, kind.facts),
    output: Output.object({ schema: kind.schema, name: "personalized_items" }),
    temperature: 0.2,
    // The budget is one short deadline and the template is a fine answer: backoff would only eat it.
    maxRetries: 0,
    abortSignal: signal,
  });
  const result = await Promise.race([call, deadline]);
  return result.output;
}

function describeError(err: unknown): string {
  const text = err instanceof Error ? `${err.name === "Error" ? "" : `${err.name}: `}${err.message}` : String(err);
  return truncateOnWord(text, 300);
}

const otherValues = (all: (string | null)[], own: string | null) =>
  all.filter((v): v is string => !!v && v.trim().toLowerCase() !== own?.trim().toLowerCase());

type Check = { startsAt?: string; timeZone?: string; forbidden: string[]; booth?: string | null };

/** The model's sentence, trimmed to the limit, or null when it is empty or names a time, room or booth it shouldn't. */
function usable(text: string | undefined, max: number, check: Check): string | null {
  // Models sometimes wrap a sentence in quotes; the quotes would count against the limit and read oddly.
  const t = truncateOnWord((text ?? "").trim().replace(/^["“](.*)["”]$/s, "$1"), max);
  if (!t) return null;
  if (mentionsForeignTime(t, check.startsAt, check.timeZone)) return null;
  const lower = t.toLowerCase();
  if (check.forbidden.some((v) => lower.includes(v.trim().toLowerCase()))) return null;
  for (const m of t.matchAll(/\bbooth\s*(?:#|no\.?|number)?\s*([a-z]?\d+[a-z]?)\b/gi)) {
    if (m[1].toLowerCase() !== check.booth?.trim().toLowerCase()) return null;
  }
  return t;
}
