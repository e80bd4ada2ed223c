/**
 * The day grouped by start time (parallel sessions side by side, by room): how the
 * full agenda reads on a phone. Pure; the pages render it.
 */
export type SlotItem = { id: string; type: string; startsAt: Date; endsAt: Date; room: string | null };

export type TimeSlot<I extends SlotItem> = { key: string; startsAt: Date; endsAt: Date; items: I[] };

export function groupByStart<I extends SlotItem>(items: ReadonlyArray<I>): TimeSlot<I>[] {
  const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.room ?? "").localeCompare(b.room ?? ""));
  const slots: TimeSlot<I>[] = [];
  for (const item of sorted) {
    const last = slots.at(-1);
    if (last && last.startsAt.getTime() === item.startsAt.getTime()) {
      last.items.push(item);
      if (item.endsAt > last.endsAt) last.endsAt = item.endsAt;
    } else {
      slots.push({ key: item.startsAt.toISOString(), startsAt: item.startsAt, endsAt: item.endsAt, items: [item] });
    }
  }
  return slots;
}
