import { and, eq, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import type { Channels } from "@/lib/channels/types";
import { MAX_ATTEMPTS } from "./process";

/**
 * SPEC §4: an SMS whose send timed out (or whose sender died mid-send) may have been
 * accepted. Instead of resending blindly, ask the provider whether it has it; only a
 * confirmed miss is retried.
 */
export async function reconcileUncertainSms(
  db: Db,
  channels: Channels,
  opts: { olderThanMs?: number; limit?: number; now?: Date } = {},
): Promise<{ confirmed: number; retried: number; failed: number }> {
  const at = opts.now ?? clockNow();
  const rows = await db
    .select()
    .from(eventMessages)
    .where(uncertainFor(at, opts.olderThanMs ?? 30_000))
    .limit(opts.limit ?? 50);
  const tally = { confirmed: 0, retried: 0, failed: 0 };
  for (const row of rows) {
    // Only this reconciliation's view of the row may change it: a second reconciler racing it is a no-op.
    const held = and(eq(eventMessages.id, row.id), eq(eventMessages.status, "sending"), eq(eventMessages.uncertainSince, row.uncertainSince!));
    if (!row.toAddress || !row.renderedBody) {
      // Nothing was stored, so the provider was never called: safe to send.
      await db.update(eventMessages).set({ status: "scheduled", uncertainSince: null, nextAttemptAt: at, updatedAt: at }).where(held);
      tally.retried++;
      continue;
    }
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
          // When the provider took it; else when our send started (the claim), never the epoch.
          actualSendTime: found.acceptedAt ?? row.claimedAt ?? row.uncertainSince,
          uncertainSince: null,
          nextAttemptAt: null,
          statusReason: "confirmed by provider after a timeout",
          updatedAt: at,
        })
        .where(held);
      tally.confirmed++;
    } else if (row.attempts < MAX_ATTEMPTS) {
      await db.update(eventMessages).set({ status: "scheduled", uncertainSince: null, nextAttemptAt: at, updatedAt: at }).where(held);
      tally.retried++;
    } else {
      await db
        .update(eventMessages)
        .set({ status: "failed", uncertainSince: null, nextAttemptAt: null, statusReason: "provider never confirmed it after a timeout", updatedAt: at })
        .where(held);
      tally.failed++;
    }
  }
  return tally;
}

/**
 * A row left in `sending` by a process that died mid-send. Email is safe to resend:
 * it goes out with the same Idempotency-Key and the stored body — the row id for an
 * email sent alone; for one sent in a batch (`batch_key` set), the batch key, as
 * exactly that batch replayed (decision 0210), never regrouped nor sent singly. An SMS
 * that got as far as storing its body may have reached Twilio: it is marked uncertain
 * as of its claim and reconciled (looked up) before any resend.
 */
export async function recoverStaleClaims(db: Db, opts: { staleMs?: number; now?: Date } = {}): Promise<number> {
  const at = opts.now ?? clockNow();
  const stale = staleClaims(at, opts.staleMs ?? 5 * 60_000);
  const resend = await db
    .update(eventMessages)
    .set({ status: "scheduled", nextAttemptAt: at, lastError: "worker stopped mid-send; retrying", updatedAt: at })
    .where(and(stale, or(eq(eventMessages.channel, "email"), isNull(eventMessages.renderedBody), isNull(eventMessages.toAddress))))
    .returning({ id: eventMessages.id });
  const lookup = await db
    .update(eventMessages)
    .set({ uncertainSince: sql`${eventMessages.claimedAt}`, lastError: "worker stopped mid-send; reconciling", updatedAt: at })
    .where(and(stale, eq(eventMessages.channel, "sms")))
    .returning({ id: eventMessages.id });
  return resend.length + lookup.length;
}

/**
 * The backstops' two sweeps of rows in flight, every pass: both read the in-flight index
 * (`status = 'sending'`, by claim time) instead of the whole outbox (decision 0214).
 */
export function uncertainFor(at: Date, olderThanMs: number) {
  return and(eq(eventMessages.status, "sending"), isNotNull(eventMessages.uncertainSince), lte(eventMessages.uncertainSince, new Date(at.getTime() - olderThanMs)));
}

/** Claims held longer than `staleMs` and not known uncertain: their worker stopped mid-send. */
export function staleClaims(at: Date, staleMs: number) {
  return and(eq(eventMessages.status, "sending"), isNull(eventMessages.uncertainSince), lte(eventMessages.claimedAt, new Date(at.getTime() - staleMs)));
}
