import { and, eq, isNotNull, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import type { Channels } from "@/lib/channels/types";
import { MAX_ATTEMPTS } from "./deliver";

/**
 * SPEC §4: an SMS whose send timed out may have been accepted. Instead of
 * resending blindly, ask the provider whether it has it; only a confirmed miss
 * is retried.
 */
export async function reconcileUncertainSms(
  db: Db,
  channels: Channels,
  opts: { olderThanMs?: number; limit?: number } = {},
): Promise<{ confirmed: number; retried: number; failed: number }> {
  const at = clockNow();
  const rows = await db
    .select()
    .from(eventMessages)
    .where(
      and(
        eq(eventMessages.status, "sending"),
        isNotNull(eventMessages.uncertainSince),
        lte(eventMessages.uncertainSince, new Date(at.getTime() - (opts.olderThanMs ?? 30_000))),
      ),
    )
    .limit(opts.limit ?? 50);
  const tally = { confirmed: 0, retried: 0, failed: 0 };
  for (const row of rows) {
    if (!row.toAddress || !row.renderedBody) continue;
    const since = new Date((row.claimedAt ?? row.uncertainSince!).getTime() - 60_000);
    let found;
    try {
      found = await channels.sms.lookup({ messageId: row.id, to: row.toAddress, body: row.renderedBody }, since);
    } catch {
      continue; // provider unreachable: leave the row for the next sweep
    }
    if (found.found) {
      await db
        .update(eventMessages)
        .set({
          status: "sent",
          provider: channels.sms.name,
          providerMessageId: found.providerMessageId,
          actualSendTime: row.uncertainSince,
          uncertainSince: null,
          statusReason: "confirmed by provider after a timeout",
          updatedAt: at,
        })
        .where(eq(eventMessages.id, row.id));
      tally.confirmed++;
    } else if (row.attempts < MAX_ATTEMPTS) {
      await db
        .update(eventMessages)
        .set({ status: "scheduled", uncertainSince: null, nextAttemptAt: at, updatedAt: at })
        .where(eq(eventMessages.id, row.id));
      tally.retried++;
    } else {
      await db
        .update(eventMessages)
        .set({ status: "failed", uncertainSince: null, statusReason: "provider never confirmed it after a timeout", updatedAt: at })
        .where(eq(eventMessages.id, row.id));
      tally.failed++;
    }
  }
  return tally;
}

/**
 * A row left in `sending` by a process that died mid-send: email is safe to retry
 * (Resend dedupes on the row id); SMS goes through reconciliation.
 */
export async function recoverStaleClaims(db: Db, opts: { staleMs?: number } = {}): Promise<number> {
  const at = clockNow();
  const stale = and(
    eq(eventMessages.status, "sending"),
    isNull(eventMessages.uncertainSince),
    lte(eventMessages.claimedAt, new Date(at.getTime() - (opts.staleMs ?? 5 * 60_000))),
  );
  const emails = await db
    .update(eventMessages)
    .set({ status: "scheduled", nextAttemptAt: at, lastError: "worker stopped mid-send; retrying", updatedAt: at })
    .where(and(stale, eq(eventMessages.channel, "email")))
    .returning({ id: eventMessages.id });
  const sms = await db
    .update(eventMessages)
    .set({ uncertainSince: new Date(0), lastError: "worker stopped mid-send; reconciling", updatedAt: at })
    .where(and(stale, eq(eventMessages.channel, "sms")))
    .returning({ id: eventMessages.id });
  return emails.length + sms.length;
}
