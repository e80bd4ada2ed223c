import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { markOptedOut } from "./opt-out";

/**
 * Twilio status callbacks (SPEC §4 "delivery status from provider callbacks"). Callbacks
 * repeat and arrive out of order, so a status only ever moves forward:
 * queued < sending < sent < delivered, and undelivered/failed end it. Twilio's "read"
 * (RCS/WhatsApp) is after delivered.
 */
const RANK: Record<string, number> = { accepted: 1, scheduled: 1, queued: 1, sending: 2, sent: 3, delivered: 4, read: 5, undelivered: 6, failed: 6, canceled: 6 };
const TERMINAL = new Set(["read", "undelivered", "failed", "canceled"]);

export function nextDeliveryStatus(current: string | null, incoming: string): string | null {
  const to = incoming.toLowerCase();
  if (!(to in RANK)) return null;
  if (!current) return to;
  if (TERMINAL.has(current) || current === to) return null;
  // delivered is final for SMS except a later "read"; a failure after delivered is ignored.
  if (current === "delivered" && to !== "read") return null;
  return RANK[to] > RANK[current] ? to : null;
}

export type StatusCallback = { messageSid: string; status: string; errorCode?: string; to?: string };

export async function applyDeliveryStatus(db: Db, cb: StatusCallback, at: Date = clockNow()): Promise<"updated" | "unchanged" | "unknown"> {
  const [row] = await db
    .select({ id: eventMessages.id, deliveryStatus: eventMessages.deliveryStatus, toAddress: eventMessages.toAddress })
    .from(eventMessages)
    .where(eq(eventMessages.providerMessageId, cb.messageSid))
    .limit(1);
  if (!row) return "unknown";
  if (cb.errorCode === "21610") await markOptedOut(db, cb.to ?? row.toAddress ?? "", at);
  const next = nextDeliveryStatus(row.deliveryStatus, cb.status);
  if (!next) return "unchanged";
  // Compare-and-set: two callbacks racing cannot both win with the lower one last.
  const updated = await db
    .update(eventMessages)
    .set({ deliveryStatus: next, deliveryUpdatedAt: at, ...(cb.errorCode ? { lastError: `Twilio delivery error ${cb.errorCode}` } : {}) })
    .where(
      and(
        eq(eventMessages.id, row.id),
        row.deliveryStatus === null ? isNull(eventMessages.deliveryStatus) : eq(eventMessages.deliveryStatus, row.deliveryStatus),
      ),
    )
    .returning({ id: eventMessages.id, deliveryStatus: eventMessages.deliveryStatus });
  return updated.length ? "updated" : "unchanged";
}
