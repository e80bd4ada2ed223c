import { and, eq, inArray, like, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inChunks } from "@/db/bulk";
import { cooperative } from "@/lib/cooperative";
import { eventMessages, events, type MessageType } from "@/db/schema";
import { loadSessions } from "./context";
import { savePlannedRows, type SavedMessage } from "@/lib/messaging/store";
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

/** The columns the decision reads (not the renderings: ~11 rows a person, 77,000 at the lunch batch of 7,000). */
const COLUMNS = {
  id: eventMessages.id,
  attendeeId: eventMessages.attendeeId,
  type: eventMessages.type,
  status: eventMessages.status,
  statusReason: eventMessages.statusReason,
  scheduledFor: eventMessages.scheduledFor,
  dedupeKey: eventMessages.dedupeKey,
  personalization: eventMessages.personalization,
};
type Row = Pick<typeof eventMessages.$inferSelect, keyof typeof COLUMNS>;
type Owner = { eventId: string; attendeeId: string; contractorId: string };

/** Ids per statement at most: well inside PostgreSQL's 65,535 bound parameters. */
const IDS_PER_STATEMENT = 5_000;

type RebalanceOptions = {
  /**
   * With the event's times: rows already due but not sent that will be skipped as stale when
   * the driver reaches them at `staleAt` (after downtime, or a dev-clock jump) do not count.
   */
  usefulness?: UsefulnessContext;
  staleAt?: Date;
};

/**
 * Applies the event's SMS budget (lib/scheduling/budget.ts) to one attendee's outbox,
 * inside the transaction that just wrote their plan rows: re-decides every text not
 * yet sent (a later, more important one — peer introductions at lunch — may take the
 * place of a rating request planned at check-in), writes the bundles as their own
 * rows and marks each removed text with where it went. Returns rows to dispatch.
 */
export async function rebalanceSmsBudget(db: Db, owner: Owner, now: Date, opts: RebalanceOptions = {}): Promise<SavedMessage[]> {
  return rebalanceSmsBudgets(db, [owner], now, opts);
}

/**
 * `rebalanceSmsBudget` for many attendees of one event at once (the lunch batch, a chunk of
 * the completion): the same decision per attendee, read in one query and written in a few
 * statements, not ~10 per attendee (issue 13: 2,550 attendees took 12.8 s one by one).
 */
export async function rebalanceSmsBudgets(db: Db, many: Owner[], now: Date, opts: RebalanceOptions = {}): Promise<SavedMessage[]> {
  // Each attendee once: a multi-row upsert may not touch one row twice.
  const owners = [...new Map(many.map((o) => [o.attendeeId, o])).values()];
  if (owners.length === 0) return [];
  const eventId = owners[0].eventId;
  if (owners.some((o) => o.eventId !== eventId)) throw new Error("rebalanceSmsBudgets: owners of one event only");
  const [event] = await db
    .select({ budget: events.smsDailyBudget, zone: events.timezone, batchRanAt: events.peerBatchRanAt })
    .from(events)
    .where(eq(events.id, eventId));
  if (!event) return [];
  const rowsOf = new Map<string, Row[]>(owners.map((o) => [o.attendeeId, []]));
  for (const ids of inChunks([...rowsOf.keys()], IDS_PER_STATEMENT)) {
    const found: Row[] = await db
      .select(COLUMNS)
      .from(eventMessages)
      .where(
        and(
          inArray(eventMessages.attendeeId, ids),
          eq(eventMessages.channel, "sms"),
          or(
            inArray(eventMessages.status, [...SPENT]),
            and(eq(eventMessages.status, "scheduled"), inArray(eventMessages.type, PLAN_TYPES)),
            and(eq(eventMessages.status, "skipped"), or(like(eventMessages.statusReason, `${BUNDLED_PREFIX}%`), eq(eventMessages.statusReason, OVER_BUDGET_REASON))),
          ),
        ),
      );
    for (const r of found) rowsOf.get(r.attendeeId!)?.push(r);
  }
  // Before the lunch batch its introductions are sure to come: they hold their room.
  const introAt = event.batchRanAt ? null : peerIntroductionTime(await loadSessions(db, eventId));

  const bundles: Array<Owner & { type: MessageType; dedupeKey: string; scheduledFor: Date; personalization: Record<string, unknown> }> = [];
  const stale: string[] = [];
  const skips = new Map<string, string[]>(); // reason → ids
  const restore: string[] = [];
  // ~90 µs a person: the lunch batch's 7,000 would hold the event loop for 0.6 s in one stretch.
  const breathe = cooperative();
  for (const owner of owners) {
    await breathe();
    const d = decideFor(rowsOf.get(owner.attendeeId)!, event, introAt, now, opts);
    for (const b of d.bundles) bundles.push({ ...owner, ...b });
    stale.push(...d.stale);
    for (const [id, reason] of d.skips) {
      if (!skips.has(reason)) skips.set(reason, []);
      skips.get(reason)!.push(id);
    }
    restore.push(...d.restore);
  }

  const out: SavedMessage[] = await savePlannedRows(
    db,
    bundles.map(({ type, dedupeKey, scheduledFor, personalization, ...owner }) => ({ owner, planned: { type, channel: "sms" as const, dedupeKey, scheduledFor, personalization } })),
  );
  // Bundles from an earlier decision that no longer stand.
  for (const ids of inChunks(stale, IDS_PER_STATEMENT)) {
    await db.update(eventMessages).set({ status: "cancelled", statusReason: "replaced by a new bundle", updatedAt: sql`now()` }).where(inArray(eventMessages.id, ids));
  }
  for (const [reason, all] of skips) {
    for (const ids of inChunks(all, IDS_PER_STATEMENT)) {
      await db
        .update(eventMessages)
        .set({ status: "skipped", statusReason: reason, updatedAt: sql`now()` })
        .where(and(inArray(eventMessages.id, ids), inArray(eventMessages.status, ["scheduled", "skipped"])));
    }
  }
  // Back in the budget (a bundle undone, a higher-priority text cancelled): scheduled again.
  for (const ids of inChunks(restore, IDS_PER_STATEMENT)) {
    out.push(
      ...(await db
        .update(eventMessages)
        .set({ status: "scheduled", statusReason: null, updatedAt: sql`now()` })
        .where(and(inArray(eventMessages.id, ids), eq(eventMessages.status, "skipped")))
        .returning({ id: eventMessages.id, scheduledFor: eventMessages.scheduledFor })),
    );
  }
  return out;
}

type Decision = {
  bundles: Array<{ type: MessageType; dedupeKey: string; scheduledFor: Date; personalization: Record<string, unknown> }>;
  stale: string[];
  /** Rows to mark skipped, with their reason (only where the reason changes). */
  skips: Array<[string, string]>;
  restore: string[];
};

/** One attendee's budget decision over their SMS rows (no database): what `rebalanceSmsBudgets` writes. */
function decideFor(all: Row[], event: { budget: number; zone: string }, introAt: Date | null, now: Date, opts: RebalanceOptions): Decision {
  const usefulness = opts.usefulness;
  const goingStale = (r: Row) => Boolean(usefulness) && r.status === "scheduled" && r.scheduledFor <= now && isStale(r, usefulness!, opts.staleAt ?? now);
  const rows = all.filter((r) => !goingStale(r));
  const isBundle = (r: Row) => r.dedupeKey.startsWith(BUNDLE_KEY_PREFIX);
  const spent = (r: Row) => (SPENT as readonly string[]).includes(r.status) || (r.status === "scheduled" && r.scheduledFor <= now);
  // Members of a bundle already sent went out with it.
  const gone = new Set(rows.filter((r) => isBundle(r) && spent(r)).flatMap((r) => (r.personalization.members as string[] | undefined) ?? []));
  const candidates = rows.filter((r) => !gone.has(r.id) && (spent(r) || !isBundle(r)) && !(r.status === "skipped" && r.scheduledFor <= now));
  const byId = new Map(candidates.map((r) => [r.id, r]));
  const input: BudgetMessage[] = candidates.map((r) => ({
    key: r.id, type: r.type, scheduledFor: r.scheduledFor, fixed: spent(r), slotId: (r.personalization.slotId as string | undefined) ?? null,
  }));
  const intros = candidates.filter((r) => r.type === "peer_introduction").length;
  if (introAt && introAt > now) {
    for (let i = intros; i < MAX_PEERS; i++) input.push({ key: `expected:${i}`, type: "peer_introduction", scheduledFor: introAt, fixed: false, expected: true });
  }
  const decision = applySmsBudget(input, event.budget, event.zone);

  const labels = new Map<string, string>();
  const keepBundles = new Set<string>();
  const bundles: Decision["bundles"] = [];
  for (const b of decision.bundles) {
    const members = b.members.map((id) => byId.get(id)!).filter(Boolean);
    const first = members[0];
    const dedupeKey = `${BUNDLE_KEY_PREFIX}${b.members.join("+")}`;
    keepBundles.add(dedupeKey);
    // The first member's facts stay on top (skip rules read sponsorId / agendaItemId); the rest travel in `bundle`.
    const personalization = { ...first.personalization, members: b.members, bundle: members.map((m) => m.personalization) };
    bundles.push({ type: b.type, dedupeKey, scheduledFor: b.scheduledFor, personalization });
    const what = b.type === "sponsor_recommendation" ? `${members.length} sponsor tips` : `${members.length} rating requests`;
    labels.set(b.key, `${BUNDLED_PREFIX}one text at ${formatTime(b.scheduledFor, event.zone)} (${what})`);
  }
  const stale = rows.filter((r) => isBundle(r) && r.status === "scheduled" && r.scheduledFor > now && !keepBundles.has(r.dedupeKey)).map((r) => r.id);
  const skips: Decision["skips"] = [];
  const skip = (ids: string[], reason: (id: string) => string) => {
    for (const id of ids) {
      const r = byId.get(id);
      if (r && r.statusReason !== reason(id)) skips.push([id, reason(id)]);
    }
  };
  skip([...decision.bundled.keys()], (id) => labels.get(decision.bundled.get(id)!)!);
  skip(decision.overBudget, () => OVER_BUDGET_REASON);
  const restore = decision.keep.filter((id) => byId.get(id)?.status === "skipped");
  return { bundles, stale, skips, restore };
}
