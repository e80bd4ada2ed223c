import type { Db } from "@/db/client";
import { aiLearningEvents, type RecommendationKind } from "@/db/schema";
import { recordSignal } from "@/lib/learning/signals";

/**
 * SPEC §9: every recommendation records what became of it. An outcome is merged into
 * the recommendation's `engagement` and logged to ai_learning_events with a success
 * score, which the weight re-estimation reads.
 */
export async function recordOutcome(
  db: Db,
  input: {
    eventId: string;
    contractorId: string;
    attendeeId: string;
    kind: RecommendationKind;
    targetId: string;
    outcome: "accepted" | "declined" | "met" | "not_met" | "attended" | "visited" | "rated";
    successScore: number;
    at: Date;
    context?: Record<string, unknown>;
  },
): Promise<void> {
  const score = input.context?.score;
  await recordSignal(db, {
    attendeeId: input.attendeeId, kind: input.kind, targetId: input.targetId, signal: input.outcome, at: input.at,
    rating: input.outcome === "rated" && typeof score === "number" ? score : undefined,
  });
  await db.insert(aiLearningEvents).values({
    eventType: "recommendation_outcome",
    contractorId: input.contractorId,
    eventId: input.eventId,
    action: `${input.kind}_${input.outcome}`,
    outcome: input.outcome,
    successScore: input.successScore,
    context: { attendeeId: input.attendeeId, kind: input.kind, targetId: input.targetId, source: "sms", ...input.context },
  });
}
