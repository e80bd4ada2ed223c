import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { unnestValues } from "@/db/bulk";
import { eventAttendees, eventMessages, events, type Message } from "@/db/schema";
import { batchIdempotencyKey, RESEND_BATCH_MAX } from "@/lib/channels/email/resend";
import type { OutgoingEmail, SendResult } from "@/lib/channels/types";
import { now as clockNow } from "@/lib/clock";
import { attendeeLinks } from "./links";
import { recordResult, type DeliveryDeps, type DeliveryOutcome } from "./process";
import { emailHeaders } from "./templates";

/**
 * Email batches (decisions 0192, 0210). The grouping is decided before the provider call
 * and stored on the rows (`batch_key`, in the same UPDATE as the renderings); from then
 * on a row with a key is only ever sent again as exactly its batch: the same members,
 * in the same order (by id), under the same Idempotency-Key. Resend answers that repeat
 * from its record of the first request (nothing is sent twice); any other grouping
 * would be a new key and a second send.
 */

/** Resend's batch endpoint takes up to 100 emails per request (the channel's own limit). */
export const EMAIL_BATCH_MAX = RESEND_BATCH_MAX;

export type PlannedBatch<T> = { key: string; members: T[] };

/**
 * Chunks of ≤ 100 emails in id order; a chunk of one is no batch (it goes alone, its
 * key the row id). Deterministic: the same members always give the same order and key.
 */
export function planEmailBatches<T extends { row: Message }>(emails: T[]): { batches: PlannedBatch<T>[]; singles: T[] } {
  const sorted = [...emails].sort((a, b) => compareIds(a.row.id, b.row.id));
  const batches: PlannedBatch<T>[] = [];
  const singles: T[] = [];
  for (let k = 0; k < sorted.length; k += EMAIL_BATCH_MAX) {
    const chunk = sorted.slice(k, k + EMAIL_BATCH_MAX);
    if (chunk.length === 1) singles.push(chunk[0]);
    else batches.push({ key: batchIdempotencyKey(chunk.map((c) => c.row.id)), members: chunk });
  }
  return { batches, singles };
}

/** Plain code-unit order (uuids are lowercase hex): the same in every process, unlike localeCompare. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A batch refused with a status (every try answered): nothing was sent, so its rows may
 * be grouped anew. Only rows this worker holds; before recordResult hands them back.
 */
export async function clearBatchKeys(db: Db, rows: Message[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  const values = heldValues(rows);
  await db.execute(sql`
    update event_messages m set batch_key = null, updated_at = ${at.toISOString()}::timestamptz
    from (${values}) v
    where ${HELD}`);
}

export type SentRow = { row: Message; result: Extract<SendResult, { ok: true }>; sentAt: Date; pacingWaitMs: number };

/** The successes of a pass in one UPDATE, each row under its own claim. */
export async function recordSent(db: Db, ok: SentRow[], at: Date): Promise<void> {
  if (ok.length === 0) return;
  const values = unnestValues(
    [
      { name: "id", type: "uuid" },
      { name: "claimed_at", type: "timestamptz" },
      { name: "provider", type: "text" },
      { name: "provider_message_id", type: "text" },
      { name: "actual_send_time", type: "timestamptz" },
      { name: "pacing_wait_ms", type: "int4" },
    ],
    ok.map((o) => [o.row.id, o.row.claimedAt, o.result.provider, o.result.providerMessageId, o.sentAt, o.pacingWaitMs]),
  );
  await db.execute(sql`
    update event_messages m
    set status = 'sent', status_reason = null, provider = v.provider, provider_message_id = v.provider_message_id,
        actual_send_time = v.actual_send_time, pacing_wait_ms = v.pacing_wait_ms, last_error = null, uncertain_since = null,
        next_attempt_at = null, updated_at = ${at.toISOString()}::timestamptz
    from (${values}) v
    where ${HELD}`);
}

/** A row's claim, as processClaimed's `held`: only the worker holding it may write. */
export const HELD = sql.raw(`m.id = v.id and m.status = 'sending' and m.claimed_at is not distinct from v.claimed_at`);

function heldValues(rows: Message[]) {
  return unnestValues(
    [
      { name: "id", type: "uuid" },
      { name: "claimed_at", type: "timestamptz" },
    ],
    rows.map((r) => [r.id, r.claimedAt]),
  );
}

/**
 * Claimed email rows that carry a batch key, sent again as exactly their stored batches.
 * The batch's other members waiting for their retry (`scheduled`) are claimed into the
 * replay (as claimDueMessages claims: sending, claimed_at, attempts + 1) so their rows
 * record the answer too; members another worker holds, or already finished, are in the
 * payload (it must be exact) but not written. The skip rules are not asked again: the
 * earlier request may already have gone out, and the replay only settles what happened.
 * Returns an outcome for every row it wrote, the claimed ones and those it claimed.
 */
export async function replayEmailBatches(db: Db, rows: Message[], deps: DeliveryDeps): Promise<Map<string, DeliveryOutcome>> {
  const byKey = new Map<string, Message[]>();
  for (const row of rows) {
    if (row.channel !== "email" || !row.batchKey) throw new Error(`message ${row.id} is no email of a stored batch; it cannot be replayed`);
    byKey.set(row.batchKey, [...(byKey.get(row.batchKey) ?? []), row]);
  }
  const outcomes = new Map<string, DeliveryOutcome>();
  for (const [key, claimed] of byKey) {
    for (const [id, outcome] of await replayOne(db, key, claimed, deps)) outcomes.set(id, outcome);
  }
  return outcomes;
}

async function replayOne(db: Db, key: string, claimed: Message[], deps: DeliveryDeps): Promise<Map<string, DeliveryOutcome>> {
  const clock = deps.now ?? clockNow;
  const at = clock();
  const joined = await db
    .update(eventMessages)
    .set({ status: "sending", attempts: sql`${eventMessages.attempts} + 1`, claimedAt: at, updatedAt: at })
    .where(and(eq(eventMessages.batchKey, key), eq(eventMessages.status, "scheduled")))
    .returning();
  const held = [...claimed, ...joined];
  const members = (
    await db
      .select({ row: eventMessages, slug: events.slug, accessToken: eventAttendees.accessToken })
      .from(eventMessages)
      .leftJoin(events, eq(events.id, eventMessages.eventId))
      .leftJoin(eventAttendees, eq(eventAttendees.id, eventMessages.attendeeId))
      .where(eq(eventMessages.batchKey, key))
  ).sort((a, b) => compareIds(a.row.id, b.row.id));

  const outcomes = new Map<string, DeliveryOutcome>();
  const fail = async (reason: string) => {
    for (const row of held) {
      outcomes.set(row.id, await recordResult(db, row, { ok: false, kind: "permanent", reason }, { sentAt: at, pacingWaitMs: row.pacingWaitMs, clock }));
    }
    return outcomes;
  };
  // The key is the members' own (sha256 of their ids): a member gone, or one too many, and the batch is not the one sent.
  if (batchIdempotencyKey(members.map((m) => m.row.id)) !== key) {
    return fail(`batch ${key} cannot be rebuilt exactly (its members changed); it may have been sent, so it is not sent again`);
  }
  const incomplete = members.find((m) => !m.row.toAddress || m.row.renderedBody === null || m.row.renderedHtml === null || m.row.renderedSubject === null || !m.slug || !m.accessToken);
  if (incomplete) return fail(`batch ${key} cannot be rebuilt exactly (message ${incomplete.row.id} lacks its stored rendering); not sent again`);
  const sendBatch = deps.channels.email.sendBatch?.bind(deps.channels.email);
  if (!sendBatch) return fail(`batch ${key} cannot be replayed: the email channel ${deps.channels.email.name} sends no batches`);

  const emails: OutgoingEmail[] = members.map(({ row, slug, accessToken }) => ({
    messageId: row.id,
    to: row.toAddress!,
    subject: row.renderedSubject!,
    html: row.renderedHtml!,
    text: row.renderedBody!,
    headers: emailHeaders(attendeeLinks({ slug: slug! }, { id: row.attendeeId!, accessToken: accessToken! }).unsubscribeOneClick),
  }));
  for (const row of held) await deps.hooks?.beforeProviderCall?.(row);
  const sentAt = clock();
  const answers = await sendBatch(emails, { idempotencyKey: key });
  const answerOf = new Map(members.map((m, j) => [m.row.id, answers[j]] as const));

  const ok: SentRow[] = [];
  for (const row of held) {
    const result = answerOf.get(row.id)!;
    await deps.hooks?.afterProviderAnswer?.(row, result);
    if (result.ok) ok.push({ row, result, sentAt, pacingWaitMs: row.pacingWaitMs });
  }
  await recordSent(db, ok, clock());
  // A refused replay keeps its key: an earlier request that went unanswered may have been taken all the same.
  for (const row of held) {
    const result = answerOf.get(row.id)!;
    outcomes.set(row.id, result.ok ? { status: "sent" } : await recordResult(db, row, result, { sentAt, pacingWaitMs: row.pacingWaitMs, clock, to: row.toAddress ?? undefined }));
  }
  return outcomes;
}
