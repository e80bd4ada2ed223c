/**
 * "Now" and "Next" for one attendee (the top of the agenda page): their pick in the
 * current slot, or the break and the sponsor to visit in it. Pure: the page passes
 * the day, the picks and the clock.
 */
export type NowNextItem = {
  id: string;
  type: "session" | "keynote" | "panel" | "break" | "lunch" | "networking";
  title: string;
  room: string | null;
  startsAt: Date;
  endsAt: Date;
  recommended: { rank: number } | null;
};

export type NowNextSponsor = { id: string; name: string; boothNumber: string | null; slotId: string | null };

export type Moment<I extends NowNextItem = NowNextItem> =
  /** Their pick, a break (with the sponsor assigned to it), or the only thing on. */
  | { kind: "item"; item: I; sponsor: NowNextSponsor | null; peers: boolean }
  /** Several sessions at once and none of them picked: a choice (count and start). */
  | { kind: "choice"; items: I[]; startsAt: Date; endsAt: Date };

export type NowNext<I extends NowNextItem = NowNextItem> = {
  now: Moment<I> | null;
  next: Moment<I> | null;
  /** Before the first item starts / after the last one ends. */
  phase: "before" | "during" | "after" | "empty";
};

const isBreak = (i: NowNextItem) => i.type === "break" || i.type === "lunch";

function moment<I extends NowNextItem>(items: I[], sponsors: NowNextSponsor[], peerSlotId: string | null): Moment<I> | null {
  if (items.length === 0) return null;
  const pick = items.filter((i) => i.recommended).sort((a, b) => a.recommended!.rank - b.recommended!.rank)[0];
  const brk = items.find(isBreak);
  const only = items.length === 1 ? items[0] : undefined;
  const item = pick ?? brk ?? only;
  if (item) {
    return {
      kind: "item",
      item,
      sponsor: isBreak(item) ? (sponsors.find((s) => s.slotId === item.id) ?? null) : null,
      peers: item.id === peerSlotId,
    };
  }
  const startsAt = new Date(Math.min(...items.map((i) => i.startsAt.getTime())));
  const endsAt = new Date(Math.max(...items.map((i) => i.endsAt.getTime())));
  return { kind: "choice", items, startsAt, endsAt };
}

export function nowAndNext<I extends NowNextItem>(
  agenda: ReadonlyArray<I>,
  sponsors: ReadonlyArray<NowNextSponsor>,
  at: Date,
  peerSlotId: string | null = null,
): NowNext<I> {
  if (agenda.length === 0) return { now: null, next: null, phase: "empty" };
  const t = at.getTime();
  const current = agenda.filter((i) => i.startsAt.getTime() <= t && t < i.endsAt.getTime());
  const nowMoment = moment(current, [...sponsors], peerSlotId);
  // Next: the earliest start after now, and after the current slot's own end for a
  // pick (a parallel item starting mid-way is not "next" for someone sitting in one).
  const after = nowMoment?.kind === "item" ? Math.max(t, nowMoment.item.endsAt.getTime() - 1) : t;
  const upcoming = agenda.filter((i) => i.startsAt.getTime() > after);
  const nextStart = upcoming.length ? Math.min(...upcoming.map((i) => i.startsAt.getTime())) : null;
  const nextMoment = nextStart === null ? null : moment(upcoming.filter((i) => i.startsAt.getTime() === nextStart), [...sponsors], peerSlotId);
  const first = Math.min(...agenda.map((i) => i.startsAt.getTime()));
  const last = Math.max(...agenda.map((i) => i.endsAt.getTime()));
  const phase = t < first ? "before" : t >= last ? "after" : "during";
  return { now: nowMoment, next: nextMoment, phase };
}
