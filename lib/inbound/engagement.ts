import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { aiLearningEvents, recommendations, type RecommendationKind } from "@/db/schema";

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
  await db
    .update(recommendations)
    .set({ engagement: sql`${recommendations.engagement} || ${JSON.stringify({ [input.outcome]: input.at.toISOString() })}::jsonb` })
    .where(
      and(eq(recommendations.attendeeId, input.attendeeId), eq(recommendations.kind, input.kind), eq(recommendations.targetId, input.targetId)),
    );
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
