import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { unnestValues } from "@/db/bulk";
import { cooperative } from "@/lib/cooperative";
import type { Message } from "@/db/schema";
import type { SendResult } from "@/lib/channels/types";
import { now as clockNow } from "@/lib/clock";
import { clearBatchKeys, HELD, planEmailBatches, recordSent, replayEmailBatches, type SentRow } from "./email-batches";
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
 * claim (`status = 'sending' and claimed_at = …`) and its own retry/failure handling
 * (recordResult), exactly as processClaimed.
 *
 * Emails go through the channel's batch send (Resend's batch endpoint, up to 100 per
 * request) when it has one; SMS one by one, each waiting for its number's pace. The
 * grouping is decided here and stored with the renderings (`batch_key`): a claimed row
 * that already carries a key is sent again only as exactly its batch (decision 0210).
 */
export type PassOptions = {
  /**
   * Called once the batch's renderings are stored and its provider calls are about to start
   * (or when it had nothing to send): the driver claims and prepares the next batch meanwhile.
   */
  onSending?: (toSend: number) => void;
};

export async function deliverBatch(db: Db, rows: Message[], at: Date, deps: DeliveryDeps, concurrency: number, pass: PassOptions = {}): Promise<DeliveryOutcome[]> {
  if (rows.length === 0) return [];
  const outcomes: DeliveryOutcome[] = new Array(rows.length);
  // Rows of a stored batch are not re-judged nor regrouped: the replay sends their batch as it was.
  const replay = rows.map((row, i) => ({ row, i })).filter(({ row }) => row.channel === "email" && row.batchKey);
  const replaying = replay.length
    ? replayEmailBatches(db, replay.map((r) => r.row), deps).then((got) => replay.forEach(({ row, i }) => (outcomes[i] = got.get(row.id)!)))
    : Promise.resolve();
  const fresh = rows.map((row, i) => ({ row, i })).filter(({ row }) => !(row.channel === "email" && row.batchKey));
  await Promise.all([replaying, deliverFresh(db, fresh, at, deps, concurrency, outcomes, pass)]);
  return outcomes;
}

async function deliverFresh(
  db: Db,
  rows: Array<{ row: Message; i: number }>,
  at: Date,
  deps: DeliveryDeps,
  concurrency: number,
  outcomes: DeliveryOutcome[],
  pass: PassOptions,
): Promise<void> {
  if (rows.length === 0) return;
  const clock = deps.now ?? clockNow;
  const eventCache: EventCache = deps.eventCache ?? new Map();
  const claimed = rows.map((r) => r.row);
  const [contexts, superseded] = await Promise.all([loadBatchContexts(db, claimed, eventCache), supersededInBatch(db, claimed, at)]);
  const batchDeps: DeliveryDeps = { ...deps, eventCache, contexts, superseded };

  // 1. Context, rules, rendering (CPU); rows that end here (skipped, stale, failed render) are finished by prepareClaimed.
  const ready: Ready[] = [];
  // Rendering is synchronous once the context is loaded: a pass of 100–300 rows yields every 10 ms (lib/cooperative).
  const breathe = cooperative();
  await runPool(rows, concurrency, async ({ row, i }) => {
    await breathe();
    const p = await prepareClaimed(db, row, batchDeps, { store: false });
    if (p.done) outcomes[i] = p.outcome;
    else ready.push({ i, row, rendered: p.rendered });
  });
  if (ready.length === 0) return void pass.onSending?.(0);
  ready.sort((a, b) => a.i - b.i);

  // 2. The grouping, decided before any provider call: emails without attachments in batches (id order, ≤ 100).
  const emails = ready.filter((r) => r.row.channel === "email");
  const sms = ready.filter((r) => r.row.channel === "sms");
  const batchSend = deps.channels.email.sendBatch?.bind(deps.channels.email);
  const plan = batchSend ? planEmailBatches(emails.filter((r) => !r.rendered.email?.attachments?.length)) : { batches: [], singles: [] };
  const inBatch = new Map(plan.batches.flatMap((b) => b.members.map((m) => [m.row.id, b.key] as const)));
  const singles = emails.filter((r) => !inBatch.has(r.row.id));

  // 3. Stored before any provider call, with each row's batch key: a crash after it leaves what recovery needs.
  await storeRenderings(db, ready, inBatch, clock());
  for (const r of ready) await deps.hooks?.beforeProviderCall?.(r.row);
  pass.onSending?.(ready.length);

  // 4. Send.
  const results = new Map<string, { result: SendResult; sentAt: Date; pacingWaitMs: number }>();
  const refused: Message[] = [];
  const sendEmails = async () => {
    for (const batch of plan.batches) {
      const sentAt = clock();
      const answers = await batchSend!(batch.members.map((r) => toOutgoingEmail(r.row, r.rendered)), { idempotencyKey: batch.key });
      batch.members.forEach((r, j) => results.set(r.row.id, { result: answers[j], sentAt, pacingWaitMs: r.row.pacingWaitMs }));
      // Every try answered with a status: nothing was sent, the rows may be grouped anew. Else the key stays.
      if (answers.every((a) => !a.ok && !a.unanswered)) refused.push(...batch.members.map((r) => r.row));
    }
    await runPool(singles, concurrency, async (r) => {
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

  // 5. Record: successes in one UPDATE, anything else (retry, failure, uncertain) row by row.
  const ok: SentRow[] = [];
  for (const r of ready) {
    const got = results.get(r.row.id)!;
    await deps.hooks?.afterProviderAnswer?.(r.row, got.result);
    if (got.result.ok) ok.push({ row: r.row, result: got.result, sentAt: got.sentAt, pacingWaitMs: got.pacingWaitMs });
  }
  await recordSent(db, ok, clock());
  await clearBatchKeys(db, refused, clock());
  for (const r of ready) {
    const got = results.get(r.row.id)!;
    if (got.result.ok) outcomes[r.i] = { status: "sent" };
    else outcomes[r.i] = await recordResult(db, r.row, got.result, { sentAt: got.sentAt, pacingWaitMs: got.pacingWaitMs, clock, to: r.rendered.to });
  }
}

type Ready = { i: number; row: Message; rendered: Rendered };

async function storeRenderings(db: Db, ready: Ready[], batchKeys: Map<string, string>, at: Date) {
  const values = unnestValues(
    [
      { name: "id", type: "uuid" },
      { name: "claimed_at", type: "timestamptz" },
      { name: "to_address", type: "text" },
      { name: "rendered_subject", type: "text" },
      { name: "rendered_body", type: "text" },
      { name: "rendered_html", type: "text" },
      { name: "batch_key", type: "text" },
    ],
    ready.map(({ row, rendered }) => [row.id, row.claimedAt, rendered.to, rendered.subject ?? null, rendered.text, rendered.html ?? null, batchKeys.get(row.id) ?? null]),
  );
  await db.execute(sql`
    update event_messages m
    set to_address = v.to_address, rendered_subject = v.rendered_subject, rendered_body = v.rendered_body,
        rendered_html = v.rendered_html, batch_key = v.batch_key, updated_at = ${at.toISOString()}::timestamptz
    from (${values}) v
    where ${HELD}`);
}
