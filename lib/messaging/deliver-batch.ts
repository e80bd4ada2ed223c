import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { unnestValues } from "@/db/bulk";
import type { Message } from "@/db/schema";
import type { SendResult } from "@/lib/channels/types";
import { now as clockNow } from "@/lib/clock";
import { paceSms, prepareClaimed, recordResult, type DeliveryDeps, type DeliveryOutcome } from "./process";
import { sendRendered, toOutgoingEmail, type Rendered } from "./render-send";
import { loadBatchContexts, type EventCache } from "./send-context";
import { supersededInBatch } from "./series";
import { runPool } from "@/lib/pool";

/**
 * A claimed batch (issue 13). Per message the path was: four context queries, the
 * series query, a write before the send and one after. Here, per batch: the context in
 * a few queries, superseded in one, the renderings stored in one UPDATE before any
 * provider call, the successes recorded in one UPDATE after. Each row keeps its own
 * claim (`status = 'sending' and claimed_at = …`), its own Idempotency-Key and its own
 * retry/failure handling (recordResult), exactly as processClaimed.
 *
 * Emails go through the channel's batch send (Resend's batch endpoint, up to 100 per
 * request) when it has one; SMS one by one, each waiting for its number's pace.
 */
export async function deliverBatch(db: Db, rows: Message[], at: Date, deps: DeliveryDeps, concurrency: number): Promise<DeliveryOutcome[]> {
  if (rows.length === 0) return [];
  const clock = deps.now ?? clockNow;
  const eventCache: EventCache = deps.eventCache ?? new Map();
  const [contexts, superseded] = await Promise.all([loadBatchContexts(db, rows, eventCache), supersededInBatch(db, rows, at)]);
  const batchDeps: DeliveryDeps = { ...deps, eventCache, contexts, superseded };
  const outcomes: DeliveryOutcome[] = new Array(rows.length);

  // 1. Context, rules, rendering (CPU); rows that end here (skipped, stale, failed render) are finished by prepareClaimed.
  const ready: Array<{ i: number; row: Message; rendered: Rendered }> = [];
  await runPool(rows, concurrency, async (row, i) => {
    const p = await prepareClaimed(db, row, batchDeps, { store: false });
    if (p.done) outcomes[i] = p.outcome;
    else ready.push({ i, row, rendered: p.rendered });
  });
  if (ready.length === 0) return outcomes;
  ready.sort((a, b) => a.i - b.i);

  // 2. Stored before any provider call: a crash after it leaves what recovery needs.
  await storeRenderings(db, ready, clock());
  for (const r of ready) await deps.hooks?.beforeProviderCall?.(r.row);

  // 3. Send.
  const results = new Map<string, { result: SendResult; sentAt: Date; pacingWaitMs: number }>();
  const emails = ready.filter((r) => r.row.channel === "email");
  const sms = ready.filter((r) => r.row.channel === "sms");
  const batchSend = deps.channels.email.sendBatch?.bind(deps.channels.email);
  const sendEmails = async () => {
    if (batchSend && emails.length > 1) {
      for (let k = 0; k < emails.length; k += EMAIL_BATCH_MAX) {
        const chunk = emails.slice(k, k + EMAIL_BATCH_MAX);
        const sentAt = clock();
        const answers = await batchSend(chunk.map((r) => toOutgoingEmail(r.row, r.rendered)));
        chunk.forEach((r, j) => results.set(r.row.id, { result: answers[j], sentAt, pacingWaitMs: r.row.pacingWaitMs }));
      }
      return;
    }
    await runPool(emails, concurrency, async (r) => {
      const sentAt = clock();
      results.set(r.row.id, { result: await sendRendered(r.row, r.rendered, deps.channels), sentAt, pacingWaitMs: r.row.pacingWaitMs });
    });
  };
  const sendSms = () =>
    runPool(sms, concurrency, async (r) => {
      const { pacingWaitMs, from } = await paceSms(r.row, r.rendered.text, deps);
      const sentAt = clock();
      results.set(r.row.id, { result: await sendRendered(r.row, r.rendered, deps.channels, from), sentAt, pacingWaitMs });
    });
  await Promise.all([sendEmails(), sendSms()]);

  // 4. Record: successes in one UPDATE, anything else (retry, failure, uncertain) row by row.
  const ok: Array<{ row: Message; result: Extract<SendResult, { ok: true }>; sentAt: Date; pacingWaitMs: number }> = [];
  for (const r of ready) {
    const got = results.get(r.row.id)!;
    await deps.hooks?.afterProviderAnswer?.(r.row, got.result);
    if (got.result.ok) ok.push({ row: r.row, result: got.result, sentAt: got.sentAt, pacingWaitMs: got.pacingWaitMs });
  }
  await recordSent(db, ok, clock());
  for (const r of ready) {
    const got = results.get(r.row.id)!;
    if (got.result.ok) outcomes[r.i] = { status: "sent" };
    else outcomes[r.i] = await recordResult(db, r.row, got.result, { sentAt: got.sentAt, pacingWaitMs: got.pacingWaitMs, clock, to: r.rendered.to });
  }
  return outcomes;
}

/** Resend's batch endpoint takes up to 100 emails per request. */
export const EMAIL_BATCH_MAX = 100;

/** A row's claim, as processClaimed's `held`: only the worker holding it may write. */
const HELD = sql.raw(`m.id = v.id and m.status = 'sending' and m.claimed_at is not distinct from v.claimed_at`);

async function storeRenderings(db: Db, ready: Array<{ row: Message; rendered: Rendered }>, at: Date) {
  const values = unnestValues(
    [
      { name: "id", type: "uuid" },
      { name: "claimed_at", type: "timestamptz" },
      { name: "to_address", type: "text" },
      { name: "rendered_subject", type: "text" },
      { name: "rendered_body", type: "text" },
      { name: "rendered_html", type: "text" },
    ],
    ready.map(({ row, rendered }) => [row.id, row.claimedAt, rendered.to, rendered.subject ?? null, rendered.text, rendered.html ?? null]),
  );
  await db.execute(sql`
    update event_messages m
    set to_address = v.to_address, rendered_subject = v.rendered_subject, rendered_body = v.rendered_body,
        rendered_html = v.rendered_html, updated_at = ${at.toISOString()}::timestamptz
    from (${values}) v
    where ${HELD}`);
}

async function recordSent(db: Db, ok: Array<{ row: Message; result: Extract<SendResult, { ok: true }>; sentAt: Date; pacingWaitMs: number }>, at: Date) {
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
