import { DateTime } from "luxon";
import type { WhatMoved } from "@/lib/events/what-moved";
import { MESSAGE_TYPE_LABELS } from "./message-labels";

/** "12 Speaker alert messages moved to 10:45 AM Thu, Dec 3" — one line per group, in the event's zone. */
export function describeMoved(moved: WhatMoved | null, zone: string): string[] {
  if (!moved || moved.total === 0) return ["No planned messages had to move."];
  return moved.groups.slice(0, 12).map((g) => {
    const what = `${g.count} ${MESSAGE_TYPE_LABELS[g.type]} ${g.count === 1 ? "message" : "messages"}`;
    const when = g.to ? DateTime.fromJSDate(g.to, { zone }).toFormat("h:mm a ccc, LLL d") : "";
    if (g.kind === "moved") return `${what} moved to ${when}`;
    if (g.kind === "planned") return `${what} newly planned for ${when}`;
    return `${what} cancelled`;
  });
}
