import { and, eq, inArray, like, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages, events, type MessageType } from "@/db/schema";
import { loadSessions } from "./context";
import { savePlannedMessages, type SavedMessage } from "@/lib/messaging/store";
import { formatTime } from "@/lib/messaging/templates/format";
import { isStale, type UsefulnessContext } from "@/lib/messaging/useful-until";
import { peerIntroductionTime } from "@/lib/matching";
import { applySmsBudget, BUNDLED_PREFIX, OVER_BUDGET_REASON, type BudgetMessage } from "@/lib/scheduling/budget";

/**
 * The SMS the plan creates on the day. Every text already sent that day counts too, the
 * morning's check-in reminders included (a late arrival's budget is what is left of the
 * day's 8); reminders still scheduled skip once checked in, so they do not (decision 0151).
 */
const PLAN_TYPES: MessageType[] = [
  "check_in_confirmation", "agenda_ready", "speaker_alert", "peer_introduction", "peer_match_attendance", "sponsor_recommendation", "speaker_pcr_request",
  // Planned at completion (lib/followup/complete.ts), the same evening.
  "sponsor_batch_check", "event_pcr_request", "post_event_thank_you",
];
const SPENT = ["sent", "sending"] as const;
export const BUNDLE_KEY_PREFIX = "bundle:";
/** SPEC §5.2: nobody gets more than 3 peers (lib/orchestration/rank.ts MAX_PEERS; not imported: rank imports the store). */
const MAX_PEERS = 3;

type Row = typeof eventMessages.$inferSelect;
type Owner = { eventId: string; attendeeId: string; contractorId: string };

/**
 * Applies the event's SMS budget (lib/scheduling/budget.ts) to one attendee's outbox,
 * inside the transaction that just wrote their plan rows: re-decides every text not
 * yet sent (a later, more important one — peer introductions at lunch — may take the
 * place of a rating request planned at check-in), writes the bundles as their own
 * rows and marks each removed text with where it went. Returns rows to dispatch.
 */
export async function rebalanceSmsBudget(
  db: Db,
  owner: Owner,
  now: Date,
  /**
   * With the event's times: rows already due but not sent that will be skipped as stale when
   * the driver reaches them at `staleAt` (after downtime, or a dev-clock jump) do not count.
   */
  opts: { usefulness?: UsefulnessContext; staleAt?: Date } = {},
): Promise<SavedMessage[]> {
  const [event] = await db
    .select({ budget: events.smsDailyBudget, zone: events.timezone, batchRanAt: events.peerBatchRanAt })
    .from(events)
    .where(eq(events.id, owner.eventId));
  if (!event) return [];
  let rows = await db
    .select()
    .from(eventMessages)
    .where(
      and(
        eq(eventMessages.attendeeId, owner.attendeeId),
        eq(eventMessages.channel, "sms"),
        or(
          inArray(eventMessages.status, [...SPENT]),
          and(eq(eventMessages.status, "scheduled"), inArray(eventMessages.type, PLAN_TYPES)),
          and(eq(eventMessages.status, "skipped"), or(like(eventMessages.statusReason, `${BUNDLED_PREFIX}%`), eq(eventMessages.statusReason, OVER_BUDGET_REASON))),
        ),
      ),
    );
  const usefulness = opts.usefulness;
  const goingStale = (r: Row) => Boolean(usefulness) && r.status === "scheduled" && r.scheduledFor <= now && isStale(r, usefulness!, opts.staleAt ?? now);
  rows = rows.filter((r) => !goingStale(r));
  const isBundle = (r: Row) => r.dedupeKey.startsWith(BUNDLE_KEY_PREFIX);
  const spent = (r: Row) => (SPENT as readonly string[]).includes(r.status) || (r.status === "scheduled" && r.scheduledFor <= now);
  // Members of a bundle already sent went out with it.
  const gone = new Set(rows.filter((r) => isBundle(r) && spent(r)).flatMap((r) => (r.personalization.members as string[] | undefined) ?? []));
  const candidates = rows.filter((r) => !gone.has(r.id) && (spent(r) || !isBundle(r)) && !(r.status === "skipped" && r.scheduledFor <= now));
  const byId = new Map(candidates.map((r) => [r.id, r]));
  const input: BudgetMessage[] = candidates.map((r) => ({
    key: r.id, type: r.type, scheduledFor: r.scheduledFor, fixed: spent(r), slotId: (r.personalization.slotId as string | undefined) ?? null,
  }));
  // Before the lunch batch its introductions are sure to come: they hold their room.
  const introAt = event.batchRanAt ? null : peerIntroductionTime(await loadSessions(db, owner.eventId));
  const intros = candidates.filter((r) => r.type === "peer_introduction").length;
  if (introAt && introAt > now) {
    for (let i = intros; i < MAX_PEERS; i++) input.push({ key: `expected:${i}`, type: "peer_introduction", scheduledFor: introAt, fixed: false, expected: true });
  }
  const decision = applySmsBudget(input, event.budget, event.zone);
  const out: SavedMessage[] = [];

  const labels = new Map<string, string>();
  const keepBundles = new Set<string>();
  for (const b of decision.bundles) {
    const members = b.members.map((id) => byId.get(id)!).filter(Boolean);
    const first = members[0];
    const dedupeKey = `${BUNDLE_KEY_PREFIX}${b.members.join("+")}`;
    keepBundles.add(dedupeKey);
    // The first member's facts stay on top (skip rules read sponsorId / agendaItemId); the rest travel in `bundle`.
    const personalization = { ...first.personalization, members: b.members, bundle: members.map((m) => m.personalization) };
    out.push(...(await savePlannedMessages(db, owner, [{ type: b.type, channel: "sms", dedupeKey, scheduledFor: b.scheduledFor, personalization }])));
    const what = b.type === "sponsor_recommendation" ? `${members.length} sponsor tips` : `${members.length} rating requests`;
    labels.set(b.key, `${BUNDLED_PREFIX}one text at ${formatTime(b.scheduledFor, event.zone)} (${what})`);
  }
  // Bundles from an earlier decision that no longer stand.
  const stale = rows.filter((r) => isBundle(r) && r.status === "scheduled" && r.scheduledFor > now && !keepBundles.has(r.dedupeKey)).map((r) => r.id);
  if (stale.length) await db.update(eventMessages).set({ status: "cancelled", statusReason: "replaced by a new bundle", updatedAt: sql`now()` }).where(inArray(eventMessages.id, stale));

  const skip = async (ids: string[], reason: (id: string) => string) => {
    for (const id of ids) {
      const r = byId.get(id);
      if (!r || r.statusReason === reason(id)) continue;
      await db.update(eventMessages).set({ status: "skipped", statusReason: reason(id), updatedAt: sql`now()` }).where(and(eq(eventMessages.id, id), inArray(eventMessages.status, ["scheduled", "skipped"])));
    }
  };
  await skip([...decision.bundled.keys()], (id) => labels.get(decision.bundled.get(id)!)!);
  await skip(decision.overBudget, () => OVER_BUDGET_REASON);
  // Back in the budget (a bundle undone, a higher-priority text cancelled): scheduled again.
  const restore = decision.keep.filter((id) => byId.get(id)?.status === "skipped");
  if (restore.length) {
    out.push(
      ...(await db
        .update(eventMessages)
        .set({ status: "scheduled", statusReason: null, updatedAt: sql`now()` })
        .where(and(inArray(eventMessages.id, restore), eq(eventMessages.status, "skipped")))
        .returning({ id: eventMessages.id, scheduledFor: eventMessages.scheduledFor })),
    );
  }
  return out;
}
