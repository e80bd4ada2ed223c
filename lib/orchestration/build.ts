import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventAttendees } from "@/db/schema";
import { writePeerIntros, writeSessionWhys, writeSponsorPitches } from "@/lib/ai/personalize";
import type { PersonalizeDeps, PersonalizeResult } from "@/lib/ai/types";
import { now as clockNow } from "@/lib/clock";
import { dispatchScheduledMessages } from "@/lib/jobs/dispatch";
import { loadPlanContext } from "./context";
import { rankPlan, type DeterministicPlan } from "./rank";
import { storePlan } from "./store";

/**
 * SPEC §5: the plan built at check-in, as named steps. Inngest runs each in its own
 * step (one model call per step); the local driver runs them in a row. Both call these.
 */
export async function rankPlanStep(db: Db, attendeeId: string, now: Date): Promise<DeterministicPlan | null> {
  const ctx = await loadPlanContext(db, attendeeId);
  if (!ctx || ctx.attendee.cancelledAt || !ctx.attendee.checkInTime) return null;
  return rankPlan(ctx, now);
}

export const writeSessionsStep = (plan: DeterministicPlan, deps?: PersonalizeDeps) => writeSessionWhys(plan.writer.sessions, deps);
export const writeSponsorsStep = (plan: DeterministicPlan, deps?: PersonalizeDeps) => writeSponsorPitches(plan.writer.sponsors, deps);
export const writePeersStep = (plan: DeterministicPlan, deps?: PersonalizeDeps) => writePeerIntros(plan.writer.peers, deps);

/** What each new peer is told about this attendee (templates: it is their introduction, not this plan's). */
export function writeCounterpartsStep(plan: DeterministicPlan): Promise<PersonalizeResult[]> {
  return Promise.all(plan.writer.counterparts.map((input) => writePeerIntros(input, { model: null })));
}

export async function storePlanStep(
  db: Db,
  plan: DeterministicPlan,
  texts: { sessions: PersonalizeResult; sponsors: PersonalizeResult; peers: PersonalizeResult; counterpartPeers: PersonalizeResult[] },
  now: Date,
  opts: { yieldTo?: () => Promise<void> } = {},
): Promise<{ messages: number }> {
  const ctx = await loadPlanContext(db, plan.attendeeId);
  if (!ctx) return { messages: 0 };
  await opts.yieldTo?.();
  const saved = await storePlan(db, ctx, plan, texts, now);
  await dispatchScheduledMessages(saved);
  return { messages: saved.length };
}

export async function markPlanFailed(db: Db, attendeeId: string, error: string): Promise<void> {
  await db
    .update(eventAttendees)
    .set({ planStatus: "failed", planError: error.slice(0, 500), updatedAt: sql`now()` })
    .where(and(eq(eventAttendees.id, attendeeId), inArray(eventAttendees.planStatus, ["pending", "failed"])));
}

/**
 * The whole plan in one go (local driver, tests). A failure never undoes the check-in: it
 * is recorded and retried. `yieldTo` runs before each database phase (the local driver
 * waits there for the door to be quiet: lib/jobs/foreground.ts).
 */
export async function buildAttendeePlan(
  db: Db,
  attendeeId: string,
  deps: PersonalizeDeps = {},
  opts: { yieldTo?: () => Promise<void> } = {},
): Promise<"ready" | "skipped" | "failed"> {
  await opts.yieldTo?.();
  await db
    .update(eventAttendees)
    .set({ planAttempts: sql`${eventAttendees.planAttempts} + 1` })
    .where(eq(eventAttendees.id, attendeeId));
  try {
    const now = clockNow();
    const plan = await rankPlanStep(db, attendeeId, now);
    if (!plan) return "skipped";
    const [sessions, sponsors, peers, counterpartPeers] = await Promise.all([
      writeSessionsStep(plan, deps),
      writeSponsorsStep(plan, deps),
      writePeersStep(plan, deps),
      writeCounterpartsStep(plan),
    ]);
    await opts.yieldTo?.();
    await storePlanStep(db, plan, { sessions, sponsors, peers, counterpartPeers }, now, opts);
    return "ready";
  } catch (err) {
    await markPlanFailed(db, attendeeId, err instanceof Error ? err.message : String(err));
    return "failed";
  }
}
