import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages, type Message, type MessageStatus } from "@/db/schema";
import type { Channels, SendResult } from "@/lib/channels/types";
import { now as clockNow } from "@/lib/clock";
import { markOptedOut } from "@/lib/inbound/opt-out";
import type { SmsPacer } from "./pacing";
import { replayEmailBatches } from "./email-batches";
import { renderForSend, sendRendered, type Rendered } from "./render-send";
import { smsSegmentCount } from "./segments";
import { loadSendContext, type BatchContexts, type EventCache } from "./send-context";
import { newerInSeries } from "./series";
import { decideAtSend } from "./skip-rules";

/** SPEC §4: the first try plus 3 retries, 5 s, 10 s, 20 s apart. */
export const RETRY_BACKOFF_MS = [5_000, 10_000, 20_000] as const;
export const MAX_ATTEMPTS = RETRY_BACKOFF_MS.length + 1;

export type DeliveryOutcome =
  | { status: "sent" | "skipped" | "failed" | "cancelled"; reason?: string }
  | { status: "retry"; retryAt: Date; reason: string }
  | { status: "uncertain"; reason: string }
  | { status: "not-due"; dueAt: Date }
  | { status: "not-claimed"; current: MessageStatus | "missing" };

/** Points where a test (or the chaos run) stops the sender as a crash would. */
export type DeliveryHooks = {
  /** After the recipient and body are stored, before the provider is called. */
  beforeProviderCall?: (row: Message) => void | Promise<void>;
  /** After the provider answered, before the row records the answer. */
  afterProviderAnswer?: (row: Message, result: SendResult) => void | Promise<void>;
};

export type DeliveryDeps = {
  channels: Channels;
  now?: () => Date;
  eventCache?: EventCache;
  /** A claimed batch's contexts, loaded in a few queries (loadBatchContexts); rows absent from it load their own. */
  contexts?: BatchContexts;
  /** A claimed batch's superseded rows (supersededInBatch); with it, no per-row series query. */
  superseded?: Set<string>;
  /** SPEC §4.2: waits for the sender's pace; resolves with the ms waited. Absent: unpaced. */
  pacer?: SmsPacer;
  hooks?: DeliveryHooks;
};

type RowSet = Partial<typeof eventMessages.$inferInsert>;

export async function processClaimed(db: Db, row: Message, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  // An email of a stored batch is never sent alone (a new key: a second send): its whole batch is replayed (decision 0210).
  if (row.channel === "email" && row.batchKey) return (await replayEmailBatches(db, [row], deps)).get(row.id)!;
  const prepared = await prepareClaimed(db, row, deps);
  if (prepared.done) return prepared.outcome;
  const { rendered } = prepared;
  const clock = deps.now ?? clockNow;
  const { pacingWaitMs, from } = row.channel === "sms" ? await paceSms(row, rendered.text, deps) : { pacingWaitMs: row.pacingWaitMs, from: undefined };
  const sentAt = clock();
  const result = await sendRendered(row, rendered, deps.channels, from);
  return completeClaimed(db, row, rendered, result, deps, { sentAt, pacingWaitMs });
}

/**
 * SPEC §4.2: waits for a sending number's pace (any free one of several); the row's
 * pacing wait grows by the time it waited. Unpaced (no pacer or no real sender): at once.
 */
export async function paceSms(row: Message, text: string, deps: DeliveryDeps): Promise<{ pacingWaitMs: number; from?: string }> {
  const clock = deps.now ?? clockNow;
  const senders = deps.channels.sms.senders ?? (deps.channels.sms.sender ? [deps.channels.sms.sender] : []);
  if (!deps.pacer || senders.length === 0) return { pacingWaitMs: row.pacingWaitMs };
  const segments = smsSegmentCount(text);
  const { sender, waited } =
    senders.length > 1 && deps.pacer.any ? await deps.pacer.any([...senders], segments) : { sender: senders[0], waited: await deps.pacer(senders[0], segments) };
  // A row that found the number booked also queued behind the pace before its slot: from its due time on, it is pacing's.
  const due = (row.nextAttemptAt ?? row.scheduledFor).getTime();
  const pacingWaitMs = row.pacingWaitMs + (waited > 0 ? Math.max(waited, clock().getTime() - due) : 0);
  return { pacingWaitMs, from: senders.length > 1 ? sender : undefined };
}

export type Prepared = { done: true; outcome: DeliveryOutcome } | { done: false; rendered: Rendered };

/**
 * Everything before the provider call: the context, the skip rules, superseded, the
 * rendering, stored on the row (a crash after this leaves what recovery needs), the hook.
 */
export async function prepareClaimed(db: Db, row: Message, deps: DeliveryDeps, opts: { store?: boolean } = {}): Promise<Prepared> {
  const clock = deps.now ?? clockNow;
  const at = clock();
  const done = async (set: RowSet & { status: MessageStatus }) => ({ done: true as const, outcome: await finish(db, row, set, clock) });
  const ctx = deps.contexts?.has(row.id) ? deps.contexts.get(row.id)! : await loadSendContext(db, row, deps.eventCache);
  if (!ctx) return done({ status: "failed", statusReason: "event or contact no longer exists" });
  const decision = decideAtSend(row, ctx, at);
  if (decision.action !== "send") {
    return done({ status: decision.action === "skip" ? "skipped" : "cancelled", statusReason: decision.reason });
  }
  const superseded = deps.superseded ? deps.superseded.has(row.id) : Boolean(await newerInSeries(db, row, at));
  if (superseded) return done({ status: "skipped", statusReason: "superseded" });

  let rendered: Rendered;
  try {
    rendered = await renderForSend(row, ctx);
  } catch (err) {
    return done({ status: "failed", statusReason: `could not render: ${errorText(err)}` });
  }
  // The batch path stores a whole batch's renderings in one statement, then calls the hook itself.
  if (opts.store === false) return { done: false, rendered };
  // Stored before the provider call: a crash after it leaves what recovery needs to look it up or resend it.
  await update(db, row, {
    toAddress: rendered.to,
    renderedSubject: rendered.subject ?? null,
    renderedBody: rendered.text,
    renderedHtml: rendered.html ?? null,
  }, clock);
  await deps.hooks?.beforeProviderCall?.(row);
  return { done: false, rendered };
}

/** Everything after the provider answered: the hook, then the row records the answer. */
export async function completeClaimed(
  db: Db,
  row: Message,
  rendered: Rendered,
  result: SendResult,
  deps: DeliveryDeps,
  t: { sentAt: Date; pacingWaitMs?: number },
): Promise<DeliveryOutcome> {
  await deps.hooks?.afterProviderAnswer?.(row, result);
  return recordResult(db, row, result, { sentAt: t.sentAt, pacingWaitMs: t.pacingWaitMs ?? row.pacingWaitMs, clock: deps.now ?? clockNow, to: rendered.to });
}

export async function recordResult(db: Db, row: Message, result: SendResult, t: { sentAt: Date; pacingWaitMs: number; clock: () => Date; to?: string }) {
  const at = t.sentAt;
  const clock = t.clock;
  const paced = { pacingWaitMs: t.pacingWaitMs };
  if (result.ok) {
    return finish(db, row, {
      ...paced,
      status: "sent",
      statusReason: null,
      provider: result.provider,
      providerMessageId: result.providerMessageId,
      actualSendTime: at,
      lastError: null,
      uncertainSince: null,
    }, clock);
  }
  if (result.kind === "uncertain") {
    await update(db, row, { ...paced, uncertainSince: at, lastError: result.reason }, clock);
    return { status: "uncertain" as const, reason: result.reason };
  }
  if (result.kind === "transient" && row.attempts < MAX_ATTEMPTS) {
    const backoff = Math.max(RETRY_BACKOFF_MS[row.attempts - 1] ?? 20_000, result.retryAfterMs ?? 0);
    const retryAt = new Date(at.getTime() + backoff);
    await update(db, row, { ...paced, status: "scheduled", nextAttemptAt: retryAt, lastError: result.reason }, clock);
    return { status: "retry" as const, retryAt, reason: result.reason };
  }
  // Twilio 21610: the number replied STOP to the carrier; honour it everywhere at once (SPEC §4).
  const to = t.to ?? row.toAddress;
  if (row.channel === "sms" && to && String(result.code) === "21610") await markOptedOut(db, to, at);
  const reason = result.kind === "transient" ? `gave up after ${row.attempts} attempts: ${result.reason}` : result.reason;
  return finish(db, row, { ...paced, status: "failed", statusReason: reason, lastError: result.reason }, clock);
}

/** Only the claim this worker holds: after a stale-claim recovery handed the row on, a late writer changes nothing. */
const held = (row: Message) =>
  and(eq(eventMessages.id, row.id), eq(eventMessages.status, "sending"), row.claimedAt ? eq(eventMessages.claimedAt, row.claimedAt) : undefined);

async function update(db: Db, row: Message, set: RowSet, clock: () => Date) {
  await db.update(eventMessages).set({ ...set, updatedAt: clock() }).where(held(row));
}

async function finish(db: Db, row: Message, set: RowSet & { status: MessageStatus }, clock: () => Date): Promise<DeliveryOutcome> {
  await db.update(eventMessages).set({ ...set, nextAttemptAt: null, updatedAt: clock() }).where(held(row));
  return { status: set.status as "sent" | "skipped" | "failed" | "cancelled", reason: set.statusReason ?? undefined };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
