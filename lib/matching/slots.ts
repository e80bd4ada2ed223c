/**
 * When the plan's messages go (SPEC §5.3 sponsor slots, §5.4 peer introductions),
 * from the agenda alone: `now` is a parameter, so a check-in in the middle of a
 * break is planned from that minute.
 */
import type { RankedPick } from "./reasons";
import type { SessionCandidate, SponsorSlot } from "./types";

const MINUTE = 60_000;
const FIRST_AFTER_START = 2 * MINUTE;
const SPACING = 10 * MINUTE;
const LAST_BEFORE_END = 5 * MINUTE;
const INTRO_AFTER_START = 5 * MINUTE;
const BATCH_BEFORE_START = 15 * MINUTE;
const MIN_PEER_BREAK = 30 * MINUTE;

function ceilToMinute(t: number): number {
  return Math.ceil(t / MINUTE) * MINUTE;
}

function byStart(a: SessionCandidate, b: SessionCandidate): number {
  return a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Break and lunch items, not cancelled, in time order. */
function breaks(agenda: SessionCandidate[]): SessionCandidate[] {
  return agenda.filter((a) => (a.type === "break" || a.type === "lunch") && !a.cancelled).sort(byStart);
}

/** The send times a slot still offers after `now`: start + 2 min (or now, to the minute), every 10 min, until end − 5 min. */
function slotTimes(slot: SessionCandidate, now: Date): number[] {
  const first = Math.max(slot.startsAt.getTime() + FIRST_AFTER_START, ceilToMinute(now.getTime()));
  const last = slot.endsAt.getTime() - LAST_BEFORE_END;
  const times: number[] = [];
  for (let t = first; t <= last; t += SPACING) times.push(t);
  return times;
}

/**
 * One message per sponsor, in rank order, filling the earliest slot that still has
 * a time, then the next; sponsors left over appear on the agenda page only.
 */
export function assignSponsorSlots(sponsorPicks: RankedPick[], agenda: SessionCandidate[], now: Date): SponsorSlot[] {
  const free = breaks(agenda).flatMap((slot) => slotTimes(slot, now).map((t) => ({ slotId: slot.id, sendAt: new Date(t) })));
  return [...sponsorPicks]
    .sort((a, b) => a.rank - b.rank)
    .map((pick, i) => (i < free.length ? { sponsorId: pick.targetId, ...free[i] } : { sponsorId: pick.targetId, slotId: null, sendAt: null }));
}

/** SPEC §5.4: lunch (the first lunch item), else the first break of at least 30 min, else none. */
export function peerSlot(agenda: SessionCandidate[]): SessionCandidate | null {
  const all = breaks(agenda);
  return (
    all.find((a) => a.type === "lunch") ??
    all.find((a) => a.type === "break" && a.endsAt.getTime() - a.startsAt.getTime() >= MIN_PEER_BREAK) ??
    null
  );
}

/** Introductions go at the peer slot's start + 5 min; null: peers appear on the agenda page only. */
export function peerIntroductionTime(agenda: SessionCandidate[]): Date | null {
  const slot = peerSlot(agenda);
  return slot && new Date(slot.startsAt.getTime() + INTRO_AFTER_START);
}

/** The batch runs 15 min before the peer slot starts. */
export function peerBatchTime(agenda: SessionCandidate[]): Date | null {
  const slot = peerSlot(agenda);
  return slot && new Date(slot.startsAt.getTime() - BATCH_BEFORE_START);
}
