import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages, type MessageType } from "@/db/schema";
import { replanEventMessages } from "@/lib/scheduling/replan";
import { schedulePeerBatch } from "@/lib/orchestration/peer-batch";
import { scheduleEventCompletion } from "@/lib/followup/complete";

/**
 * "What moved" (issue 8): every console change that touches the schedule runs the
 * re-plan (lib/scheduling/replan.ts, the re-import's code) and then compares the
 * event's pending messages before and after, so the page can say
 * "12 session alerts moved to 10:45" instead of "messages updated".
 */

export type MovedGroup = { kind: "moved" | "cancelled" | "planned"; type: MessageType; count: number; to: Date | null };
export type WhatMoved = { groups: MovedGroup[]; total: number };

type Snapshot = Map<string, { type: MessageType; scheduledFor: Date; status: string }>;

async function snapshot(db: Db, eventId: string): Promise<Snapshot> {
  const rows = await db
    .select({ id: eventMessages.id, type: eventMessages.type, scheduledFor: eventMessages.scheduledFor, status: eventMessages.status })
    .from(eventMessages)
    .where(and(eq(eventMessages.eventId, eventId), inArray(eventMessages.status, ["scheduled", "cancelled"])));
  return new Map(rows.map((r) => [r.id, r]));
}

export function diffSnapshots(before: Snapshot, after: Snapshot): WhatMoved {
  const groups = new Map<string, MovedGroup>();
  const add = (kind: MovedGroup["kind"], type: MessageType, to: Date | null) => {
    const k = `${kind}|${type}|${to?.getTime() ?? ""}`;
    const g = groups.get(k) ?? { kind, type, count: 0, to };
    g.count++;
    groups.set(k, g);
  };
  for (const [id, row] of after) {
    const was = before.get(id);
    if (row.status === "scheduled") {
      if (!was || was.status !== "scheduled") add("planned", row.type, row.scheduledFor);
      else if (was.scheduledFor.getTime() !== row.scheduledFor.getTime()) add("moved", row.type, row.scheduledFor);
    } else if (was?.status === "scheduled") add("cancelled", row.type, null);
  }
  const list = [...groups.values()].sort((a, b) => b.count - a.count || (a.to?.getTime() ?? 0) - (b.to?.getTime() ?? 0));
  return { groups: list, total: list.reduce((n, g) => n + g.count, 0) };
}

/** Runs a schedule change, re-plans the event's messages, and reports what moved. */
export async function withReplan<T>(db: Db, eventId: string, now: Date, change: () => Promise<T>): Promise<{ result: T; moved: WhatMoved }> {
  const before = await snapshot(db, eventId);
  const result = await change();
  await replanEventMessages(db, eventId, { now });
  await schedulePeerBatch(db, eventId);
  await scheduleEventCompletion(db, eventId);
  return { result, moved: diffSnapshots(before, await snapshot(db, eventId)) };
}
