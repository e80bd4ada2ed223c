/**
 * The per-attendee SMS budget (issue 12 §2): at most `budget` texts per attendee per
 * local day, by type priority. What does not fit is first bundled (all sponsor tips
 * of one break in one text; consecutive rating requests in one), then left to the
 * agenda page and email — never silently dropped: each removed text says where it went.
 * Pure; lib/orchestration/budget-store.ts applies it where the plan's rows are written.
 */
import type { MessageType } from "@/db/schema";
import { toLocal } from "./event-times";

const localDayKey = (at: Date, zone: string) => toLocal(at, zone).toISODate() ?? "";

/** Lower is more important. Unlisted types (post-event, invitations) come last. */
export const SMS_PRIORITY: Partial<Record<MessageType, number>> = {
  registration_confirmation: 0,
  check_in_reminder_night_before: 0,
  check_in_reminder_1_hour: 0,
  check_in_reminder_event_start: 0,
  check_in_confirmation: 0,
  agenda_ready: 0,
  speaker_alert: 1,
  peer_introduction: 2,
  peer_match_attendance: 2,
  sponsor_recommendation: 3,
  // The evening's texts (issue 11) share the day's budget: the booth question feeds the
  // sponsors' figures; the thank-you also goes by email, so it gives way first.
  sponsor_batch_check: 3,
  speaker_pcr_request: 4,
  event_pcr_request: 4,
  post_event_thank_you: 5,
};
const LAST = 9;
export const priorityOf = (type: MessageType) => SMS_PRIORITY[type] ?? LAST;

export const DEFAULT_SMS_DAILY_BUDGET = 8;
export const BUNDLED_PREFIX = "bundled into ";
export const OVER_BUDGET_REASON = "over budget, on the agenda page";

export type BudgetMessage = {
  /** Stable id (the row id, or a key for a row about to be written). */
  key: string;
  type: MessageType;
  scheduledFor: Date;
  /** Sent (or sending) rows are spent: counted, never moved. */
  fixed: boolean;
  /** Sponsor tips: the break they belong to (bundles never cross breaks). */
  slotId?: string | null;
  /**
   * A text not written yet but sure to come (the peer introductions before the lunch
   * batch): it holds its place by priority, so a tip planned at check-in does not take
   * the introductions' room. Never in the decision's output.
   */
  expected?: boolean;
};

export type Bundle = { key: string; type: "sponsor_recommendation" | "speaker_pcr_request"; members: string[]; scheduledFor: Date };

export type BudgetDecision = {
  keep: string[];
  bundles: Bundle[];
  /** member key → the bundle's key. */
  bundled: Map<string, string>;
  overBudget: string[];
};

const byTime = (a: { scheduledFor: Date }, b: { scheduledFor: Date }) => a.scheduledFor.getTime() - b.scheduledFor.getTime();

/** One local day: fill the budget by priority; bundle the bundleable, then move the rest to the page. */
export function applySmsBudgetForDay(messages: ReadonlyArray<BudgetMessage>, budget: number): BudgetDecision {
  const fixed = messages.filter((m) => m.fixed);
  const open = messages.filter((m) => !m.fixed);
  const decision: BudgetDecision = { keep: [], bundles: [], bundled: new Map(), overBudget: [] };
  if (messages.length <= budget) {
    decision.keep = open.filter((m) => !m.expected).map((m) => m.key);
    return decision;
  }
  // Units: a single text, or a bundle standing for several; each costs one text.
  type Unit = { priority: number; at: Date; keys: string[]; bundle?: Bundle };
  const units: Unit[] = [];
  const singles = (list: BudgetMessage[]) => list.forEach((m) => units.push({ priority: priorityOf(m.type), at: m.scheduledFor, keys: [m.key] }));
  const addBundle = (type: Bundle["type"], members: BudgetMessage[], at: Date) => {
    if (members.length < 2) return singles(members);
    const bundle: Bundle = { key: `bundle:${type}:${members.map((m) => m.key).join("+")}`, type, members: members.map((m) => m.key), scheduledFor: at };
    units.push({ priority: priorityOf(type), at, keys: bundle.members, bundle });
  };

  const rest = open.filter((m) => m.type !== "sponsor_recommendation" && m.type !== "speaker_pcr_request");
  singles(rest);
  // All the tips of one break in one text, at the first tip's time.
  const tips = open.filter((m) => m.type === "sponsor_recommendation").sort(byTime);
  for (const slot of new Set(tips.map((m) => m.slotId ?? m.key))) {
    const group = tips.filter((m) => (m.slotId ?? m.key) === slot);
    addBundle("sponsor_recommendation", group, group[0].scheduledFor);
  }
  // Consecutive rating requests in pairs ("rate the last two talks"), at the later one's time.
  const ratings = open.filter((m) => m.type === "speaker_pcr_request").sort(byTime);
  for (let i = 0; i < ratings.length; i += 2) {
    const pair = ratings.slice(i, i + 2);
    addBundle("speaker_pcr_request", pair, pair.at(-1)!.scheduledFor);
  }

  let room = budget - fixed.length;
  units.sort((a, b) => a.priority - b.priority || a.at.getTime() - b.at.getTime());
  for (const u of units) {
    if (room > 0) {
      room--;
      if (u.bundle) {
        decision.bundles.push(u.bundle);
        for (const k of u.keys) decision.bundled.set(k, u.bundle.key);
      } else decision.keep.push(...u.keys);
    } else decision.overBudget.push(...u.keys);
  }
  const real = new Set(messages.filter((m) => !m.expected).map((m) => m.key));
  decision.keep = decision.keep.filter((k) => real.has(k));
  decision.overBudget = decision.overBudget.filter((k) => real.has(k));
  return decision;
}

/** Every day of the attendee's SMS, each day on its own budget (the event's local days). */
export function applySmsBudget(messages: ReadonlyArray<BudgetMessage>, budget: number, zone: string): BudgetDecision {
  const out: BudgetDecision = { keep: [], bundles: [], bundled: new Map(), overBudget: [] };
  for (const day of new Set(messages.map((m) => localDayKey(m.scheduledFor, zone)))) {
    const d = applySmsBudgetForDay(messages.filter((m) => localDayKey(m.scheduledFor, zone) === day), budget);
    out.keep.push(...d.keep);
    out.bundles.push(...d.bundles);
    d.bundled.forEach((v, k) => out.bundled.set(k, v));
    out.overBudget.push(...d.overBudget);
  }
  return out;
}
